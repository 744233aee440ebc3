"""Distribution's items of its network in the single table, and every query that reads them (the
commission ledger's items are in ledger_items.py).

DistributorItem   PK T#<t>#DISTRIBUTOR#<member> · SK DISTRIBUTOR     a distributor: kind, status, code
                  GSI1 T#<t>#DISTRIBUTORS · <created ulid>            every distributor, newest first
                  GSI2 T#<t>#DISTRIBUTORS#<status> · <created ulid>   distributors in one status, newest first
referral code     PK T#<t>#UNIQUE#referral_code#<code> · SK UNIQUE    the claim that makes a code unique in the
                                                                      tenant (`owner`: the distributor's member
                                                                      id): how a code is read back (one GetItem)
BindingItem       PK T#<t>#DISTRIBUTION#MEMBER#<member> · SK BINDING  a member's referrer and the evidence
                  GSI1 T#<t>#DISTRIBUTOR#<referrer>#TEAM · <bound_at ulid>   a referrer's level-1 team, newest
                                                                      first (an unbound member leaves it)
BindingChangeItem PK T#<t>#DISTRIBUTION#MEMBER#<member> · SK CHANGE#<ulid>    a member's binding history
SpendItem         PK T#<t>#DISTRIBUTION#MEMBER#<member> · SK SPEND    a member's paid orders and their sum
                                                                      (new-members-only binding, the spending
                                                                      threshold of recruitment)
SpentOrderItem    PK T#<t>#DISTRIBUTION#MEMBER#<member> · SK SPEND#<order>  an order counted once in it

A member's binding, history and spend share one partition: the binding record is one Query.
A referral chain is read link by link (one GetItem per level; `network.chain_of`). Every change
of a binding is a put of the whole item at the version it was read at (`version`), so two changes
of one member's binding cannot both land.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from panacea.distribution.models import (
    Became,
    Binding,
    BindingChange,
    BoundBy,
    Distributor,
    DistributorKind,
    DistributorStatus,
    TeamMember,
)
from panacea.platform.ids import id_at
from panacea.platform.keys import owner_key, tenant_key
from panacea.platform.table import Page, TableItem, Uniqueness, decode_cursor, encode_cursor, page_of

CODE_KIND = "referral_code"


def _distributor_pk(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "DISTRIBUTOR", member_id)


def distributor_key(tenant_id: str, member_id: str) -> tuple[str, str]:
    return _distributor_pk(tenant_id, member_id), "DISTRIBUTOR"


def _distributors(tenant_id: str, status: DistributorStatus | None = None) -> str:
    return tenant_key(tenant_id, "DISTRIBUTORS", *([status.value] if status else []))


def member_pk(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "DISTRIBUTION", "MEMBER", member_id)


def _team(tenant_id: str, referrer_id: str) -> str:
    return tenant_key(tenant_id, "DISTRIBUTOR", referrer_id, "TEAM")


def code_pk(tenant_id: str, code: str) -> str:
    return owner_key(tenant_id, "UNIQUE", CODE_KIND, code.lower())


# --- items -------------------------------------------------------------------------------------


class DistributorItem(TableItem, discriminator="distributor"):
    member_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    status = UnicodeAttribute()
    referral_code = UnicodeAttribute()
    store_id = UnicodeAttribute(null=True)
    became = UnicodeAttribute()
    status_reason = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    version = VersionAttribute()

    @classmethod
    def new(
        cls,
        tenant_id: str,
        member_id: str,
        *,
        kind: DistributorKind,
        code: str,
        became: Became,
        store_id: str | None,
        at: datetime,
    ) -> DistributorItem:
        item = cls(
            _distributor_pk(tenant_id, member_id),
            "DISTRIBUTOR",
            gsi1pk=_distributors(tenant_id),
            gsi1sk=id_at(at),
            member_id=member_id,
            kind=kind.value,
            referral_code=code,
            store_id=store_id,
            became=became.value,
            created_at=at,
        )
        item.move_to(tenant_id, DistributorStatus.ACTIVE, reason=None, at=at)
        return item

    def move_to(self, tenant_id: str, status: DistributorStatus, *, reason: str | None, at: datetime) -> None:
        self.status, self.status_reason, self.updated_at = status.value, reason, at
        self.gsi2pk, self.gsi2sk = _distributors(tenant_id, status), self.gsi1sk

    @property
    def current_status(self) -> DistributorStatus:
        return DistributorStatus(self.status)

    @property
    def earns(self) -> bool:
        return self.current_status == DistributorStatus.ACTIVE

    def view(self) -> Distributor:
        return Distributor(
            member_id=self.member_id,
            kind=DistributorKind(self.kind),
            status=self.current_status,
            referral_code=self.referral_code,
            store_id=self.store_id,
            became=Became(self.became),
            status_reason=self.status_reason,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )


class BindingItem(TableItem, discriminator="distribution_binding"):
    member_id = UnicodeAttribute()
    referrer_id = UnicodeAttribute(null=True)
    how = UnicodeAttribute(null=True)
    code = UnicodeAttribute(null=True)
    bound_at = UTCDateTimeAttribute(null=True)
    until = UTCDateTimeAttribute(null=True)
    rule_version = UnicodeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def key(cls, tenant_id: str, member_id: str) -> tuple[str, str]:
        return member_pk(tenant_id, member_id), "BINDING"

    @classmethod
    def blank(cls, tenant_id: str, member_id: str) -> BindingItem:
        return cls(*cls.key(tenant_id, member_id), member_id=member_id)

    def bind(
        self,
        tenant_id: str,
        referrer_id: str,
        *,
        how: BoundBy,
        code: str | None,
        until: datetime | None,
        rule_version: str,
        at: datetime,
    ) -> None:
        self.referrer_id, self.how, self.code = referrer_id, how.value, code
        self.bound_at, self.until, self.rule_version = at, until, rule_version
        self.gsi1pk, self.gsi1sk = _team(tenant_id, referrer_id), id_at(at)

    def unbind(self) -> None:
        self.referrer_id = self.how = self.code = self.bound_at = self.until = self.rule_version = None
        self.gsi1pk = self.gsi1sk = None

    def active(self, at: datetime) -> bool:
        return self.referrer_id is not None and (self.until is None or self.until > at)

    def view(self, at: datetime) -> Binding:
        return Binding(
            member_id=self.member_id,
            referrer_id=self.referrer_id,
            how=BoundBy(self.how) if self.how else None,
            code=self.code,
            bound_at=self.bound_at,
            until=self.until,
            rule_version=self.rule_version,
            active=self.active(at),
        )

    def team_view(self, level: int) -> TeamMember:
        assert self.referrer_id is not None
        assert self.how is not None
        assert self.bound_at is not None
        return TeamMember(
            member_id=self.member_id,
            level=level,
            referrer_id=self.referrer_id,
            how=BoundBy(self.how),
            bound_at=self.bound_at,
            until=self.until,
        )


class BindingChangeItem(TableItem, discriminator="distribution_binding_change"):
    at = UTCDateTimeAttribute()
    by = UnicodeAttribute()
    how = UnicodeAttribute(null=True)
    from_referrer = UnicodeAttribute(null=True)
    to_referrer = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)

    @classmethod
    def of(cls, tenant_id: str, member_id: str, change: BindingChange) -> BindingChangeItem:
        return cls(
            member_pk(tenant_id, member_id),
            f"CHANGE#{id_at(change.at)}",
            at=change.at,
            by=change.by,
            how=change.how.value if change.how else None,
            from_referrer=change.from_referrer,
            to_referrer=change.to_referrer,
            reason=change.reason,
        )

    def view(self) -> BindingChange:
        return BindingChange(
            at=self.at,
            by=self.by,
            how=BoundBy(self.how) if self.how else None,
            from_referrer=self.from_referrer,
            to_referrer=self.to_referrer,
            reason=self.reason,
        )


class SpendItem(TableItem, discriminator="distribution_spend"):
    member_id = UnicodeAttribute()
    paid_orders = NumberAttribute(default=0)
    spent = NumberAttribute(default=0)  # minor units of the tenant's currency

    @classmethod
    def key(cls, tenant_id: str, member_id: str) -> tuple[str, str]:
        return member_pk(tenant_id, member_id), "SPEND"


class SpentOrderItem(TableItem, discriminator="distribution_spent_order"):
    order_id = UnicodeAttribute()
    amount = NumberAttribute()

    @classmethod
    def of(cls, tenant_id: str, member_id: str, order_id: str, amount: int) -> SpentOrderItem:
        return cls(member_pk(tenant_id, member_id), f"SPEND#{order_id}", order_id=order_id, amount=amount)


# --- reads -------------------------------------------------------------------------------------


def distributor(tenant_id: str, member_id: str, *, consistent: bool = False) -> DistributorItem | None:
    return DistributorItem.find(_distributor_pk(tenant_id, member_id), "DISTRIBUTOR", consistent_read=consistent)


def owner_of_code(tenant_id: str, code: str) -> str | None:
    """The member id of the distributor holding `code` (one GetItem of its claim)."""
    claim = Uniqueness.find(code_pk(tenant_id, code), "UNIQUE")
    return None if claim is None else claim.owner


def distributors(
    tenant_id: str, *, status: DistributorStatus | None, cursor: str | None, limit: int
) -> Page[Distributor]:
    """Distributors newest first, all (GSI1) or in one status (GSI2): one Query a page."""
    index, attribute = (DistributorItem.by_gsi2, "GSI2PK") if status else (DistributorItem.by_gsi1, "GSI1PK")
    partition = _distributors(tenant_id, status)
    results = index.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=(attribute, partition)),
    )
    return page_of(results, DistributorItem.view)  # type: ignore[arg-type]


def binding(tenant_id: str, member_id: str, *, consistent: bool = False) -> BindingItem | None:
    return BindingItem.find(*BindingItem.key(tenant_id, member_id), consistent_read=consistent)


def binding_record(tenant_id: str, member_id: str, *, history: int) -> tuple[BindingItem | None, list[BindingChange]]:
    """A member's binding and their latest `history` changes: one Query of their partition, newest
    change first, the binding item sorting after the changes (a GetItem more when the member has had
    more changes than a page shows)."""
    found = list(
        TableItem.query(
            member_pk(tenant_id, member_id),
            TableItem.sk.between("BINDING", "CHANGE#~"),
            scan_index_forward=False,
            limit=history + 1,
        )
    )
    current = next((item for item in found if isinstance(item, BindingItem)), None)
    changes = [item.view() for item in found if isinstance(item, BindingChangeItem)][:history]
    if current is None and len(changes) == history:
        current = binding(tenant_id, member_id)
    return current, changes


def team(
    tenant_id: str, referrer_id: str, *, cursor: str | None, limit: int, query: str = ""
) -> tuple[list[BindingItem], str | None]:
    """The members bound to `referrer_id` now or until their binding lapses, newest first: one
    Query on GSI1 a page, and the cursor of the next (sealed for `query`: the list it pages)."""
    partition = _team(tenant_id, referrer_id)
    results = BindingItem.by_gsi1.query(
        partition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=decode_cursor(cursor, partition=("GSI1PK", partition), query=query or None),
    )
    items = [item for item in results if isinstance(item, BindingItem)]
    return items, encode_cursor(results.last_evaluated_key, query=query or None)


def spend(tenant_id: str, member_id: str) -> SpendItem | None:
    return SpendItem.find(*SpendItem.key(tenant_id, member_id), consistent_read=True)


def whole_team(tenant_id: str, referrer_id: str) -> Iterator[BindingItem]:
    """Every member bound to `referrer_id` (lapsed ones too: the caller judges), newest first:
    GSI1 read page after page (a team summary's walk)."""
    for item in BindingItem.by_gsi1.query(_team(tenant_id, referrer_id), scan_index_forward=False):
        if isinstance(item, BindingItem):
            yield item


def spends(tenant_id: str, member_ids: list[str]) -> list[SpendItem]:
    """The spend of each member that has one: one BatchGetItem per 100 members."""
    keys = [SpendItem.key(tenant_id, member_id) for member_id in member_ids]
    return [item for item in SpendItem.batch_get(keys) if isinstance(item, SpendItem)] if keys else []
