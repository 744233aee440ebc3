"""Finance's periods are days: a period reads every month it touches and counts its bounds once, and
a tenant's days are its own time zone's (a Shanghai tenant's 1 March ends at 16:00 UTC)."""

from __future__ import annotations

from datetime import UTC, datetime

from infra.local.runtime import LocalPlatform
from panacea.finance import ledger
from panacea.orders import sales
from panacea.orders.models import Order, OrderLine, OrderState, PaymentInfo, PaymentMethod, ProductKind
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.money import Money
from panacea.platform.transaction import unit_of_work
from panacea.tenancy import dal as tenancy_dal
from panacea.tenancy.defaults import default_settings
from panacea.tenancy.models import TenantKind
from tests.support import call, staff


def test_a_period_reads_every_month_it_touches_and_counts_its_bounds_once(platform: LocalPlatform):
    # Given entries at the last millisecond of January, the first of February and mid-March
    tenant_id = new_id()
    at = [
        datetime(2026, 1, 31, 23, 59, 59, 999000, tzinfo=UTC),
        datetime(2026, 2, 1, tzinfo=UTC),
        datetime(2026, 3, 15, 12, tzinfo=UTC),
    ]
    for i, when in enumerate(at, start=1):
        with acting_for(tenant_id), unit_of_work(tenant_id) as uow:
            uow.add(ledger.sale_entry(tenant_id, sales.sale_of(_order(i, when)), at=when))
    finance = staff(tenant_id, "finance")

    def net(since: str, until: str) -> int:
        report = call("GET", f"/v1/finance/sales?since={since}&until={until}", caller=finance)
        assert report.status == 200, report.body
        return sum(c["totals"]["net"]["amount"] for c in report.body["currencies"])

    # Then each period counts what falls in its days, once, however many months it spans
    assert net("2026-01-31", "2026-01-31") == 100
    assert net("2026-01-31", "2026-02-01") == 300
    assert net("2026-02-01", "2026-03-31") == 200 + 300
    assert net("2025-12-01", "2026-12-01") == 600
    assert net("2026-01-01", "2026-01-30") == 0


def test_a_shanghai_tenants_period_is_its_own_local_days(platform: LocalPlatform):
    # Given a tenant that keeps its days in Asia/Shanghai (UTC+8), with a sale one second before its
    # local midnight of 1-2 March and one at that midnight
    tenant_id = new_id()
    settings = default_settings(
        kind=TenantKind.INTERNET_HOSPITAL,
        name="Shanghai",
        currency="GBP",
        locale="zh-CN",
        parent_branding=None,
        jurisdiction="CN",
    )
    assert settings.time_zone == "Asia/Shanghai"
    with acting_for(tenant_id):
        tenancy_dal.TenantSettingsItem.of(tenant_id, settings, at=datetime(2026, 1, 1, tzinfo=UTC)).save()
    before, at = datetime(2026, 3, 1, 15, 59, 59, tzinfo=UTC), datetime(2026, 3, 1, 16, tzinfo=UTC)
    for n, when in ((1, before), (2, at)):
        with acting_for(tenant_id), unit_of_work(tenant_id) as uow:
            uow.add(ledger.sale_entry(tenant_id, sales.sale_of(_order(n, when)), at=when))
    finance = staff(tenant_id, "finance")

    def net(day: str) -> int:
        report = call("GET", f"/v1/finance/sales?since={day}&until={day}", caller=finance)
        assert report.status == 200, report.body
        return sum(c["totals"]["net"]["amount"] for c in report.body["currencies"])

    # Then each sale counts on the Shanghai day it was made, which the UTC date would not say
    assert net("2026-03-01") == 100
    assert net("2026-03-02") == 200


def _order(n: int, at: datetime) -> Order:
    """A paid order of one line worth n * 100 pence, placed and paid at `at`."""
    price = Money(amount=100 * n, currency="GBP")
    line = OrderLine(
        line_no=1,
        sku_id="sku-1",
        store_id="store-1",
        product_id="product-1",
        product_name="A test",
        kind=ProductKind.SERVICE,
        unit_price=price,
        quantity=1,
        subtotal=price,
        discount=Money.zero("GBP"),
        amount=price,
    )
    return Order(
        id=new_id(),
        member_id="member-1",
        state=OrderState.PAID,
        lines=[line],
        currency="GBP",
        subtotal=price,
        discount=Money.zero("GBP"),
        total=price,
        refunded=Money.zero("GBP"),
        payment_method=PaymentMethod.CARD,
        payment=PaymentInfo(payment_id="pay-1", paid_at=at),
        cancel_until=at,
        payment_due_at=at,
        receipt_days=10,
        created_at=at,
        updated_at=at,
    )
