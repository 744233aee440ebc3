from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlatformSignIn")


@_attrs_define
class PlatformSignIn:
    """A platform admin's credentials: their username in the user pool (they have no tenant).

    Attributes:
        password (str): at least 12 characters with a lower-case letter, an upper-case letter, a digit and a symbol
        username (str): the platform admin's username in the user pool
    """

    password: str
    username: str

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "password": password,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        password = d.pop("password")

        username = d.pop("username")

        platform_sign_in = cls(
            password=password,
            username=username,
        )

        return platform_sign_in
