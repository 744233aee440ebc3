"""The network: the tenant's distribution rules as distribution reads them, and referral chains
(who a member's referrer is, theirs, and so on), read link by link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from panacea import identity, tenancy
from panacea.distribution import dal
from panacea.distribution.models import MEMBER_ID_PATTERN
from panacea.distribution.settings import DistributionSettings
from panacea.platform.errors import NotFound

_MEMBER_ID = re.compile(MEMBER_ID_PATTERN)
MAX_CHAIN = 90  # links read to prove a binding makes no loop; each is checked in the binding's transaction


def rules_of(tenant_id: str) -> DistributionSettings:
    """The tenant's distribution section (its settings are read once per invocation); off while
    the tenant is still being set up."""
    found = tenancy.settings_of(tenant_id)
    return DistributionSettings() if found is None else DistributionSettings.of(found)


def currency_of(tenant_id: str) -> str | None:
    found = tenancy.settings_of(tenant_id)
    return None if found is None else found.currency


class DistributorNotFound(NotFound):
    pass


@dataclass(frozen=True)
class Link:
    """One member of a chain, and the version of their binding as read (None: no binding item),
    which the transaction that relies on the chain checks is unchanged."""

    member_id: str
    version: int | None


@dataclass(frozen=True)
class Chain:
    links: list[Link]  # from the first member upward
    complete: bool  # False: cut at MAX_CHAIN links, so a loop could not be ruled out

    def holds(self, member_id: str) -> bool:
        return any(link.member_id == member_id for link in self.links)


def chain_of(tenant_id: str, member_id: str, *, at: datetime, limit: int = MAX_CHAIN) -> Chain:
    """`member_id` and the referrers above them while bindings are active: the chain a new binding
    to `member_id` would join. Consistent reads: it decides whether a binding makes a loop."""
    links: list[Link] = []
    current: str | None = member_id
    seen: set[str] = set()
    while current is not None and current not in seen:
        if len(links) == limit:
            return Chain(links, complete=False)
        seen.add(current)
        item = dal.binding(tenant_id, current, consistent=True)
        links.append(Link(current, None if item is None else int(item.version)))
        current = item.referrer_id if item is not None and item.active(at) else None
    return Chain(links, complete=True)


def upline(tenant_id: str, member_id: str, *, levels: int, at: datetime) -> list[str]:
    """The referrers of `member_id`, level 1 first, as many as `levels` (fewer where the chain ends)."""
    found: list[str] = []
    current = member_id
    while len(found) < levels:
        item = dal.binding(tenant_id, current, consistent=True)
        if item is None or not item.active(at) or item.referrer_id is None or item.referrer_id in found:
            break
        found.append(item.referrer_id)
        current = item.referrer_id
    return found


class MemberNotFound(NotFound):
    pass


def member_of(tenant_id: str, member_id: str, *, field: str) -> str:
    """`member_id`, if it names a person of the tenant (identity says); else a 404 naming `field`."""
    if not (well_formed(member_id) and identity.is_user(tenant_id, member_id)):
        raise MemberNotFound(f"no member {member_id}", field=field)
    return member_id


def distributor_of(tenant_id: str, member_id: str, *, field: str) -> dal.DistributorItem:
    found = dal.distributor(tenant_id, member_id) if well_formed(member_id) else None
    if found is None:
        raise DistributorNotFound(f"{member_id} is not a distributor", field=field)
    return found


def well_formed(member_id: str) -> bool:
    """A member id a key can hold (a path parameter may be anything)."""
    return _MEMBER_ID.match(member_id) is not None
