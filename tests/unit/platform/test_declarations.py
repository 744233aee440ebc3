"""Each context declares its own actions (access.py) and its section of a tenant's settings
(settings.py); the kernel collects them and tenancy composes the settings from them, so a new
context is added without editing any other context."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import panacea
from functions.platform import docs
from panacea.catalog.access import Action as CatalogAction
from panacea.orders.settings import OrderSettings, OrdersPatch
from panacea.platform import access, declarations
from panacea.platform.access import PERMISSIONS, TENANT_ROLES, Actor, Role, grant, holders, requires
from panacea.platform.sections import SettingsSection, TenantProfile
from panacea.tenancy import models
from panacea.tenancy.defaults import default_settings
from panacea.tenancy.models import TenantKind, TenantSettings

THROWAWAY = {
    "__init__.py": '"""A context that exists only for this test."""\n',
    "access.py": """
        from panacea.platform import access
        from panacea.platform.access import Role, grant


        class Action(access.Action):
            BOOK_VISIT = "visits:book"
            RUN_VISITS = "visits:run"


        grant({Action.BOOK_VISIT: {Role.MEMBER, Role.DISTRIBUTOR}, Action.RUN_VISITS: {Role.OWNER, Role.ADMIN}})
    """,
    "settings.py": """
        from pydantic import BaseModel, ConfigDict

        from panacea.platform.sections import SettingsSection, TenantProfile


        class VisitsPatch(BaseModel):
            model_config = ConfigDict(extra="forbid")
            visits_a_day: int | None = None


        class VisitSettings(SettingsSection, name="visits", patch=VisitsPatch):
            visits_a_day: int = 8

            @classmethod
            def default_for(cls, tenant: TenantProfile) -> "VisitSettings":
                return cls(visits_a_day=20 if tenant.kind == "internet_hospital" else 8)
    """,
}


@pytest.fixture
def registries(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a test declares is forgotten after it (the registries are restored as they were)."""
    declarations.actions(), declarations.settings_sections()  # every built context's, first
    monkeypatch.setattr(PERMISSIONS, "_holders", dict(PERMISSIONS._holders))
    monkeypatch.setattr(SettingsSection, "registry", dict(SettingsSection.registry))


@pytest.fixture
def throwaway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registries: None) -> Iterator[str]:
    """A new context, `panacea.throwaway`, written in its own folder and nowhere else."""
    folder = tmp_path / "throwaway"
    folder.mkdir()
    for name, text in THROWAWAY.items():
        (folder / name).write_text(textwrap.dedent(text))
    monkeypatch.setattr(panacea, "__path__", [*panacea.__path__, str(tmp_path)])
    importlib.invalidate_caches()
    yield "throwaway"
    for module in [m for m in sys.modules if m == "panacea.throwaway" or m.startswith("panacea.throwaway.")]:
        del sys.modules[module]
    if hasattr(panacea, "throwaway"):
        delattr(panacea, "throwaway")


def test_a_new_context_is_collected_without_editing_another(throwaway):
    # Given a context that declares its actions and its settings section in its own folder only
    # When the kernel collects every context's declarations
    actions = declarations.actions()
    sections = declarations.settings_sections()
    # Then its actions follow those of the contexts built before it, granted as it says
    assert [str(a) for a in actions[-2:]] == ["visits:book", "visits:run"]
    book, run = actions[-2:]
    assert holders(run) == [Role.OWNER, Role.ADMIN]
    assert Actor(user_id="m", tenant_id="T1", roles=frozenset({Role.MEMBER})).can(book)
    assert not Actor(user_id="m", tenant_id="T1", roles=frozenset({Role.MEMBER})).can(run)
    assert requires(book) == "Requires `visits:book` (member, distributor)."
    # And the API's permission matrix shows them
    assert "| `visits:run` |  | ✓ | ✓ |" in docs.permission_matrix()
    # And tenancy composes its section beside the others, with its own defaults and patch
    assert [s.section_name for s in sections] == ["distribution", "logistics", "orders", "visits"]
    settings_model, patch_model = models.composed(sections)
    assert list(settings_model.model_fields) == [
        "currency",
        "locale",
        "time_zone",
        "branding",
        "allowed_origins",
        "distribution",
        "logistics",
        "orders",
        "visits",
    ]
    assert list(patch_model.model_fields) == [
        "locale",
        "time_zone",
        "branding",
        "allowed_origins",
        "distribution",
        "logistics",
        "orders",
        "visits",
    ]
    hospital = TenantProfile(kind=TenantKind.INTERNET_HOSPITAL, name="Yueyang", currency="CNY", locale="zh-CN")
    assert sections[-1].default_for(hospital).model_dump() == {"visits_a_day": 20}
    assert patch_model.model_validate({"visits": {"visits_a_day": 3}}).model_dump(exclude_unset=True) == {
        "visits": {"visits_a_day": 3}
    }
    with pytest.raises(ValidationError):
        patch_model.model_validate({"visits": {"visits_per_day": 3}})
    # And the settings of a tenant stored before the context existed read its section at its defaults
    stored = default_settings(
        kind=TenantKind.GP_PRACTICE, name="Elm Surgery", currency="GBP", locale="en-GB", parent_branding=None
    ).model_dump(mode="json")
    assert settings_model.model_validate(stored).visits.visits_a_day == 8


