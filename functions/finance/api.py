"""Finance's HTTP routes: sales of a period by product, store and payment method, the period's
orders, and both as an Excel workbook, read from the sales ledger."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query

from panacea.finance import logic
from panacea.finance.access import Action
from panacea.finance.models import XLSX, PeriodOrder, SalesReport
from panacea.platform.access import requires
from panacea.platform.api import attachment, build_resolver, current_actor, lambda_entry
from panacea.platform.table import MAX_PAGE, Page

app = build_resolver()

READ = requires(Action.READ_FINANCE)
TAGS = ["Finance"]
PERIOD = "A period is whole UTC days, `since` to `until` (both included), at most 366 of them (422 otherwise)."
Since = Annotated[date, Query(description="the period's first day (UTC), e.g. 2026-11-01")]
Until = Annotated[date, Query(description="the period's last day (UTC), included, e.g. 2026-11-30")]
ProductId = Annotated[str | None, Query(pattern=r"^[^#]{1,128}$", description="only this product's lines")]
MemberId = Annotated[str | None, Query(pattern=r"^[^#]{1,128}$", description="only this member's orders")]


@app.get(
    "/v1/finance/sales",
    summary="Sales of a period, per currency: totals, by product, by store, by payment method",
    description=f"{READ} {PERIOD} Gross sales, discounts, refunds, net, orders and units, added up from the "
    "sales ledger in minor units; one currency's figures are never mixed with another's.",
    tags=TAGS,
)
def sales(since: Since, until: Until, product_id: ProductId = None, member_id: MemberId = None) -> SalesReport:
    return logic.sales(current_actor(), since=since, until=until, product_id=product_id, member_id=member_id)


@app.get(
    "/v1/finance/orders",
    summary="The orders whose money moved in a period, newest first",
    description=f"{READ} {PERIOD} Each with its date, member, state now, payment method and what its sales and "
    "refunds in the period came to.",
    tags=TAGS,
)
def orders(  # noqa: PLR0917 - one query parameter each
    since: Since,
    until: Until,
    product_id: ProductId = None,
    member_id: MemberId = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = 20,
) -> Page[PeriodOrder]:
    return logic.orders(
        current_actor(),
        since=since,
        until=until,
        product_id=product_id,
        member_id=member_id,
        cursor=cursor,
        limit=limit,
    )


@app.get(
    "/v1/finance/export",
    summary="A period as an Excel workbook (.xlsx)",
    description=f"{READ} {PERIOD} Sheets: Summary, By product, By store, By payment method, Orders and Ledger "
    "(every entry's lines); money in major units with its currency's format, a Total row per currency that "
    f"equals the ledger to the minor unit. Send `Accept: {XLSX}`: API Gateway hands binary answers over as "
    "such only to a request that accepts them.",
    tags=TAGS,
    responses={
        200: {"description": "the workbook", "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}}}
    },
)
def export(since: Since, until: Until, product_id: ProductId = None, member_id: MemberId = None) -> Response[str]:
    made = logic.export(current_actor(), since=since, until=until, product_id=product_id, member_id=member_id)
    return attachment(made.content, media_type=made.media_type, filename=made.filename)


handler: Any = lambda_entry(app)
