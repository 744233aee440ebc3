"""Kits' and labs' actions: members use their own kits (register, collect, send back, fix their
details); staff run the stock (import, dispatch, register for a member, act on any kit); owners and
admins register labs; a lab's API key (role lab_operator) reports on its kits and reads its
manifest, as staff may.

The context's `access.py` grants them (`grant(KIT_GRANTS)`), so that the kernel collects them with
the context's other actions (`panacea.platform.declarations`); until it does, nobody holds them.
"""

from panacea.platform import access
from panacea.platform.access import Role

_KIT_STAFF = frozenset({Role.OWNER, Role.ADMIN, Role.ORDER_MANAGER, Role.SERVICE_DESK})


class KitAction(access.Action):
    USE_KITS = "kits:use"
    MANAGE_KITS = "kits:manage"
    MANAGE_LABS = "labs:manage"
    REPORT_SAMPLES = "labs:report"
    READ_MANIFEST = "labs:read_manifest"


KIT_GRANTS: dict[KitAction, frozenset[Role]] = {
    KitAction.USE_KITS: frozenset({Role.MEMBER, Role.DISTRIBUTOR}),
    KitAction.MANAGE_KITS: _KIT_STAFF,
    KitAction.MANAGE_LABS: frozenset({Role.OWNER, Role.ADMIN}),
    KitAction.REPORT_SAMPLES: frozenset({Role.LAB_OPERATOR}),
    KitAction.READ_MANIFEST: _KIT_STAFF | {Role.LAB_OPERATOR},
}
