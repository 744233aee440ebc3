"""Stand-ins for what a recorded answer must not publish as it came: the same answer, with

- every instant moved as one, so that the life's first is `BASE` (days and compact AWS dates too),
  keeping the intervals between them;
- every ULID replaced, the same one by the same stand-in wherever it appears (an order's id in the
  order and in the payment), its time moved like the instants and its random part a counter;
- random lowercase hex (Stripe's ids, e-mail and user name suffixes) and mobile numbers replaced
  by counters (mobiles in Ofcom's range for drama, +447700900xxx);
- tokens, secrets, presigned upload signatures and the local host made plainly fake.

The same value always gets the same stand-in within one recording, so the answers still agree.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

BASE = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ULID = re.compile(r"(?<![0-9A-Z])[0-7][0-9A-HJKMNP-TV-Z]{25}(?![0-9A-Z])")
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
HEX = re.compile(r"(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{6,}(?![0-9A-Za-z])")
MOBILE = re.compile(r"\+447400\d{6}")
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")
LOCAL_HOST = re.compile(r"http://127\.0\.0\.1:\d+")
SECRETS = (  # a secret's public part, and what stands in for the rest
    (re.compile(r"(pnc_[0-9A-Z]{26})_.+"), "_example-secret-shown-once"),  # a tenant API key's
    (re.compile(r"(pi_\w+?)_secret_.+"), "_secret_example"),  # a Stripe PaymentIntent's client secret
)


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


FAKE_JWT = ".".join(
    [_b64('{"alg":"RS256","kid":"example"}'), _b64('{"note":"an example, not a token"}'), _b64("signature")]
)


class StandIns:
    """One recording's stand-ins (`applied`), consistent across every answer it is given."""

    def __init__(self, first_stand_in: int = 1) -> None:
        self.shift: timedelta | None = None
        self.ulids: dict[str, str] = {}
        self.hexes: dict[str, str] = {}
        self.mobiles: dict[str, str] = {}
        self.counter = first_stand_in

    @classmethod
    def after(cls, kept: Any) -> StandIns:
        """Stand-ins numbered after those already in `kept` (answers recorded before), so that a new
        one never repeats an old one."""
        text = json.dumps(kept)
        used = [_decoded(u[10:]) for u in ULID.findall(text)] + [int(h, 16) for h in HEX.findall(text)]
        return cls(max(used, default=0) + 1)

    def applied(self, answers: dict[Any, Any]) -> dict[Any, Any]:
        """`answers` (any key → body) with every value stood in, in the order of the keys."""
        found = [_instant(m.group(0)) for m in INSTANT.finditer(json.dumps(list(answers.values())))]
        if self.shift is None and found:
            self.shift = BASE - min(found)
        return {key: self._value(answers[key], None) for key in sorted(answers)}

    def _value(self, value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: self._value(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._value(v, key) for v in value]
        return self._text(value, key) if isinstance(value, str) else value

    def _text(self, text: str, key: str | None) -> str:
        faked = self._secret(text, key)
        if faked is not None:
            return faked
        if INSTANT.fullmatch(text):
            return self._moved(text)
        if DAY.fullmatch(text):
            return (date.fromisoformat(text) + self._days()).isoformat()
        text = LOCAL_HOST.sub("https://s3.eu-west-2.amazonaws.com", text)
        text = ULID.sub(lambda m: self._ulid(m.group(0)), text)
        text = MOBILE.sub(lambda m: self._mobile(m.group(0)), text)
        return HEX.sub(lambda m: self._hex(m.group(0)), text)

    def _secret(self, text: str, key: str | None) -> str | None:
        """A token's, a secret's or an upload signature's stand-in (None: `text` is none of them)."""
        name = (key or "").lower()
        if JWT.fullmatch(text):
            return FAKE_JWT
        if name.endswith("token"):
            return f"example-{name.replace('_', '-')}"
        if name in {"policy", "x-amz-signature", "x-amz-credential", "x-amz-date"}:
            return self._upload_field(name, text)
        for pattern, suffix in SECRETS:
            if secret := pattern.fullmatch(text):
                return f"{self._text(secret.group(1), None)}{suffix}"
        return None

    def _upload_field(self, name: str, text: str) -> str:
        """A presigned upload's field: its policy and signature fake, its key id AWS's example one."""
        if name == "policy":
            return base64.b64encode(b"an example upload policy").decode()
        if name == "x-amz-signature":
            return "0" * len(text)
        if name == "x-amz-credential":
            _, day, *scope = text.split("/")
            return "/".join(["AKIAIOSFODNN7EXAMPLE", self._day(day), *scope])
        moved = datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) + self._shift()
        return moved.strftime("%Y%m%dT%H%M%SZ")

    def _shift(self) -> timedelta:
        return self.shift or timedelta()

    def _days(self) -> timedelta:
        """How far a day moves: as far as the day of the first instant moved."""
        first = BASE - self._shift()
        return timedelta(days=(BASE.date() - first.date()).days)

    def _day(self, compact: str) -> str:
        return (datetime.strptime(compact, "%Y%m%d").date() + self._days()).strftime("%Y%m%d")

    def _moved(self, text: str) -> str:
        moved = _instant(text) + self._shift()
        stamp = moved.strftime("%Y-%m-%dT%H:%M:%S") + (moved.strftime(".%f") if "." in text else "")
        return stamp + ("Z" if text.endswith("Z") else moved.strftime("%z")[:3] + ":" + moved.strftime("%z")[3:])

    def _ulid(self, ulid: str) -> str:
        if ulid not in self.ulids:
            ms = _decoded(ulid[:10]) + int(self._shift().total_seconds() * 1000)
            self.ulids[ulid] = _encoded(ms, 10) + _encoded(self._next(), 16)
        return self.ulids[ulid]

    def _hex(self, found: str) -> str:
        return self.hexes.setdefault(found, f"{self._next():0{len(found)}x}")

    def _mobile(self, found: str) -> str:
        return self.mobiles.setdefault(found, f"+447700900{len(self.mobiles) + 1:03d}")

    def _next(self) -> int:
        self.counter += 1
        return self.counter - 1


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _encoded(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, 32)
        digits = CROCKFORD[digit] + digits
    return digits


def _decoded(text: str) -> int:
    number = 0
    for char in text:
        number = number * 32 + CROCKFORD.index(char)
    return number
