"""How products are classified: categories (each in a dimension, with a position) and tags."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import ConfigDict, Field

from panacea.catalog.models import (
    Name,
)
from panacea.platform.inputs import Command, FromString, Paragraphs, Text
from panacea.platform.models import BaseModel

# --- categories and tags -----------------------------------------------------------------------


class Dimension(StrEnum):
    """The axes products are classified along; a category belongs to one of them."""

    SERIES = "series"  # e.g. "Hereditary cancer", "Chronic care"
    USE = "use"  # e.g. "Screening", "Monitoring"
    AUDIENCE = "audience"  # e.g. "Women", "Over 60"


Position = Annotated[int, Field(ge=0, le=9999, description="order within its dimension, lowest first")]


class NewCategory(Command):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "dimension": "series",
                    "name": "Hereditary cancer",
                    "description": "Panels for inherited cancer risk",
                    "position": 10,
                }
            ]
        },
    )

    dimension: FromString[Dimension]
    name: Name
    description: Annotated[Paragraphs, Field(max_length=500)] = ""
    position: Position = 0


class CategoryPatch(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Inherited cancer"}]})

    name: Name | None = None
    description: Annotated[Paragraphs, Field(max_length=500)] | None = None
    position: Position | None = None


class Category(BaseModel):
    id: str
    dimension: Dimension
    name: str
    description: str
    position: int
    created_at: datetime


TagName = Annotated[Text, Field(min_length=1, max_length=40, examples=["bestseller"])]


class NewTag(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "bestseller"}]})

    name: TagName


class TagPatch(Command):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "best seller"}]})

    name: TagName


class Tag(BaseModel):
    id: str
    name: str
    created_at: datetime