def test_every_built_context_is_collected_in_the_order_it_was_built(registries):
    # When the kernel collects the contexts built so far
    actions = declarations.actions()
    # Then the permission matrix lists their actions context by context, each held by some role
    contexts = [type(a).__module__.split(".")[1] for a in actions]
    assert list(dict.fromkeys(contexts)) == [c for c in declarations.BUILT if c in contexts]
    assert list(dict.fromkeys(contexts))[:2] == ["tenancy", "identity"]
    assert len({str(a) for a in actions}) == len(actions)
    assert all(holders(action) for action in actions)
    # And tenant settings are tenancy's own fields and three sections: distribution (held by tenancy
    # until that context is built), logistics and orders
    assert [s.section_name for s in declarations.settings_sections()] == ["distribution", "logistics", "orders"]
    assert list(TenantSettings.model_fields) == [
        "currency",
        "locale",
        "time_zone",
        "branding",
        "allowed_origins",
        "distribution",
        "logistics",
        "orders",
    ]


def test_an_action_another_context_declared_is_refused(registries):
    # Given the catalog's actions, granted
    # When another context declares an action with the same value
    class Copycat(access.Action):
        BROWSE = "catalog:browse"

    # Then it is refused, and the catalog's grant is as it was
    with pytest.raises(TypeError, match="declared twice"):
        grant({Copycat.BROWSE: {Role.OWNER}})
    assert holders(CatalogAction.BROWSE_CATALOG) == [r for r in Role if r in TENANT_ROLES]


def test_a_grant_must_cover_each_action_once_and_give_it_to_someone(registries):
    class Kits(access.Action):
        DISPATCH = "kits:dispatch"
        RECEIVE = "kits:receive"

    class Aliased(access.Action):
        READ = "reports:read"
        VIEW = "reports:read"

    with pytest.raises(TypeError, match="grants none of its actions RECEIVE"):
        grant({Kits.DISPATCH: {Role.LAB_OPERATOR}})
    with pytest.raises(TypeError, match="granted to no role"):
        grant({Kits.DISPATCH: {Role.LAB_OPERATOR}, Kits.RECEIVE: set()})
    with pytest.raises(TypeError, match="two names"):
        grant({Aliased.READ: {Role.EXPERT}})
    # And nothing of a refused grant was kept
    assert not holders(Kits.DISPATCH)


def test_a_settings_section_named_twice_or_without_defaults_is_refused(registries):
    # When a second context declares a section under orders' name
    with pytest.raises(TypeError, match="declared twice"):

        class MoreOrders(SettingsSection, name="orders", patch=OrdersPatch):
            pass

    # Or a section a stored tenant could not read without it being set
    class ReportsPatch(BaseModel):
        archive_years: int | None = None

    with pytest.raises(TypeError, match="needs a default for archive_years"):

        class ReportSettings(SettingsSection, name="reports", patch=ReportsPatch):
            archive_years: int

    # Then orders' section is still orders' own, and the other was not registered
    assert SettingsSection.registry["orders"] is OrderSettings
    assert "reports" not in SettingsSection.registry


def test_a_section_is_read_typed_from_a_tenants_settings():
    settings = default_settings(
        kind=TenantKind.GENE_TESTING, name="Harbour Gene", currency="GBP", locale="en-GB", parent_branding=None
    )
    assert OrderSettings.of(settings).offline_payment
    assert OrderSettings.of(settings) is settings.orders


def test_a_handler_loads_only_its_own_contexts_actions():
    # When the catalog's and identity's API handlers are imported on a cold start
    code = (
        "import sys, functions.catalog.api, functions.identity.api\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('panacea.') and m.endswith('.access'))))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    loaded = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    # Then only their own contexts' actions are loaded (and the kernel's)
    assert loaded.stdout.split() == ["panacea.catalog.access", "panacea.identity.access", "panacea.platform.access"]
