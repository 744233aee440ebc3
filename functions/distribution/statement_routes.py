"""The routes that read distribution's money back, as a Powertools `Router` that the context's API
function includes: a distributor's team summed up by level, their statement of a period (and its
workbook), staff's commission and withdrawal lists with filters (and their workbooks)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.distribution import statements, teams, views
from panacea.distribution.access import Action
from panacea.distribution.ledger_items import ShareState
from panacea.distribution.models import MEMBER_ID_PATTERN
from panacea.distribution.periods import MONTH_PATTERN
from panacea.distribution.statement_models import CommissionView, Statement, TeamSummary
from panacea.distribution.wallet_access import WalletAction
from panacea.distribution.wallet_models import WithdrawalState, WithdrawalView
from panacea.platform.access import requires
from panacea.platform.api import attachment, current_actor
from panacea.platform.table import MAX_PAGE, Page
from panacea.platform.workbooks import XLSX

router = Router()  # type: ignore[no-untyped-call]

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Month = Annotated[
    str | None, Query(pattern=MONTH_PATTERN, description="a calendar month of the tenant's time zone, e.g. 2026-11")
]
Since = Annotated[date | None, Query(description="the period's first day (the tenant's time zone)")]
Until = Annotated[date | None, Query(description="the period's last day, included")]
Id = Annotated[str | None, Query(pattern=MEMBER_ID_PATTERN, description="an id")]
MINE, STAFF, FINANCE = "My distribution", "Distribution", "Withdrawals"
TAKE_PART, READ = requires(Action.TAKE_PART), requires(Action.READ_DISTRIBUTION)
REVIEW = requires(WalletAction.REVIEW_WITHDRAWALS)
PERIOD = (
    "The period is a `month`, or the days `since` to `until` (both included, until: today), of the tenant's "
    "time zone; none given: this month. Opening + movements = closing in each state (pending, frozen, "
    "available), to the minor unit; a period running to now closes on the ledger's balance."
)
WORKBOOK: dict[int, Any] = {
    200: {"description": "the workbook", "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}}}
}
SEND_ACCEPT = f"Send `Accept: {XLSX}`."
SUMMARY = "Per level the tenant pays: members bound now, what they have paid, and the commission earned on it by state."


# --- members ---------------------------------------------------------------------------------------


@router.get(
    "/v1/me/team/summary", summary="Your team, added up by level", description=f"{TAKE_PART} {SUMMARY}", tags=[MINE]
)
def my_team_summary() -> TeamSummary:
    return teams.my_team_summary(current_actor())


@router.get("/v1/me/statement", summary="Your commission statement", description=f"{TAKE_PART} {PERIOD}", tags=[MINE])
def my_statement(month: Month = None, since: Since = None, until: Until = None) -> Statement:
    return statements.my_statement(current_actor(), month=month, since=since, until=until)


@router.get(
    "/v1/me/statement/export",
    summary="Your commission statement as an Excel workbook (.xlsx)",
    description=f"{TAKE_PART} {PERIOD} {SEND_ACCEPT}",
    tags=[MINE],
    responses=WORKBOOK,
)
def export_my_statement(month: Month = None, since: Since = None, until: Until = None) -> Response[str]:
    made = statements.export_mine(current_actor(), month=month, since=since, until=until)
    return attachment(made.content, media_type=made.media_type, filename=made.filename)


# --- staff -----------------------------------------------------------------------------------------


@router.get(
    "/v1/distributors/<member_id>/team/summary",
    summary="A distributor's team, added up by level",
    description=f"{READ} {SUMMARY}",
    tags=[STAFF],
)
def distributor_team_summary(member_id: str) -> TeamSummary:
    return teams.distributor_team_summary(current_actor(), member_id)


@router.get(
    "/v1/distributors/<member_id>/statement",
    summary="A distributor's commission statement",
    description=f"{READ} {PERIOD}",
    tags=[STAFF],
)
def distributor_statement(member_id: str, month: Month = None, since: Since = None, until: Until = None) -> Statement:
    return statements.distributor_statement(current_actor(), member_id, month=month, since=since, until=until)


@router.get(
    "/v1/distributors/<member_id>/statement/export",
    summary="A distributor's commission statement as an Excel workbook (.xlsx)",
    description=f"{READ} {PERIOD} {SEND_ACCEPT}",
    tags=[STAFF],
    responses=WORKBOOK,
)
def export_distributor_statement(
    member_id: str, month: Month = None, since: Since = None, until: Until = None
) -> Response[str]:
    made = statements.export_distributors(current_actor(), member_id, month=month, since=since, until=until)
    return attachment(made.content, media_type=made.media_type, filename=made.filename)


COMMISSIONS = (
    "By `distributor_id`, `order_id` or `state` (one at least; 422 otherwise), and the days `since` to `until` "
    "(the tenant's time zone) the commission accrued in. A page filtered may hold fewer than `limit`: follow "
    "`next_cursor` to the end."
)


@router.get(
    "/v1/distribution/commissions",
    summary="Commissions, newest first, filtered",
    description=f"{READ} {COMMISSIONS}",
    tags=[STAFF],
)
def list_commissions(  # noqa: PLR0917 - one query parameter each
    distributor_id: Id = None,
    order_id: Id = None,
    state: Annotated[ShareState | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[CommissionView]:
    actor = current_actor()
    where = views.commission_filter(
        actor, distributor_id=distributor_id, order_id=order_id, state=state, since=since, until=until
    )
    return views.commissions(actor, where, cursor=cursor, limit=limit)


@router.get(
    "/v1/distribution/commissions/export",
    summary="Commissions, filtered, as an Excel workbook (.xlsx)",
    description=f"{READ} {COMMISSIONS} A Total row per currency and state, and of all. {SEND_ACCEPT}",
    tags=[STAFF],
    responses=WORKBOOK,
)
def export_commissions(
    distributor_id: Id = None,
    order_id: Id = None,
    state: Annotated[ShareState | None, Query()] = None,
    since: Since = None,
    until: Until = None,
) -> Response[str]:
    actor = current_actor()
    where = views.commission_filter(
        actor, distributor_id=distributor_id, order_id=order_id, state=state, since=since, until=until
    )
    made = views.export_commissions(actor, where)
    return attachment(made.content, media_type=made.media_type, filename=made.filename)


# --- finance ---------------------------------------------------------------------------------------

WITHDRAWALS = (
    "By `member_id` or `state` (one at least; 422 otherwise), and the days `since` to `until` (the tenant's "
    "time zone) they were asked for in. A page filtered may hold fewer than `limit`: follow `next_cursor` to the end."
)


@router.get(
    "/v1/withdrawals",
    summary="Withdrawals, newest first, filtered",
    description=f"{REVIEW} {WITHDRAWALS}",
    tags=[FINANCE],
)
def list_withdrawals(  # noqa: PLR0917 - one query parameter each
    member_id: Id = None,
    state: Annotated[WithdrawalState | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> Page[WithdrawalView]:
    actor = current_actor()
    where = views.withdrawal_filter(actor, member_id=member_id, state=state, since=since, until=until)
    return views.withdrawal_list(actor, where, cursor=cursor, limit=limit)


@router.get(
    "/v1/withdrawals/export",
    summary="Withdrawals, filtered, as an Excel workbook (.xlsx)",
    description=f"{REVIEW} {WITHDRAWALS} A Total row of amount, fee and held per currency and state. {SEND_ACCEPT}",
    tags=[FINANCE],
    responses=WORKBOOK,
)
def export_withdrawals(
    member_id: Id = None,
    state: Annotated[WithdrawalState | None, Query()] = None,
    since: Since = None,
    until: Until = None,
) -> Response[str]:
    actor = current_actor()
    where = views.withdrawal_filter(actor, member_id=member_id, state=state, since=since, until=until)
    made = views.export_withdrawals(actor, where)
    return attachment(made.content, media_type=made.media_type, filename=made.filename)
