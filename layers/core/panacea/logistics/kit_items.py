"""Kits', gene-test lines' and labs' items in the single table (the only place their keys are built):

KitItem             PK T#<t>#KIT#<barcode> · SK KIT             a kit: one per barcode (the key is the barcode:
                                                                imported with attribute_not_exists, so a barcode
                                                                exists once); `version` guards every move
                    GSI1 T#<t>#MEMBER#<member>#KITS · <barcode> a member's kits (set once it is theirs)
                    GSI2 T#<t>#LAB#<lab>#KITS#<state> · <barcode>   a lab's kits in one state (its manifest);
                                                                T#<t>#KITS#<state> before a lab is named
LabEventItem        PK T#<t>#KIT#<barcode> · SK LABEVENT#<lab>#<event id>   a lab event seen for the kit: put
                                                                with attribute_not_exists in the transaction of
                                                                what it changed (a duplicate cancels it)
GeneTestLineItem    PK T#<t>#GENE_LINE#<order>#<line no> · SK LINE   a gene-test line of a paid order (fed by
                                                                `order.paid`): member, quantity, kits given to it
                                                                (`kits` counts them, under `quantity`; a refund
                                                                lowers both), replacement kits sent
                                                                (`replacements`, under the policy's cap), its
                                                                SKU's stability window, `failed`
LineRefundItem      PK T#<t>#GENE_LINE#<order>#<line no> · SK REFUND#<refund id>   a refund of the line, applied:
                                                                put with attribute_not_exists with its change
LabItem             PK T#<t>#LAB#<id> · SK LAB                  a partner lab; its webhook secret SEALED
                    GSI1 T#<t>#LABS · <id>                      the tenant's labs
LabKeyItem          PK T#<t>#LAB_KEY#<api key id> · SK LAB_KEY  which lab signs with an API key (one lab a key)
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.expressions.update import Action

from panacea.logistics.kit_models import JUNCTION_STATUS, Kit, KitState
from panacea.logistics.lab_models import LabView
from panacea.platform.keys import tenant_key
from panacea.platform.table import DocumentAttribute, TableItem

Key = tuple[str, str]


def kit_key(tenant_id: str, barcode: str) -> Key:
    return tenant_key(tenant_id, "KIT", barcode), "KIT"


def member_kits(tenant_id: str, member_id: str) -> str:
    return tenant_key(tenant_id, "MEMBER", member_id, "KITS")


def kits_in(tenant_id: str, lab_id: str | None, state: KitState) -> str:
    if lab_id is None:
        return tenant_key(tenant_id, "KITS", state.value)
    return tenant_key(tenant_id, "LAB", lab_id, "KITS", state.value)


class KitItem(TableItem, discriminator="kit"):
    tenant_id = UnicodeAttribute()
    barcode = UnicodeAttribute()
    batch_id = UnicodeAttribute()
    state = UnicodeAttribute()
    member_id = UnicodeAttribute(null=True)
    order_id = UnicodeAttribute(null=True)
    line_no = NumberAttribute(null=True)
    lab_id = UnicodeAttribute(null=True)
    outbound_carrier = UnicodeAttribute(null=True)
    outbound_tracking = UnicodeAttribute(null=True)
    return_carrier = UnicodeAttribute(null=True)
    return_tracking = UnicodeAttribute(null=True)
    demographics = DocumentAttribute(null=True)
    reason_code = UnicodeAttribute(null=True)
    registered_by = UnicodeAttribute(null=True)
    dispatched_at = UTCDateTimeAttribute(null=True)
    registered_at = UTCDateTimeAttribute(null=True)
    collected_at = UTCDateTimeAttribute(null=True)
    sent_back_at = UTCDateTimeAttribute(null=True)
    received_at = UTCDateTimeAttribute(null=True)
    report_ready_at = UTCDateTimeAttribute(null=True)
    replaces = UnicodeAttribute(null=True)
    replaced_by = UnicodeAttribute(null=True)
    fee_due = BooleanAttribute(null=True)
    fee_reference = UnicodeAttribute(null=True)
    cancel_reason = UnicodeAttribute(null=True)
    line_refunded = BooleanAttribute(null=True)
    updated_at = UTCDateTimeAttribute()
    version = NumberAttribute(default=1)

    @classmethod
    def new(cls, tenant_id: str, barcode: str, batch_id: str, at: datetime) -> KitItem:
        pk, sk = kit_key(tenant_id, barcode)
        return cls(
            pk,
            sk,
            gsi2pk=kits_in(tenant_id, None, KitState.IN_STOCK),
            gsi2sk=barcode,
            tenant_id=tenant_id,
            barcode=barcode,
            batch_id=batch_id,
            state=KitState.IN_STOCK.value,
            updated_at=at,
            version=1,
        )

    @classmethod
    def read(cls, tenant_id: str, barcode: str) -> KitItem | None:
        return cls.find(*kit_key(tenant_id, barcode), consistent_read=True)

    def moved(self, state: KitState, at: datetime, **changes: Any) -> list[Action]:
        """The update to `state` (its lab's queue follows), with `changes` set (None removes)."""
        cls = type(self)
        lab_id = changes.get("lab_id", self.lab_id)
        member_id = changes.get("member_id", self.member_id)
        actions: list[Action] = [
            cls.state.set(state.value),
            cls.gsi2pk.set(kits_in(self.tenant_id, lab_id, state)),
            cls.updated_at.set(at),
            cls.version.add(1),
        ]
        if member_id is not None:
            actions += [cls.gsi1pk.set(member_kits(self.tenant_id, member_id)), cls.gsi1sk.set(self.barcode)]
        for name, value in changes.items():
            attribute = getattr(cls, name)
            actions.append(attribute.remove() if value is None else attribute.set(value))
        return actions

    def is_as_read(self) -> Any:
        """The condition that the kit is still as read: in its state, at the version read."""
        cls = type(self)
        return (cls.state == self.state) & (cls.version == self.version)

    def view(self) -> Kit:
        state = KitState(self.state)
        return Kit(
            barcode=self.barcode,
            state=state,
            status=JUNCTION_STATUS[state],
            batch_id=self.batch_id,
            member_id=self.member_id,
            order_id=self.order_id,
            line_no=int(self.line_no) if self.line_no is not None else None,
            lab_id=self.lab_id,
            outbound_carrier=self.outbound_carrier,
            outbound_tracking=self.outbound_tracking,
            return_carrier=self.return_carrier,
            return_tracking=self.return_tracking,
            demographics={k: str(v) for k, v in self.demographics.items()} if self.demographics else None,
            reason_code=self.reason_code,
            registered_by=self.registered_by,
            dispatched_at=self.dispatched_at,
            registered_at=self.registered_at,
            collected_at=self.collected_at,
            sent_back_at=self.sent_back_at,
            received_at=self.received_at,
            report_ready_at=self.report_ready_at,
            replaces=self.replaces,
            replaced_by=self.replaced_by,
            fee_due=bool(self.fee_due),
            fee_reference=self.fee_reference,
            cancel_reason=self.cancel_reason,
            line_refunded=bool(self.line_refunded),
            updated_at=self.updated_at,
        )


def existing_kits(tenant_id: str, barcodes: list[str]) -> set[str]:
    """Which of `barcodes` are kits already (one BatchGetItem per 100)."""
    keys = [kit_key(tenant_id, barcode) for barcode in barcodes]
    return {item.barcode for item in KitItem.batch_get(keys) if isinstance(item, KitItem)}


def kits_of_member(tenant_id: str, member_id: str) -> list[KitItem]:
    found = KitItem.by_gsi1.query(member_kits(tenant_id, member_id))
    return [item for item in found if isinstance(item, KitItem)]


def kits_of_line(tenant_id: str, member_id: str, order_id: str, line_no: int) -> list[KitItem]:
    """The kits given to a gene-test line, its replacements with them (its member's kits, one Query)."""
    return [k for k in kits_of_member(tenant_id, member_id) if k.order_id == order_id and k.line_no == line_no]


def next_in_stock(tenant_id: str, *, after: str | None = None) -> KitItem | None:
    """The tenant's next unassigned kit: the lowest barcode in stock (above `after`), one Query."""
    condition = KitItem.gsi2sk > after if after else None
    found = KitItem.by_gsi2.query(kits_in(tenant_id, None, KitState.IN_STOCK), range_key_condition=condition, limit=1)
    return next((item for item in found if isinstance(item, KitItem)), None)


def kits_of_lab(tenant_id: str, lab_id: str, state: KitState) -> list[KitItem]:
    found = KitItem.by_gsi2.query(kits_in(tenant_id, lab_id, state))
    return [item for item in found if isinstance(item, KitItem)]


class LabEventItem(TableItem, discriminator="lab_event"):
    tenant_id = UnicodeAttribute()
    barcode = UnicodeAttribute()
    lab_id = UnicodeAttribute()
    event_id = UnicodeAttribute()
    event_type = UnicodeAttribute()
    outcome = UnicodeAttribute()
    received_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, tenant_id: str, barcode: str, lab_id: str, *, event_id: str, event_type: str, outcome: str, at: datetime
    ) -> LabEventItem:
        return cls(
            kit_key(tenant_id, barcode)[0],
            f"LABEVENT#{lab_id}#{event_id}",
            tenant_id=tenant_id,
            barcode=barcode,
            lab_id=lab_id,
            event_id=event_id,
            event_type=event_type,
            outcome=outcome,
            received_at=at,
        )

    @classmethod
    def seen(cls, tenant_id: str, barcode: str, lab_id: str, event_id: str) -> bool:
        key = kit_key(tenant_id, barcode)[0], f"LABEVENT#{lab_id}#{event_id}"
        return cls.find(*key, consistent_read=True) is not None


