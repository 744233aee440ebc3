"""The order-fulfilment workflow's tasks (statemachines/order-fulfilment.asl.json).

    AwaitPayment ─(token; the tenant's payment timeout)─► StartFulfilment ─► Map over the groups:
        shipment   AwaitShipment ─(token: staff's tracking)─► AwaitReceipt ─(token: the member's
                   receipt, or the tenant's auto_complete_days)─► MarkDelivered
        service    IssueVouchers
        gene_test  AwaitReport ─(token: report.released, from sample logistics; 180 days)─► done
    ─► CompleteOrder (order.completed)

A waiting task stores its token on the order, then looks at the order: if what it waits for has
already happened (the payment arrived before the workflow got here, the parcel was shipped, the
order was refunded), it answers its own token at once. Whoever makes the awaited thing happen
later answers the stored token (changes.py). Either way the workflow is answered exactly when the
stored order says so, whatever the order of events.

Every task is idempotent: run twice (a Retry, a redelivered start) it changes nothing twice.
"""

from __future__ import annotations

import secrets
from typing import Any

from panacea.orders import dal
from panacea.orders.changes import CANCELLED, DONE, STOPPED, Answer, changing, facts, read
from panacea.orders.lifecycle import FINAL, effective, move
from panacea.orders.models import (
    GroupKind,
    GroupStatus,
    Order,
    OrderCompleted,
    OrderFulfilmentStarted,
    OrderState,
)
from panacea.platform import clock, observability, task_tokens
from panacea.platform.errors import Unprocessable
from panacea.platform.observability import logger
from panacea.platform.transaction import unit_of_work

WAITS = ("shipment", "receipt", "report")
DUPLICATE = "DuplicateRun"  # the error a second execution for one order is stopped with
IN_PROGRESS = frozenset({OrderState.PAID, OrderState.FULFILLING, OrderState.SHIPPED, OrderState.COMPLETED})


class UnknownGroup(Unprocessable):
    slug, title = "unknown-group", "Unknown fulfilment group"


def _keep_token(tenant_id: str, item: dal.OrderItem, wait: str, token: str, **more: str) -> None:
    tokens = {**(item.tokens or {}), wait: token, **more}
    if tokens == item.tokens:
        return
    item.tokens = tokens
    with unit_of_work(tenant_id) as uow:
        uow.save(item)  # only the order item: its summary, and so its index items, did not change


def await_payment(tenant_id: str, order_id: str, token: str, execution: str | None = None) -> None:
    """Keep the payment wait's token; answer it now if the order is already past payment.

    The first execution to get here owns the order's fulfilment (`execution`); another one (the
    bus delivered `order.placed` twice) is told to stop (`DuplicateRun`), so that two executions
    never wait on the same order."""

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        owner = item.token("execution")
        if execution and owner and owner != execution:
            task_tokens.send_task_failure(token, DUPLICATE, f"execution {owner} fulfils order {order.id}")
            return None, []
        _keep_token(tenant_id, item, "payment", token, **({"execution": execution} if execution else {}))
        if order.state == OrderState.PENDING_PAYMENT:
            return None, []
        if order.state in (OrderState.CANCELLED, OrderState.EXPIRED) and order.payment.paid_at is None:
            return None, [Answer("payment", error=CANCELLED, cause=f"the order is {order.state.value}")]
        return None, [Answer("payment", output={"payment_id": order.payment.payment_id})]

    changing(tenant_id, order_id, change)


def start(tenant_id: str, order_id: str) -> dict[str, Any]:
    """The order is paid: it is being fulfilled, group by group (the Map's items)."""

    def change(item: dal.OrderItem, order: Order) -> tuple[dict[str, Any], list[Answer]]:
        now = effective(order)
        if now not in IN_PROGRESS:
            return {"proceed": False, "state": order.state.value, "groups": []}, []
        if now == OrderState.PAID:
            move(order, OrderState.FULFILLING, by="workflow", at=clock.now(), doing="start fulfilment")
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
                uow.emit(
                    OrderFulfilmentStarted(
                        order_id=order.id, member_id=order.member_id, groups=[g.id for g in order.groups]
                    )
                )
        groups = [{"id": g.id, "kind": g.kind.value} for g in order.groups if g.status != GroupStatus.REFUNDED]
        return {"proceed": True, "state": order.state.value, "groups": groups}, []

    return changing(tenant_id, order_id, change)


def _group(order: Order, group_id: str) -> Any:
    group = next((g for g in order.groups if g.id == group_id), None)
    if group is None:
        raise UnknownGroup(f"order {order.id} has no group {group_id}")
    return group


