"""Data sealed at rest (panacea.platform.sealing): it opens only for the record it was sealed for,
not once changed, and through a rotation while the old key is still listed."""

from __future__ import annotations

import pytest

from panacea.platform import sealing
from panacea.platform.settings import Settings, SettingsError

CONTEXT = ("payout-account", "tenant-a", "member-1")
OLD, NEW = "o" * 40, "n" * 40


def _with_secret(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    deployed = Settings(stage="prod", table="panacea-prod", event_bus="panacea-prod", data_key_secret="data-key")
    monkeypatch.setattr(sealing, "settings", lambda: deployed)
    monkeypatch.setattr("panacea.platform.secrets.secret_text", lambda name: value)


def test_a_sealed_value_opens_for_its_own_record_only(monkeypatch):
    local = Settings(stage="local", table="panacea-local", event_bus="panacea-local")
    monkeypatch.setattr(sealing, "settings", lambda: local)
    # Given an account number sealed for one member of one tenant
    sealed = sealing.seal("6222020200001234567", context=CONTEXT)
    # Then the number is nowhere in it, and it opens for that member
    assert "1234567" not in sealed
    assert sealing.unseal(sealed, context=CONTEXT) == "6222020200001234567"
    # But not for another member, nor once a character of it changed
    with pytest.raises(sealing.Unreadable):
        sealing.unseal(sealed, context=("payout-account", "tenant-a", "member-2"))
    flipped = sealed[:30] + ("A" if sealed[30] != "A" else "B") + sealed[31:]
    with pytest.raises(sealing.Unreadable):
        sealing.unseal(flipped, context=CONTEXT)
    with pytest.raises(sealing.Unreadable):
        sealing.unseal("not sealed", context=CONTEXT)


def test_a_new_key_put_first_seals_and_the_old_one_still_opens(monkeypatch):
    # Given a value sealed under the stage's one key
    _with_secret(monkeypatch, OLD)
    before = sealing.seal("alipay:138000", context=CONTEXT)
    # When a new key is put first, the old one kept after it
    _with_secret(monkeypatch, f"{NEW}\n{OLD}")
    after = sealing.seal("alipay:138000", context=CONTEXT)
    # Then both open, and the new value is sealed under the new key
    assert sealing.unseal(before, context=CONTEXT) == sealing.unseal(after, context=CONTEXT) == "alipay:138000"
    _with_secret(monkeypatch, NEW)
    assert sealing.unseal(after, context=CONTEXT) == "alipay:138000"
    # And once the old key is taken out, what it sealed no longer opens
    with pytest.raises(sealing.Unreadable, match="no longer holds"):
        sealing.unseal(before, context=CONTEXT)


def test_a_deployed_stage_needs_its_data_key_and_a_long_one(monkeypatch):
    deployed = Settings(stage="prod", table="panacea-prod", event_bus="panacea-prod")
    monkeypatch.setattr(sealing, "settings", lambda: deployed)
    with pytest.raises(SettingsError, match="PANACEA_DATA_KEY_SECRET"):
        sealing.seal("x", context=CONTEXT)
    _with_secret(monkeypatch, "short")
    with pytest.raises(SettingsError, match="32 or more"):
        sealing.seal("x", context=CONTEXT)
