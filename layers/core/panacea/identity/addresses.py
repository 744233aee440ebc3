"""Each member keeps an address book: recipients for kits, goods and paper reports, one of them the
default. Checkout snapshots an address onto an order (`identity.address_of`, in logic.py)."""

from __future__ import annotations

from datetime import datetime

from panacea.identity import accounts, dal
from panacea.identity.access import Action
from panacea.identity.commands import AddressPatch, NewAddress
from panacea.identity.contact import normalise_phone
from panacea.identity.models import Address, AddressBookChanged
from panacea.platform import clock
from panacea.platform.access import Actor, authorize
from panacea.platform.errors import Conflict, FieldError, NotFound, Unprocessable
from panacea.platform.ids import is_id, new_id
from panacea.platform.transaction import UnitOfWork, unit_of_work

MAX_ADDRESSES = 20


class AddressNotFound(NotFound):
    slug, title = "address-not-found", "Address not found"


class AddressBookRule(Conflict):
    slug, title = "address-book", "Address book rule"


def add_address(actor: Actor, cmd: NewAddress) -> Address:
    """Add a recipient. The first address is the default; `default` makes a later one it."""
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = accounts.me(actor)
    if item.address_count >= MAX_ADDRESSES:
        raise AddressBookRule(f"an address book holds up to {MAX_ADDRESSES} addresses; remove one first")
    fields = cmd.model_dump(mode="json", exclude={"default"})
    fields["phone"] = normalise_phone(cmd.phone, region=cmd.country, field="phone", mobile=False)
    at, address_id = clock.now(), new_id()
    previous = item.default_address_id
    default = cmd.default or previous is None
    address = dal.AddressItem.new(
        tenant_id=actor.tenant, user_id=item.user_id, address_id=address_id, fields=fields, default=default, at=at
    )
    item.address_count = int(item.address_count) + 1
    if default:
        item.default_address_id = address_id
    with unit_of_work(actor.tenant) as uow:
        uow.create(address, conflict=Conflict(f"address {address_id} exists"))
        if default and previous:
            _undefault(uow, actor.tenant, item.user_id, previous, at)
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="added",
                default_address_id=item.default_address_id,
            )
        )
    return address.view()


def _undefault(uow: UnitOfWork, tenant_id: str, user_id: str, address_id: str, at: datetime) -> None:
    previous = dal.AddressItem(dal.tenant_address_pk(tenant_id, user_id), f"ADDRESS#{address_id}")
    uow.update(
        previous,
        [dal.AddressItem.is_default.set(False), dal.AddressItem.updated_at.set(at)],
        condition=dal.AddressItem.pk.exists(),
        conflict=Conflict("the default address changed meanwhile; retry"),
    )


def _address(actor: Actor, address_id: str) -> dal.AddressItem:
    found = dal.address(actor.tenant, actor.user_id, address_id) if is_id(address_id) else None
    if found is None:
        raise AddressNotFound(f"you have no address {address_id}", field="address_id")
    return found


def _gone() -> AddressNotFound:
    """The address was removed between reading it and writing it."""
    return AddressNotFound("the address is gone", field="address_id")


def update_address(actor: Actor, address_id: str, patch: AddressPatch) -> Address:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    accounts.require_person(actor)
    address = _address(actor, address_id)
    changes = patch.model_dump(mode="json", exclude_unset=True)
    fields = {**address.address, **changes}
    for required in ("recipient", "phone", "line1", "city", "country", "uses"):
        if fields.get(required) is None:
            raise Unprocessable(f"{required} cannot be cleared", errors=[FieldError(required, "required")])
    if "phone" in changes or "country" in changes:
        fields["phone"] = normalise_phone(fields["phone"], region=fields["country"], field="phone", mobile=False)
    if fields != address.address:
        address.address, address.updated_at = fields, clock.now()
        with unit_of_work(actor.tenant) as uow:
            uow.save(address, condition=dal.AddressItem.pk.exists(), conflict=_gone())
            uow.emit(
                AddressBookChanged(
                    tenant_id=actor.tenant,
                    user_id=actor.user_id,
                    address_id=address_id,
                    change="updated",
                    default_address_id=address_id if address.is_default else None,
                )
            )
    return address.view()


def make_default_address(actor: Actor, address_id: str) -> Address:
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = accounts.me(actor)
    address = _address(actor, address_id)
    if item.default_address_id == address_id:
        return address.view()
    at, previous = clock.now(), item.default_address_id
    address.is_default, address.updated_at = True, at
    item.default_address_id = address_id
    with unit_of_work(actor.tenant) as uow:
        uow.save(address, condition=dal.AddressItem.pk.exists(), conflict=_gone())
        if previous:
            _undefault(uow, actor.tenant, item.user_id, previous, at)
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="default",
                default_address_id=address_id,
            )
        )
    return address.view()


def remove_address(actor: Actor, address_id: str) -> None:
    """Remove an address. The default goes last: while others remain, choose another default first."""
    authorize(actor, Action.MANAGE_OWN_ADDRESSES)
    item = accounts.me(actor)
    address = _address(actor, address_id)
    is_default = item.default_address_id == address_id
    if is_default and item.address_count > 1:
        raise AddressBookRule("this is your default address: make another one the default before removing it")
    item.address_count = max(0, int(item.address_count) - 1)
    if is_default:
        item.default_address_id = None
    with unit_of_work(actor.tenant) as uow:
        uow.delete(address, condition=dal.AddressItem.pk.exists(), conflict=_gone())
        uow.save(item)
        uow.emit(
            AddressBookChanged(
                tenant_id=actor.tenant,
                user_id=item.user_id,
                address_id=address_id,
                change="removed",
                default_address_id=item.default_address_id,
            )
        )