# --- gene-test lines (fed by order.paid) -----------------------------------------------------------


def line_key(tenant_id: str, order_id: str, line_no: int) -> Key:
    return tenant_key(tenant_id, "GENE_LINE", order_id, str(line_no)), "LINE"


class GeneTestLineItem(TableItem, discriminator="gene_test_line"):
    tenant_id = UnicodeAttribute()
    order_id = UnicodeAttribute()
    line_no = NumberAttribute()
    member_id = UnicodeAttribute()
    product_id = UnicodeAttribute()
    sku_id = UnicodeAttribute()
    quantity = NumberAttribute()
    kits = NumberAttribute(default=0)
    replacements = NumberAttribute(null=True)
    stability_days = NumberAttribute(null=True)
    failed = BooleanAttribute(null=True)
    paid_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, tenant_id: str, order_id: str, line_no: int, *, member_id: str, product_id: str, sku_id: str,
        quantity: int, at: datetime, stability_days: int | None = None,
    ) -> GeneTestLineItem:  # fmt: skip
        return cls(
            *line_key(tenant_id, order_id, line_no),
            tenant_id=tenant_id,
            order_id=order_id,
            line_no=line_no,
            member_id=member_id,
            product_id=product_id,
            sku_id=sku_id,
            quantity=quantity,
            kits=0,
            replacements=0,
            stability_days=stability_days,
            paid_at=at,
        )

    @classmethod
    def read(cls, tenant_id: str, order_id: str, line_no: int) -> GeneTestLineItem | None:
        return cls.find(*line_key(tenant_id, order_id, line_no), consistent_read=True)

    def one_more_kit(self) -> tuple[list[Action], Any]:
        """The update that gives the line one more kit, and its condition: fewer than `quantity`."""
        cls = type(self)
        return [cls.kits.add(1)], cls.kits < self.quantity

    def as_read(self) -> Any:
        """The condition that the line is as read: its replacements counted, neither failed nor
        wholly refunded (the caller checked the policy's cap on what it read)."""
        cls = type(self)
        sent = int(self.replacements or 0)
        counted = cls.replacements.does_not_exist() if self.replacements is None else cls.replacements == sent
        return counted & (cls.quantity > 0) & cls.failed.does_not_exist()

    def one_more_replacement(self) -> tuple[list[Action], Any]:
        """The update that counts a replacement kit, and its condition (`as_read`)."""
        return [type(self).replacements.set(int(self.replacements or 0) + 1)], self.as_read()


