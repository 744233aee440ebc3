from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kit_state import KitState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kit_demographics_type_0 import KitDemographicsType0


T = TypeVar("T", bound="Kit")


@_attrs_define
class Kit:
    """
    Attributes:
        barcode (str):
        batch_id (str):
        state (KitState):
        status (str): Junction's `high.modality.low` for the state
        updated_at (datetime.datetime):
        cancel_reason (None | str | Unset): why the kit was cancelled
        collected_at (datetime.datetime | None | Unset):
        demographics (KitDemographicsType0 | None | Unset):
        dispatched_at (datetime.datetime | None | Unset):
        fee_due (bool | Unset): a replacement offered for a fee: sent once it is paid Default: False.
        fee_reference (None | str | Unset): the service desk's record of the fee paid
        lab_id (None | str | Unset):
        line_no (int | None | Unset):
        line_refunded (bool | Unset): its line was refunded while the sample was at the lab Default: False.
        member_id (None | str | Unset):
        order_id (None | str | Unset):
        outbound_carrier (None | str | Unset):
        outbound_tracking (None | str | Unset):
        reason_code (None | str | Unset): the lab's, when blocked or in error
        received_at (datetime.datetime | None | Unset):
        registered_at (datetime.datetime | None | Unset):
        registered_by (None | str | Unset):
        replaced_by (None | str | Unset): the barcode of the kit that replaces this one
        replaces (None | str | Unset): the barcode of the failed or lost kit this one replaces
        report_ready_at (datetime.datetime | None | Unset):
        return_carrier (None | str | Unset):
        return_tracking (None | str | Unset):
        sent_back_at (datetime.datetime | None | Unset):
    """

    barcode: str
    batch_id: str
    state: KitState
    status: str
    updated_at: datetime.datetime
    cancel_reason: None | str | Unset = UNSET
    collected_at: datetime.datetime | None | Unset = UNSET
    demographics: KitDemographicsType0 | None | Unset = UNSET
    dispatched_at: datetime.datetime | None | Unset = UNSET
    fee_due: bool | Unset = False
    fee_reference: None | str | Unset = UNSET
    lab_id: None | str | Unset = UNSET
    line_no: int | None | Unset = UNSET
    line_refunded: bool | Unset = False
    member_id: None | str | Unset = UNSET
    order_id: None | str | Unset = UNSET
    outbound_carrier: None | str | Unset = UNSET
    outbound_tracking: None | str | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    registered_at: datetime.datetime | None | Unset = UNSET
    registered_by: None | str | Unset = UNSET
    replaced_by: None | str | Unset = UNSET
    replaces: None | str | Unset = UNSET
    report_ready_at: datetime.datetime | None | Unset = UNSET
    return_carrier: None | str | Unset = UNSET
    return_tracking: None | str | Unset = UNSET
    sent_back_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.kit_demographics_type_0 import KitDemographicsType0

        barcode = self.barcode

        batch_id = self.batch_id

        state = self.state.value

        status = self.status

        updated_at = self.updated_at.isoformat()

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        collected_at: None | str | Unset
        if isinstance(self.collected_at, Unset):
            collected_at = UNSET
        elif isinstance(self.collected_at, datetime.datetime):
            collected_at = self.collected_at.isoformat()
        else:
            collected_at = self.collected_at

        demographics: dict[str, Any] | None | Unset
        if isinstance(self.demographics, Unset):
            demographics = UNSET
        elif isinstance(self.demographics, KitDemographicsType0):
            demographics = self.demographics.to_dict()
        else:
            demographics = self.demographics

        dispatched_at: None | str | Unset
        if isinstance(self.dispatched_at, Unset):
            dispatched_at = UNSET
        elif isinstance(self.dispatched_at, datetime.datetime):
            dispatched_at = self.dispatched_at.isoformat()
        else:
            dispatched_at = self.dispatched_at

        fee_due = self.fee_due

        fee_reference: None | str | Unset
        if isinstance(self.fee_reference, Unset):
            fee_reference = UNSET
        else:
            fee_reference = self.fee_reference

        lab_id: None | str | Unset
        if isinstance(self.lab_id, Unset):
            lab_id = UNSET
        else:
            lab_id = self.lab_id

        line_no: int | None | Unset
        if isinstance(self.line_no, Unset):
            line_no = UNSET
        else:
            line_no = self.line_no

        line_refunded = self.line_refunded

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = self.member_id

        order_id: None | str | Unset
        if isinstance(self.order_id, Unset):
            order_id = UNSET
        else:
            order_id = self.order_id

        outbound_carrier: None | str | Unset
        if isinstance(self.outbound_carrier, Unset):
            outbound_carrier = UNSET
        else:
            outbound_carrier = self.outbound_carrier

        outbound_tracking: None | str | Unset
        if isinstance(self.outbound_tracking, Unset):
            outbound_tracking = UNSET
        else:
            outbound_tracking = self.outbound_tracking

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        registered_at: None | str | Unset
        if isinstance(self.registered_at, Unset):
            registered_at = UNSET
        elif isinstance(self.registered_at, datetime.datetime):
            registered_at = self.registered_at.isoformat()
        else:
            registered_at = self.registered_at

        registered_by: None | str | Unset
        if isinstance(self.registered_by, Unset):
            registered_by = UNSET
        else:
            registered_by = self.registered_by

        replaced_by: None | str | Unset
        if isinstance(self.replaced_by, Unset):
            replaced_by = UNSET
        else:
            replaced_by = self.replaced_by

        replaces: None | str | Unset
        if isinstance(self.replaces, Unset):
            replaces = UNSET
        else:
            replaces = self.replaces

        report_ready_at: None | str | Unset
        if isinstance(self.report_ready_at, Unset):
            report_ready_at = UNSET
        elif isinstance(self.report_ready_at, datetime.datetime):
            report_ready_at = self.report_ready_at.isoformat()
        else:
            report_ready_at = self.report_ready_at

        return_carrier: None | str | Unset
        if isinstance(self.return_carrier, Unset):
            return_carrier = UNSET
        else:
            return_carrier = self.return_carrier

        return_tracking: None | str | Unset
        if isinstance(self.return_tracking, Unset):
            return_tracking = UNSET
        else:
            return_tracking = self.return_tracking

        sent_back_at: None | str | Unset
        if isinstance(self.sent_back_at, Unset):
            sent_back_at = UNSET
        elif isinstance(self.sent_back_at, datetime.datetime):
            sent_back_at = self.sent_back_at.isoformat()
        else:
            sent_back_at = self.sent_back_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "barcode": barcode,
                "batch_id": batch_id,
                "state": state,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if collected_at is not UNSET:
            field_dict["collected_at"] = collected_at
        if demographics is not UNSET:
            field_dict["demographics"] = demographics
        if dispatched_at is not UNSET:
            field_dict["dispatched_at"] = dispatched_at
        if fee_due is not UNSET:
            field_dict["fee_due"] = fee_due
        if fee_reference is not UNSET:
            field_dict["fee_reference"] = fee_reference
        if lab_id is not UNSET:
            field_dict["lab_id"] = lab_id
        if line_no is not UNSET:
            field_dict["line_no"] = line_no
        if line_refunded is not UNSET:
            field_dict["line_refunded"] = line_refunded
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if outbound_carrier is not UNSET:
            field_dict["outbound_carrier"] = outbound_carrier
        if outbound_tracking is not UNSET:
            field_dict["outbound_tracking"] = outbound_tracking
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if registered_at is not UNSET:
            field_dict["registered_at"] = registered_at
        if registered_by is not UNSET:
            field_dict["registered_by"] = registered_by
        if replaced_by is not UNSET:
            field_dict["replaced_by"] = replaced_by
        if replaces is not UNSET:
            field_dict["replaces"] = replaces
        if report_ready_at is not UNSET:
            field_dict["report_ready_at"] = report_ready_at
        if return_carrier is not UNSET:
            field_dict["return_carrier"] = return_carrier
        if return_tracking is not UNSET:
            field_dict["return_tracking"] = return_tracking
        if sent_back_at is not UNSET:
            field_dict["sent_back_at"] = sent_back_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kit_demographics_type_0 import KitDemographicsType0

        d = dict(src_dict)
        barcode = d.pop("barcode")

        batch_id = d.pop("batch_id")

        state = KitState(d.pop("state"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))

        def _parse_collected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                collected_at_type_0 = datetime.datetime.fromisoformat(data)

                return collected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        collected_at = _parse_collected_at(d.pop("collected_at", UNSET))

        def _parse_demographics(data: object) -> KitDemographicsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                demographics_type_0 = KitDemographicsType0.from_dict(data)

                return demographics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KitDemographicsType0 | None | Unset, data)

        demographics = _parse_demographics(d.pop("demographics", UNSET))

        def _parse_dispatched_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dispatched_at_type_0 = datetime.datetime.fromisoformat(data)

                return dispatched_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        dispatched_at = _parse_dispatched_at(d.pop("dispatched_at", UNSET))

        fee_due = d.pop("fee_due", UNSET)

        def _parse_fee_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fee_reference = _parse_fee_reference(d.pop("fee_reference", UNSET))

        def _parse_lab_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lab_id = _parse_lab_id(d.pop("lab_id", UNSET))

        def _parse_line_no(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line_no = _parse_line_no(d.pop("line_no", UNSET))

        line_refunded = d.pop("line_refunded", UNSET)

        def _parse_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_id = _parse_order_id(d.pop("order_id", UNSET))

        def _parse_outbound_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outbound_carrier = _parse_outbound_carrier(d.pop("outbound_carrier", UNSET))

        def _parse_outbound_tracking(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outbound_tracking = _parse_outbound_tracking(d.pop("outbound_tracking", UNSET))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        def _parse_registered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registered_at_type_0 = datetime.datetime.fromisoformat(data)

                return registered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        registered_at = _parse_registered_at(d.pop("registered_at", UNSET))

        def _parse_registered_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registered_by = _parse_registered_by(d.pop("registered_by", UNSET))

        def _parse_replaced_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        replaced_by = _parse_replaced_by(d.pop("replaced_by", UNSET))

        def _parse_replaces(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        replaces = _parse_replaces(d.pop("replaces", UNSET))

        def _parse_report_ready_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                report_ready_at_type_0 = datetime.datetime.fromisoformat(data)

                return report_ready_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        report_ready_at = _parse_report_ready_at(d.pop("report_ready_at", UNSET))

        def _parse_return_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_carrier = _parse_return_carrier(d.pop("return_carrier", UNSET))

        def _parse_return_tracking(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_tracking = _parse_return_tracking(d.pop("return_tracking", UNSET))

        def _parse_sent_back_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_back_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_back_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_back_at = _parse_sent_back_at(d.pop("sent_back_at", UNSET))

        kit = cls(
            barcode=barcode,
            batch_id=batch_id,
            state=state,
            status=status,
            updated_at=updated_at,
            cancel_reason=cancel_reason,
            collected_at=collected_at,
            demographics=demographics,
            dispatched_at=dispatched_at,
            fee_due=fee_due,
            fee_reference=fee_reference,
            lab_id=lab_id,
            line_no=line_no,
            line_refunded=line_refunded,
            member_id=member_id,
            order_id=order_id,
            outbound_carrier=outbound_carrier,
            outbound_tracking=outbound_tracking,
            reason_code=reason_code,
            received_at=received_at,
            registered_at=registered_at,
            registered_by=registered_by,
            replaced_by=replaced_by,
            replaces=replaces,
            report_ready_at=report_ready_at,
            return_carrier=return_carrier,
            return_tracking=return_tracking,
            sent_back_at=sent_back_at,
        )

        kit.additional_properties = d
        return kit

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
