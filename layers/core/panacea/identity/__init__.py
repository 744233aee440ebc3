"""Identity: the people who use Panacea (staff and members), their roles and how they sign in.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
address an order snapshots (`address_of`), whether someone is a person of the tenant (`is_user`),
how people are reached (`contacts_of`, `member_by_phone`), the audit entry of a read of a health
record (`RecordRead`, `read_entry`: another context adds it to its unit of work) and the events
identity announces."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.identity.accounts import RecordRead, read_entry
    from panacea.identity.logic import address_of, contacts_of, is_user, member_by_phone
    from panacea.identity.models import (
        AddressBookChanged,
        Contact,
        MemberRegistered,
        StaffInvited,
        StaffJoined,
        UserContactChanged,
        UserDisabled,
        UserEnabled,
        UserPasswordChanged,
        UserProfileUpdated,
        UserRolesChanged,
        UserSignedOut,
    )

__all__ = [
    "AddressBookChanged",
    "Contact",
    "MemberRegistered",
    "RecordRead",
    "StaffInvited",
    "StaffJoined",
    "UserContactChanged",
    "UserDisabled",
    "UserEnabled",
    "UserPasswordChanged",
    "UserProfileUpdated",
    "UserRolesChanged",
    "UserSignedOut",
    "address_of",
    "contacts_of",
    "is_user",
    "member_by_phone",
    "read_entry",
]
__getattr__ = face(
    __name__,
    {
        "address_of": "panacea.identity.logic",
        "is_user": "panacea.identity.logic",
        "contacts_of": "panacea.identity.logic",
        "member_by_phone": "panacea.identity.logic",
        "Contact": "panacea.identity.models",
        "RecordRead": "panacea.identity.accounts",
        "read_entry": "panacea.identity.accounts",
        "AddressBookChanged": "panacea.identity.models",
        "MemberRegistered": "panacea.identity.models",
        "StaffInvited": "panacea.identity.models",
        "StaffJoined": "panacea.identity.models",
        "UserContactChanged": "panacea.identity.models",
        "UserDisabled": "panacea.identity.models",
        "UserEnabled": "panacea.identity.models",
        "UserPasswordChanged": "panacea.identity.models",
        "UserProfileUpdated": "panacea.identity.models",
        "UserRolesChanged": "panacea.identity.models",
        "UserSignedOut": "panacea.identity.models",
    },
)
