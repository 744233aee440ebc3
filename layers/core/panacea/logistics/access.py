"""Logistics' actions: staff run collection points (owners and admins open, change and close them);
members find points and book appointments for their paid gene tests; the service desk confirms,
declines, checks in and records what happened at an appointment.

Kits' and labs' actions are declared beside their use cases and granted here with the rest."""

from panacea.logistics.kit_access import KIT_GRANTS
from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    MANAGE_POINTS = "logistics:manage_points"
    FIND_POINTS = "logistics:find_points"
    BOOK_APPOINTMENTS = "logistics:book_appointments"
    RUN_APPOINTMENTS = "logistics:run_appointments"


_RUNNERS = {Role.OWNER, Role.ADMIN}

grant(
    {
        Action.MANAGE_POINTS: _RUNNERS,
        Action.FIND_POINTS: {Role.MEMBER, Role.DISTRIBUTOR} | _RUNNERS | {Role.SERVICE_DESK},
        Action.BOOK_APPOINTMENTS: {Role.MEMBER, Role.DISTRIBUTOR},
        Action.RUN_APPOINTMENTS: _RUNNERS | {Role.SERVICE_DESK},
    }
)
grant(KIT_GRANTS)  # the kits' and labs' (kit_access.py)
