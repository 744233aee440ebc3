"""The unit of work: every change a use case makes, and the events it announces, in one
TransactWriteItems. Either all of it happens or none of it does.

Each write names the domain error to raise if its condition fails, so a cancelled transaction
turns into the business reason (slug taken, out of stock, changed by someone else) rather than
a storage error. pynamodb sends condition checks, deletes, puts and updates in that order, and
the cancellation reasons follow it; the unit of work keeps its operations in the same groups.

An update's `conflict` may also be a function of the item as it was when its condition failed
(DynamoDB returns it: ReturnValuesOnConditionCheckFailure=ALL_OLD, None if there was no item),
so that the error can say what stood in the way ("2 available, 3 requested") without a read
before the write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from panacea.platform.errors import ConcurrentUpdate, Conflict, DomainError
from panacea.platform.events import DomainEvent, OutboxItem
from panacea.platform.table import TableItem, Uniqueness, connection

MAX_ITEMS = 100  # DynamoDB's limit on the items of one transaction
Explained = Callable[[dict[str, Any] | None], DomainError]  # the item as it was (raw) → the error to raise


class TooManyWrites(RuntimeError):
    """A use case tried to change more items at once than one transaction can hold."""


class UnitOfWork:
    def __init__(self, tenant_id: str | None, *, request_token: str | None = None) -> None:
        self.tenant_id = tenant_id
        self.request_token = request_token  # DynamoDB applies a transaction sent twice with it once
        self._checks: list[tuple[Any, DomainError]] = []
        self._deletes: list[tuple[Any, DomainError]] = []
        self._puts: list[tuple[Any, DomainError]] = []
        self._updates: list[tuple[Any, DomainError | Explained]] = []
        self.events: list[DomainEvent] = []

    # --- writes ---------------------------------------------------------------------------

    def create(self, item: TableItem, *, conflict: DomainError) -> None:
        """Put a new item; `conflict` if one with the same key exists."""
        self._puts.append(((item, TableItem.pk.does_not_exist()), conflict))

    def save(self, item: TableItem, *, condition: Condition | None = None, conflict: DomainError | None = None) -> None:
        """Put an item whole; versioned items are checked against the version they were read at."""
        self._puts.append(((item, condition), conflict or _changed(item)))

    def update(
        self,
        item: TableItem,
        actions: list[Action],
        *,
        condition: Condition | None = None,
        conflict: DomainError | Explained | None = None,
    ) -> None:
        """Update an item in place; `conflict` (or what it makes of the item) if `condition` fails."""
        self._updates.append(((item, actions, condition), conflict or _changed(item)))

    def delete(self, item: TableItem, *, condition: Condition | None = None, conflict: DomainError) -> None:
        self._deletes.append(((item, condition), conflict))

    def check(
        self,
        item_cls: type[TableItem],
        key: tuple[str, str],
        condition: Condition,
        *,
        conflict: DomainError,
    ) -> None:
        """Make the transaction depend on another item's state without changing it."""
        self._checks.append(((item_cls, key, condition), conflict))

    def claim(self, tenant_id: str | None, kind: str, value: str, owner: str, *, taken: DomainError) -> None:
        """Claim a unique value (email, slug, code) for `owner`; `taken` if someone holds it."""
        self.create(Uniqueness.of(tenant_id, kind, value, owner), conflict=taken)

    def release(self, tenant_id: str | None, kind: str, value: str, owner: str) -> None:
        claim = Uniqueness.of(tenant_id, kind, value, owner)
        self.delete(claim, condition=Uniqueness.owner == owner, conflict=Conflict(f"{kind} {value} is not held"))

    def add(self, part: UnitOfWork) -> None:
        """Take in the writes (and events) another context built for this change, from an input
        type it owns (`finance.sale_entry(sale)`), so that they commit together with it."""
        self._checks += part._checks
        self._deletes += part._deletes
        self._puts += part._puts
        self._updates += part._updates
        self.events += part.events

    def emit(self, event: DomainEvent) -> None:
        """Announce `event` if, and only if, the rest of this unit of work commits."""
        self.events.append(event)
        self._puts.append(((OutboxItem.of(event, tenant_id=self.tenant_id), None), Conflict("duplicate event")))

    # --- commit ---------------------------------------------------------------------------

    @property
    def size(self) -> int:
        """How many items the transaction will touch (at most MAX_ITEMS)."""
        return len(self._checks) + len(self._deletes) + len(self._puts) + len(self._updates)

    def commit(self) -> None:
        operations = [*self._checks, *self._deletes, *self._puts, *self._updates]
        if not operations:
            return
        if len(operations) > MAX_ITEMS:
            raise TooManyWrites(f"{len(operations)} writes in one unit of work (limit {MAX_ITEMS})")
        try:
            with TransactWrite(connection=connection(), client_request_token=self.request_token) as tx:
                for (cls, key, condition), _ in self._checks:
                    tx.condition_check(cls, key[0], key[1], condition=condition)
                for (item, condition), _ in self._deletes:
                    tx.delete(item, condition=condition)
                for (item, condition), _ in self._puts:
                    tx.save(item, condition=condition)
                for (item, actions, condition), conflict in self._updates:
                    explain = None if isinstance(conflict, DomainError) else "ALL_OLD"
                    tx.update(item, actions, condition=condition, return_values=explain)
        except TransactWriteError as exc:
            raise _reason(exc, [conflict for _, conflict in operations]) from exc


def _changed(item: TableItem) -> DomainError:
    what = type(item).__name__.removesuffix("Item").removesuffix("Record").lower()
    return ConcurrentUpdate(f"this {what} was changed by someone else; read it again and retry")


def _reason(exc: TransactWriteError, conflicts: list[DomainError | Explained]) -> Exception:
    reasons = exc.cancellation_reasons or []
    for reason, conflict in zip(reasons, conflicts, strict=False):
        if reason is not None and reason.code == "ConditionalCheckFailed":
            return conflict if isinstance(conflict, DomainError) else conflict(reason.raw_item)
    if any(reason is not None and reason.code == "TransactionConflict" for reason in reasons):
        return ConcurrentUpdate("another change to the same data was in progress; retry")
    return exc


@contextlib.contextmanager
def unit_of_work(tenant_id: str | None, *, request_token: str | None = None) -> Iterator[UnitOfWork]:
    """Collect writes in the block; commit them in one transaction when it ends without error.
    `request_token` names this transaction (at most 36 characters, one per distinct content): an
    SDK retry of a request that did commit, its answer lost, is then applied once, not refused."""
    uow = UnitOfWork(tenant_id, request_token=request_token)
    yield uow
    uow.commit()
