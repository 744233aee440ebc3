"""Distribution's HTTP routes: members see their distributor profile and code, their team by level
and their referrer, and become distributors where the tenant lets them; staff appoint, suspend and
remove distributors, and rebind or unbind members with a reason; distributors' share links and QR codes
(link_routes' router, included here). Wallets, withdrawals and statements are wallet_api.py's."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.distribution import link_routes
from panacea.distribution import binding, distributors, teams
from panacea.distribution.access import Action
from panacea.distribution.models import (
    Appointment,
    Binding,
    BindingRecord,
    Distributor,
    DistributorStatus,
    DistributorStatusChange,
    Rebinding,
    TeamMember,
    Unbinding,
)
from panacea.distribution.settings import MAX_LEVELS
from panacea.platform.access import requires
from panacea.platform.api import IdempotencyKey, build_resolver, created, current_actor, idempotent, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()
app.include_router(link_routes.router)

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Level = Annotated[int, Query(ge=1, le=MAX_LEVELS, description="1: bound to the distributor; 2: to those; …")]
MINE, STAFF = "My distribution", "Distribution"
TAKE_PART, READ, MANAGE = (
    requires(a) for a in (Action.TAKE_PART, Action.READ_DISTRIBUTION, Action.MANAGE_DISTRIBUTION)
)
DEEPER = "Level 2 and 3 list those bound to the level-1 members of the page (the cursor pages level 1)."


# --- members -----------------------------------------------------------------------------------


@app.get("/v1/me/distributor", summary="Your distributor profile and referral code", description=TAKE_PART, tags=[MINE])
def my_distributor() -> Distributor:
    return distributors.mine(current_actor())


@app.post(
    "/v1/me/distributor",
    summary="Become a distributor",
    description=f"{TAKE_PART} Where the tenant lets every member distribute, or once your paid orders reach its "
    "threshold; a distributor already gets their profile back.",
    tags=[MINE],
)
def become_distributor() -> Distributor:
    return distributors.join(current_actor())


@app.get("/v1/me/team", summary="Your team, by level", description=f"{TAKE_PART} {DEEPER}", tags=[MINE])
def my_team(level: Level = 1, cursor: Cursor = None, limit: Limit = 20) -> Page[TeamMember]:
    return teams.my_team(current_actor(), level=level, cursor=cursor, limit=limit)


@app.get(
    "/v1/me/referrer",
    summary="Who you are bound to, and how",
    description=f"{TAKE_PART} `referrer_id` is absent when you are bound to no one.",
    tags=[MINE],
)
def my_referrer() -> Binding:
    return binding.my_referrer(current_actor())


# --- staff -------------------------------------------------------------------------------------


@app.get("/v1/distributors", summary="List distributors, newest first", description=READ, tags=[STAFF])
def list_distributors(
    status: Annotated[DistributorStatus | None, Query()] = None, cursor: Cursor = None, limit: Limit = 20
) -> Page[Distributor]:
    return distributors.listed(current_actor(), status=status, cursor=cursor, limit=limit)


@app.post(
    "/v1/distributors",
    summary="Appoint a distributor",
    description=f"{MANAGE} A suspended or removed distributor is active again, with their code and network.",
    tags=[STAFF],
    status_code=201,
)
def appoint_distributor(appointment: Appointment, idempotency_key: IdempotencyKey = None) -> Response[Distributor]:
    actor = current_actor()
    made = idempotent(
        actor,
        "distribution.appoint",
        appointment,
        Distributor,
        lambda: distributors.appoint(actor, appointment),
        key=idempotency_key,
    )
    return created(made, f"/v1/distributors/{made.member_id}")


@app.get("/v1/distributors/<member_id>", summary="Read a distributor", description=READ, tags=[STAFF])
def get_distributor(member_id: str) -> Distributor:
    return distributors.get(current_actor(), member_id)


@app.get(
    "/v1/distributors/<member_id>/team", summary="A distributor's team, by level", description=f"{READ} {DEEPER}",
    tags=[STAFF],
)  # fmt: skip
def distributor_team(member_id: str, level: Level = 1, cursor: Cursor = None, limit: Limit = 20) -> Page[TeamMember]:
    return teams.distributor_team(current_actor(), member_id, level=level, cursor=cursor, limit=limit)


@app.post(
    "/v1/distributors/<member_id>/suspend",
    summary="Suspend a distributor",
    description=f"{MANAGE} No one binds to them and they earn nothing until appointed again.",
    tags=[STAFF],
)
def suspend_distributor(member_id: str, change: DistributorStatusChange) -> Distributor:
    return distributors.suspend(current_actor(), member_id, change)


@app.post(
    "/v1/distributors/<member_id>/remove",
    summary="Remove a distributor",
    description=f"{MANAGE} Their network stays bound to them; they earn nothing new.",
    tags=[STAFF],
)
def remove_distributor(member_id: str, change: DistributorStatusChange) -> Distributor:
    return distributors.remove(current_actor(), member_id, change)


@app.get(
    "/v1/distribution/bindings/<member_id>",
    summary="A member's binding, its evidence and history",
    description=READ,
    tags=[STAFF],
)
def get_binding(member_id: str) -> BindingRecord:
    return binding.record(current_actor(), member_id)


@app.put(
    "/v1/distribution/bindings/<member_id>",
    summary="Bind a member to another referrer",
    description=f"{MANAGE} Whatever the tenant's binding rules, but never to themselves, into a loop, or to a "
    "distributor who is not active; the reason is kept in the member's binding history.",
    tags=[STAFF],
)
def rebind(member_id: str, rebinding: Rebinding) -> Binding:
    return binding.rebind(current_actor(), member_id, rebinding)


@app.post(
    "/v1/distribution/bindings/<member_id>/unbind",
    summary="Unbind a member from their referrer",
    description=f"{MANAGE} The reason is kept in the member's binding history.",
    tags=[STAFF],
)
def unbind(member_id: str, unbinding: Unbinding) -> Binding:
    return binding.unbind(current_actor(), member_id, unbinding)


handler = lambda_entry(app)
