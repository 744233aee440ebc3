"""Messages' actions: staff (and the tenant's own systems, through an API key acting as admin) send
notifications and read any message's status and trail; owners, admins and content editors
broadcast to a tag; members read their own messages.

Granted here on import (`grant`), by the use cases that check them (intake's notifications and
broadcasts), so that the kernel collects them with the context's other actions."""

from panacea.platform import access
from panacea.platform.access import Role, grant

_SENDERS = frozenset({Role.OWNER, Role.ADMIN, Role.SERVICE_DESK})


class MessageAction(access.Action):
    SEND = "notifications:send"
    READ = "notifications:read"
    BROADCAST = "notifications:broadcast"
    READ_OWN = "notifications:read_own"


MESSAGE_GRANTS: dict[MessageAction, frozenset[Role]] = {
    MessageAction.SEND: _SENDERS,
    MessageAction.READ: _SENDERS | {Role.CONTENT_EDITOR},
    MessageAction.BROADCAST: frozenset({Role.OWNER, Role.ADMIN, Role.CONTENT_EDITOR}),
    MessageAction.READ_OWN: frozenset({Role.MEMBER, Role.DISTRIBUTOR}),
}

grant(MESSAGE_GRANTS)
