"""The local Stripe's reading of requests and its refusals, as Stripe words them: form-encoded
parameters (`form`), the API key of a request, amounts in Stripe's units, and `StripeProblem`, the
error answer (`{"error": {...}}`) the real `stripe` library turns into its exceptions."""

from __future__ import annotations

import base64
import re
from typing import Any

THREE_DECIMAL = ("bhd", "jod", "kwd", "omr", "tnd")  # Stripe's three-decimal currencies (last digit 0)


class StripeProblem(Exception):
    """An error answer, shaped as Stripe's: `{"error": {"type", "code", "message", "param"}}`."""

    def __init__(self, status: int, kind: str, message: str, *, code: str | None = None, param: str | None = None):
        super().__init__(message)
        self.status, self.kind, self.message, self.code, self.param = status, kind, message, code, param

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"type": self.kind, "message": self.message}
        if self.code:
            error["code"] = self.code
        if self.param:
            error["param"] = self.param
        return {"error": error}


def missing(kind: str, id_: str) -> StripeProblem:
    return StripeProblem(404, "invalid_request_error", f"No such {kind}: '{id_}'", code="resource_missing", param="id")


def form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding (`metadata[k]=v`, `types[0]=card`, `types[]=card`) back into nested values."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        head = key.split("[", 1)[0]
        parts = [head, *re.findall(r"\[([^\]]*)\]", key)]
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            follower: Any = None if last else ([] if parts[index + 1] in ("",) or parts[index + 1].isdigit() else {})
            if isinstance(node, list):
                position = int(part) if part.isdigit() else len(node)
                while len(node) <= position:
                    node.append(None)
                if last:
                    node[position] = value
                else:
                    node[position] = node[position] if node[position] is not None else follower
                    node = node[position]
            elif last:
                node[part] = value
            else:
                node = node.setdefault(part, follower)
    return root


def api_key(authorization: str) -> str:
    """The key a request authenticates with: `Bearer <key>`, or HTTP Basic `<key>:` (curl -u), as Stripe takes."""
    scheme, _, credentials = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return credentials
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(credentials).decode().partition(":")[0]
        except (ValueError, UnicodeDecodeError):
            return ""
    return ""


def check_units(amount: int, currency: str) -> None:
    """Stripe's own rules for amounts in its units (its currencies page, "Special cases"): ISK is
    two-decimal in whole krónur (multiples of 100); three-decimal currencies end in 0. Stated here
    as Stripe states them, apart from the platform's mapping, so the sandbox checks what it sends."""
    if currency == "isk" and amount % 100:
        raise StripeProblem(
            400,
            "invalid_request_error",
            "Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be "
            "evenly divisible by 100. See https://stripe.com/docs/currencies#special-cases for more information.",
            code="invalid_charge_amount_no_decimal_compatible",
            param="amount",
        )
    if currency in THREE_DECIMAL and amount % 10:
        raise StripeProblem(
            400,
            "invalid_request_error",
            f"Invalid amount. Amounts in {currency.upper()} must end in 0 (rounded to the nearest ten).",
            param="amount",
        )


def positive_int(value: Any, param: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise StripeProblem(400, "invalid_request_error", f"Invalid integer: {value}", param=param) from None
    if number <= 0:
        raise StripeProblem(400, "invalid_request_error", "This value must be greater than or equal to 1.", param=param)
    return number