class LineRefundItem(TableItem, discriminator="gene_line_refund"):
    refund_id = UnicodeAttribute()
    quantity = NumberAttribute()

    @classmethod
    def new(cls, tenant_id: str, order_id: str, line_no: int, refund_id: str, quantity: int) -> LineRefundItem:
        pk = line_key(tenant_id, order_id, line_no)[0]
        return cls(pk, f"REFUND#{refund_id}", refund_id=refund_id, quantity=quantity)


# --- labs ------------------------------------------------------------------------------------------


def lab_key(tenant_id: str, lab_id: str) -> Key:
    return tenant_key(tenant_id, "LAB", lab_id), "LAB"


class LabItem(TableItem, discriminator="lab"):
    tenant_id = UnicodeAttribute()
    lab_id = UnicodeAttribute()
    name = UnicodeAttribute()
    api_key_id = UnicodeAttribute()
    webhook_url = UnicodeAttribute()
    sealed_secret = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()

    @classmethod
    def new(
        cls, tenant_id: str, lab_id: str, *, name: str, api_key_id: str, webhook_url: str, sealed_secret: str,
        at: datetime,
    ) -> LabItem:  # fmt: skip
        return cls(
            *lab_key(tenant_id, lab_id),
            gsi1pk=tenant_key(tenant_id, "LABS"),
            gsi1sk=lab_id,
            tenant_id=tenant_id,
            lab_id=lab_id,
            name=name,
            api_key_id=api_key_id,
            webhook_url=webhook_url,
            sealed_secret=sealed_secret,
            created_at=at,
        )

    @classmethod
    def read(cls, tenant_id: str, lab_id: str) -> LabItem | None:
        return cls.find(*lab_key(tenant_id, lab_id), consistent_read=True)

    @classmethod
    def every(cls, tenant_id: str) -> list[LabItem]:
        found = cls.by_gsi1.query(tenant_key(tenant_id, "LABS"))
        return [item for item in found if isinstance(item, LabItem)]

    def view(self) -> LabView:
        return LabView(
            id=self.lab_id,
            name=self.name,
            api_key_id=self.api_key_id,
            webhook_url=self.webhook_url,
            created_at=self.created_at,
        )


class LabKeyItem(TableItem, discriminator="lab_key"):
    lab_id = UnicodeAttribute()

    @classmethod
    def new(cls, tenant_id: str, api_key_id: str, lab_id: str) -> LabKeyItem:
        return cls(tenant_key(tenant_id, "LAB_KEY", api_key_id), "LAB_KEY", lab_id=lab_id)

    @classmethod
    def lab_of(cls, tenant_id: str, api_key_id: str) -> str | None:
        found = cls.find(tenant_key(tenant_id, "LAB_KEY", api_key_id), "LAB_KEY")
        return found.lab_id if found else None
