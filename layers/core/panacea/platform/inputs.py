"""What clients send: the base of every request model (a command, a patch) and the types its
fields share. Views and events, which the platform writes itself, need none of this.

A request model is strict: each value must be the JSON type its schema names. `"quantity": "1"`
or `true` is not a number, `"default": "yes"` not a boolean, and pydantic does not guess:

    class NewAddress(Command):
        recipient: Text
        country: Country
        uses: list[FromString[AddressUse]]
        default: bool = False

Powertools validates a body as Python objects (`json.loads`, then `TypeAdapter.validate_python`),
and in Python, pydantic's strict mode takes a date, a time or an enum member only as that object,
while JSON carries each as a string. A field of such a type is `FromString[...]`: it takes the
string (or, from Python, the object itself) and never a number.

Free text (`Text`, or `Paragraphs` where line breaks belong) refuses control characters, and the
lone surrogates JSON's `\\ud800` escapes make (no UTF-8 can carry them, so nothing could store
them). Codes are checked against maintained lists (`panacea.platform.cldr`): `Country` is ISO
3166-1 alpha-2, `CurrentCurrency` an ISO 4217 currency in use today, `MoneyIn` an amount in one.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError, core_schema

from panacea.platform import cldr, clock
from panacea.platform.models import BaseModel
from panacea.platform.money import Currency, Money

T = TypeVar("T")


class Command(BaseModel):
    """The base of every model a client sends: strict (see the module's docstring)."""

    model_config = ConfigDict(strict=True)


def _sent_as_string(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    return value


FromString = Annotated[T, Strict(False), BeforeValidator(_sent_as_string)]
"""A date, a time or an enum member in a strict model: from its JSON string, never from a number."""


class _Printable:
    """Refuses the characters in `refused` (a regex class) and lone surrogates, and says so in the
    schema as a `pattern`. A field with a pattern of its own says which characters it takes and
    needs none of this (pydantic would document only one of the two patterns)."""

    def __init__(self, refused: str) -> None:
        self.refused = re.compile(f"[{refused}\ud800-\udfff]")
        self.pattern = f"^[^{refused}]*$".replace("\\x", "\\u00")

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.setdefault("pattern", self.pattern)
        return json_schema

    def _check(self, value: str) -> str:
        found = self.refused.search(value)
        if found:
            code = ord(found.group())
            raise PydanticCustomError(
                "control_character",
                "text cannot hold {character} ({kind}), found at {at}",
                {
                    "character": f"U+{code:04X}",
                    "kind": "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character",
                    "at": found.start(),
                },
            )
        return value


_CONTROL = r"\x00-\x1f\x7f-\x9f"
_CONTROL_BUT_LINE_BREAKS_AND_TABS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"

Text = Annotated[str, _Printable(_CONTROL)]
"""Free text on one line: names, labels, reasons, notes. Lengths go around it,
`Annotated[Text, Field(max_length=40)]`; a pattern does not (see `_Printable`)."""

Paragraphs = Annotated[str, _Printable(_CONTROL_BUT_LINE_BREAKS_AND_TABS)]
"""Free text that may run over lines (tabs, `\\n`, `\\r\\n`): descriptions."""


def _iso_country(code: str) -> str:
    if code not in cldr.countries():
        raise PydanticCustomError("country", "{code} is not an ISO 3166-1 alpha-2 country code", {"code": code})
    return code


Country = Annotated[
    str,
    Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2", examples=["GB"]),
    AfterValidator(_iso_country),
]


def _in_use(code: str) -> str:
    if code not in cldr.currencies_in_use(clock.now().date()):
        raise PydanticCustomError("currency", "{code} is not a currency in use (ISO 4217)", {"code": code})
    return code


CurrentCurrency = Annotated[Currency, AfterValidator(_in_use)]
"""An ISO 4217 currency that is legal tender somewhere today (a new tenant's, a promotion's)."""


def _strict_money(value: Any, handler: ValidatorFunctionWrapHandler) -> Money:
    money: Money = handler(value if isinstance(value, Money) else Money.model_validate(value, strict=True))
    try:
        _in_use(money.currency)
    except PydanticCustomError as refused:
        error = InitErrorDetails(type=refused, loc=("currency",), input=money.currency)
        raise ValidationError.from_exception_data("Money", [error]) from None
    return money


MoneyIn = Annotated[Money, WrapValidator(_strict_money)]
"""An amount a client sends (a price): strict as a command is (`Money` itself is not: views and
events build it too), in a currency in use today."""
