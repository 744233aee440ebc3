import pytest
from pydantic import ValidationError

from panacea.distribution.settings import DistributionSettings
from panacea.orders.settings import OnlinePaymentMethod
from panacea.platform.settings import SettingsError, read_environment
from panacea.tenancy.defaults import default_settings
from panacea.tenancy.logic import _changed_paths, _merge
from panacea.tenancy.models import Branding, TenantKind


def test_gene_testing_sells_by_distribution_at_eight_and_four_percent():
    settings = default_settings(
        kind=TenantKind.GENE_TESTING, name="Harbour Gene", currency="GBP", locale="en-GB", parent_branding=None
    )
    assert settings.distribution.enabled
    assert settings.distribution.level_rates_bps == [800, 400]
    assert settings.orders.offline_payment


def test_a_gp_practice_does_not_sell_by_distribution():
    settings = default_settings(
        kind=TenantKind.GP_PRACTICE, name="Elm Surgery", currency="GBP", locale="en-GB", parent_branding=None
    )
    assert not settings.distribution.enabled


def test_a_chinese_tenant_takes_alipay_and_wechat_pay_first():
    settings = default_settings(
        kind=TenantKind.INTERNET_HOSPITAL, name="岳阳互联网医院", currency="CNY", locale="zh-CN", parent_branding=None
    )
    assert settings.orders.payment_methods[:2] == [OnlinePaymentMethod.ALIPAY, OnlinePaymentMethod.WECHAT_PAY]


def test_a_white_label_sub_tenant_starts_in_its_partners_colours():
    partner = Branding(display_name="MedFlow", primary_colour="#112233", accent_colour="#445566")
    settings = default_settings(
        kind=TenantKind.PRIVATE_CLINIC, name="Harley Clinic", currency="GBP", locale="en-GB", parent_branding=partner
    )
    assert (settings.branding.primary_colour, settings.branding.accent_colour) == ("#112233", "#445566")
    assert settings.branding.display_name == "Harley Clinic"


def test_commission_on_all_levels_cannot_exceed_half_a_sale():
    with pytest.raises(ValidationError, match="50%"):
        DistributionSettings(enabled=True, level_rates_bps=[4000, 2000])


def test_a_merge_patch_changes_only_what_it_names():
    before = {"branding": {"display_name": "A", "primary_colour": "#000000"}, "orders": {"auto_complete_days": 10}}
    after = _merge(before, {"branding": {"primary_colour": "#FFFFFF"}})
    assert after == {
        "branding": {"display_name": "A", "primary_colour": "#FFFFFF"},
        "orders": {"auto_complete_days": 10},
    }
    assert _changed_paths(before, after) == ["branding.primary_colour"]


def test_settings_name_every_missing_variable():
    with pytest.raises(SettingsError, match="PANACEA_TABLE"):
        read_environment({"PANACEA_STAGE": "dev", "PANACEA_EVENT_BUS": "bus"})


@pytest.mark.parametrize(("jurisdiction", "zone"), [("CN", "Asia/Shanghai"), ("GB", "Europe/London"), (None, "UTC")])
def test_a_tenant_keeps_its_days_in_its_jurisdictions_zone(jurisdiction: str | None, zone: str):
    settings = default_settings(
        kind=TenantKind.INTERNET_HOSPITAL,
        name="岳阳互联网医院",
        currency="CNY",
        locale="zh-CN",
        parent_branding=None,
        jurisdiction=jurisdiction,
    )
    assert settings.time_zone == zone