def await_group(tenant_id: str, order_id: str, group_id: str, wait: str, token: str) -> None:
    """Keep a group's wait token (its shipment, its receipt, its report); answer it now if that
    already happened, or if the group will not be fulfilled any more."""
    if wait not in WAITS:
        raise UnknownGroup(f"no wait {wait!r}; waits are {', '.join(WAITS)}")

    def change(item: dal.OrderItem, order: Order) -> tuple[None, list[Answer]]:
        group = _group(order, group_id)
        name = f"{group_id}.{wait}"
        _keep_token(tenant_id, item, name, token)
        if group.status == GroupStatus.REFUNDED or order.state in FINAL:
            return None, [Answer(name, error=STOPPED, cause=f"order {order.id} is {order.state.value}")]
        happened = {
            "shipment": {GroupStatus.SHIPPED, GroupStatus.DELIVERED},
            "receipt": {GroupStatus.DELIVERED},
            "report": {GroupStatus.REPORTED},
        }[wait]
        if group.status in happened:
            return None, [Answer(name, output={"status": group.status.value})]
        return None, []

    changing(tenant_id, order_id, change)


def _set_group(tenant_id: str, order_id: str, group_id: str, **change_to: Any) -> dict[str, Any]:
    """Move a group from `frm` to `to` (once: a group already moved is left as it is)."""
    frm, to = change_to.pop("frm"), change_to.pop("to")

    def change(item: dal.OrderItem, order: Order) -> tuple[dict[str, Any], list[Answer]]:
        group = _group(order, group_id)
        if group.status in frm and order.state not in FINAL:
            group.status = to
            for name, value in change_to.items():
                setattr(group, name, value() if callable(value) else value)
            order.updated_at = clock.now()
            with unit_of_work(tenant_id) as uow:
                dal.stage(uow, tenant_id, item, order)
        return {"group": group_id, "status": group.status.value}, []

    return changing(tenant_id, order_id, change)


def mark_delivered(tenant_id: str, order_id: str, group_id: str) -> dict[str, Any]:
    """Nobody confirmed receipt within the tenant's days: the parcel counts as received."""
    return _set_group(
        tenant_id,
        order_id,
        group_id,
        frm={GroupStatus.SHIPPED},
        to=GroupStatus.DELIVERED,
        delivered_at=clock.now,
        delivered_by="auto",
    )


def issue_vouchers(tenant_id: str, order_id: str, group_id: str) -> dict[str, Any]:
    """A service line's voucher codes, one per unit (made once: a retry finds them issued)."""
    order = read(tenant_id, order_id).model
    group = _group(order, group_id)
    if group.kind != GroupKind.SERVICE:
        raise UnknownGroup(f"group {group_id} is not a service")
    units = sum(line.quantity - line.refunded_quantity for line in order.lines if line.line_no in group.line_nos)
    codes = [f"{group_id}-{secrets.token_hex(4).upper()}" for _ in range(units)]
    done = _set_group(
        tenant_id, order_id, group_id, frm={GroupStatus.WAITING}, to=GroupStatus.ISSUED, vouchers=lambda: codes
    )
    return {**done, "vouchers": units}


def report_overdue(tenant_id: str, order_id: str, group_id: str) -> dict[str, Any]:
    """No report within the wait: the gene test is flagged overdue for staff, and the order goes on."""
    logger.warning("gene test report overdue", extra={"order_id": order_id, "group_id": group_id})
    observability.count("ReportsOverdue")
    return _set_group(tenant_id, order_id, group_id, frm={GroupStatus.WAITING}, to=GroupStatus.OVERDUE)


def shipment_overdue(tenant_id: str, order_id: str, group_id: str) -> dict[str, Any]:
    """A parcel was not shipped within its wait: counted and logged (the alarm), and waited for again."""
    logger.warning("parcel not shipped in time", extra={"order_id": order_id, "group_id": group_id})
    observability.count("ShipmentsOverdue")
    return {"group": group_id, "overdue": True}


def complete(tenant_id: str, order_id: str) -> dict[str, Any]:
    """Everything was delivered, issued or reported (or refunded): the order is completed."""

    def change(item: dal.OrderItem, order: Order) -> tuple[dict[str, Any], list[Answer]]:
        now = effective(order)
        finished = all(g.status in DONE or g.status == GroupStatus.REFUNDED for g in order.groups)
        if now not in (OrderState.FULFILLING, OrderState.SHIPPED) or not finished:
            return {"completed": now == OrderState.COMPLETED, "state": order.state.value}, []
        move(order, OrderState.COMPLETED, by="workflow", at=clock.now(), doing="complete the order")
        with unit_of_work(tenant_id) as uow:
            dal.stage(uow, tenant_id, item, order)
            uow.emit(
                OrderCompleted(
                    order_id=order.id,
                    member_id=order.member_id,
                    total=order.total,
                    refunded=order.refunded,
                    lines=facts(order.lines),
                    referral_code=order.referral_code,
                )
            )
        observability.count("OrdersCompleted")
        return {"completed": True, "state": order.state.value}, []

    return changing(tenant_id, order_id, change)


def failed(tenant_id: str, order_id: str, error: dict[str, Any]) -> None:
    """A step gave up after its retries: logged and counted (the workflow fails, and its alarm fires)."""
    logger.error("order fulfilment failed", extra={"order_id": order_id, "error": error})
    observability.count("FulfilmentsFailed")
