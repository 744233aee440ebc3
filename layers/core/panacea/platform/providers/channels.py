"""The channels a message reaches a person on, and the normalised statuses of a message.

Every provider's own words (Twilio's `undelivered`, SES's `Bounce`, WhatsApp's `read`, WeChat's
`failed:user block` …) are turned into one `Status`. A status only ever moves forward (`advances`):
a late `sent` after `delivered`, or a duplicate callback, changes nothing; a failure ends a message
(the reachability chain then tries its next step)."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    SMS = "sms"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    WECHAT = "wechat"
    PUSH = "push"


class Status(StrEnum):
    """queued → sent → delivered → read, or one of the failures (each final)."""

    WAITING = "waiting"  # held back: quiet hours (sent when they end)
    QUEUED = "queued"  # accepted, on its channel's queue
    SENT = "sent"  # the provider accepted it
    DELIVERED = "delivered"  # the provider says it reached the device or the mailbox
    READ = "read"  # WhatsApp, WeChat, push opened
    FAILED = "failed"  # the provider could not send it
    UNDELIVERED = "undelivered"  # sent, never reached the device
    BOUNCED = "bounced"  # email: the mailbox refused it
    REJECTED = "rejected"  # the provider refused it (a bad number, a template not approved, outside a window)
    COMPLAINED = "complained"  # email: marked as spam
    UNSUBSCRIBED = "unsubscribed"  # the person opted out at the provider (STOP, unsubscribe link)


FAILURES = frozenset(
    {Status.FAILED, Status.UNDELIVERED, Status.BOUNCED, Status.REJECTED, Status.COMPLAINED, Status.UNSUBSCRIBED}
)
REACHED = frozenset({Status.DELIVERED, Status.READ})

_RANK = {Status.WAITING: 0, Status.QUEUED: 1, Status.SENT: 2, Status.DELIVERED: 3, Status.READ: 4}


def advances(before: Status, after: Status) -> bool:
    """Whether a message at `before` may move to `after`: forward only; a failure ends it, and
    nothing follows a failure (a complaint after delivery is recorded as a complaint: it may)."""
    if before in FAILURES:
        return False
    if after in (Status.COMPLAINED, Status.UNSUBSCRIBED):
        return True
    if after in FAILURES:
        return before not in REACHED
    return _RANK[after] > _RANK[before]
