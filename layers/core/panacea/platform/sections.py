"""A context's section of a tenant's settings: its model, its merge patch and what a new tenant
starts with. A context declares it in its own `settings.py` (pydantic models only: tenancy imports
every one of them to compose `TenantSettings` and `SettingsPatch`), so a new context adds its
section without editing tenancy:

    class OrdersPatch(BaseModel):                # every field optional, extra="forbid"
        model_config = ConfigDict(extra="forbid")
        auto_complete_days: int | None = None

    class OrderSettings(SettingsSection, name="orders", patch=OrdersPatch):
        auto_complete_days: int = 10

        @classmethod
        def default_for(cls, tenant: TenantProfile) -> OrderSettings: ...

Every field of a section has a default: a tenant whose stored settings predate a section reads
it at its defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from panacea.platform.models import BaseModel

JURISDICTION = "jurisdiction"
"""The key of pydantic's validation context under which tenancy hands a section the tenant's
jurisdiction (ISO 3166-1 alpha-2) when it validates a change of settings: a section whose rules
depend on the law where the tenant trades reads it there (`info.context`)."""


@dataclass(frozen=True)
class TenantProfile:
    """What a new tenant's defaults may depend on. `kind` is one of tenancy's `TenantKind` values;
    `jurisdiction` its country (ISO 3166-1 alpha-2), where known."""

    kind: str
    name: str
    currency: str
    locale: str
    jurisdiction: str | None = None


class SettingsSection(BaseModel):
    """Base of every section. Subclass with `name=` (its key in the settings document) and
    `patch=` (the model of a merge patch to it)."""

    section_name: ClassVar[str]
    patch_model: ClassVar[type[BaseModel]]
    registry: ClassVar[dict[str, type[SettingsSection]]] = {}

    def __init_subclass__(cls, *, name: str | None = None, patch: type[BaseModel] | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # registered once pydantic has built the fields, below

    @classmethod
    def __pydantic_init_subclass__(
        cls, *, name: str | None = None, patch: type[BaseModel] | None = None, **kwargs: Any
    ) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if name is None:
            return
        if patch is None:
            raise TypeError(f"settings section {name} names no patch model")
        if name in SettingsSection.registry:
            raise TypeError(f"settings section {name} is declared twice")
        required = [field for field, info in cls.model_fields.items() if info.is_required()]
        if required:
            raise TypeError(f"settings section {name} needs a default for {', '.join(required)}")
        cls.section_name, cls.patch_model = name, patch
        SettingsSection.registry[name] = cls

    @classmethod
    def default_for(cls, tenant: TenantProfile) -> Self:
        """What a new tenant starts with: the section's defaults, unless the section says otherwise."""
        return cls()

    @classmethod
    def of(cls, settings: BaseModel) -> Self:
        """This section of a tenant's settings (`OrderSettings.of(tenancy.settings_of(t))`), typed."""
        section = getattr(settings, cls.section_name)
        if not isinstance(section, cls):
            raise TypeError(f"{cls.section_name} of these settings is not {cls.__name__}")
        return section
