"""Records' actions: members read their released gene reports and keep their own checkup records;
the lab's operators, the service desk and the tenant's runners file and release reports, and staff
who look after members (experts too) read and search them. Every read of a report is audited."""

from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    KEEP_RECORDS = "records:keep"  # a member's own reports and checkup records
    READ_REPORTS = "records:read_reports"
    FILE_REPORTS = "records:file_reports"


_RUNNERS = {Role.OWNER, Role.ADMIN}

grant(
    {
        Action.KEEP_RECORDS: {Role.MEMBER, Role.DISTRIBUTOR},
        Action.READ_REPORTS: _RUNNERS | {Role.SERVICE_DESK, Role.EXPERT, Role.LAB_OPERATOR},
        Action.FILE_REPORTS: _RUNNERS | {Role.SERVICE_DESK, Role.LAB_OPERATOR},
    }
)
