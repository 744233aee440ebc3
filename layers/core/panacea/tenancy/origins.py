"""A tenant's web origins (CORS): the domains of its own web apps, which may call the API from a
browser (`panacea.platform.cors`).

- The registry: each origin a tenant's settings list is claimed for that tenant (dal.py,
  `P#UNIQUE#tenant_origin#<origin>`) in the transaction that changes the settings, and released
  in the one that drops it. An origin belongs to one tenant: another tenant listing it is a 409
  naming the entry (`allowed_origins[i]`), and nothing of that change is written.
- The preflight function asks the registry whose an origin is (`owner_of`): a preflight carries
  no credentials.
- The HTTP edge asks which origins a tenant lists (`allowed_origins`, declared to the kernel
  here), from its settings, read once per invocation however many ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from panacea.platform.cors import origins_reader
from panacea.platform.errors import Conflict, FieldError
from panacea.tenancy import dal

if TYPE_CHECKING:
    from panacea.platform.transaction import UnitOfWork


class OriginTaken(Conflict):
    """Another tenant lists this web origin: an origin belongs to one tenant, which it names in
    its settings (`allowed_origins`); the change that listed it again was not written."""

    slug, title = "origin-taken", "Origin taken"


@dataclass(frozen=True)
class Moves:
    """The origins a settings change adds to a tenant's list, and those it drops."""

    added: tuple[str, ...]
    removed: tuple[str, ...]

    @classmethod
    def between(cls, before: list[str], after: list[str]) -> Moves:
        return cls(tuple(o for o in after if o not in before), tuple(o for o in before if o not in after))

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def register(uow: UnitOfWork, tenant_id: str, moves: Moves, *, listed: list[str]) -> None:
    """Claim the added origins for the tenant and release the dropped ones, in `uow` (which must
    commit with `dal.writing_origins`: the claims are platform items). `listed`: the new list."""
    for origin in moves.added:
        where = f"allowed_origins[{listed.index(origin)}]"
        taken = OriginTaken(f"another tenant lists the origin {origin}", errors=[FieldError(where, "taken")])
        dal.claim_origin(uow, tenant_id, origin, taken=taken)
    for origin in moves.removed:
        dal.release_origin(uow, tenant_id, origin)


def owner_of(origin: str) -> str | None:
    """The tenant whose web app `origin` is (as browsers send it: lowercase), or None."""
    return dal.origin_owner(origin)


@origins_reader
def allowed_origins(tenant_id: str) -> list[str]:
    """The origins the tenant lists (none before onboarding wrote its settings)."""
    from panacea.tenancy.logic import settings_of  # noqa: PLC0415 - the preflight function loads none of the use cases

    settings = settings_of(tenant_id)
    return list(settings.allowed_origins) if settings else []
