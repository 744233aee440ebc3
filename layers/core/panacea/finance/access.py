"""Finance's actions: finance, owners and admins read the sales ledger, its period reports and
their Excel export."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    READ_FINANCE = "finance:read"


grant({Action.READ_FINANCE: {Role.OWNER, Role.ADMIN, Role.FINANCE}})
