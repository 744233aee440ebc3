"""Distribution's money, a function of its own so that neither it nor the network's API
(functions/distribution/api.py) loads the other's models at cold start: members' wallets and their
entries, payout accounts and withdrawals, finance's review of them; distributors' statements and
team summaries, staff's commission and withdrawal lists and their workbooks (memory and time for a
workbook at its cap, as finance's API has)."""

from __future__ import annotations

from functions.distribution import statement_routes, wallet_routes
from panacea.platform.api import build_resolver, lambda_entry

app = build_resolver()
app.include_router(wallet_routes.router)
app.include_router(statement_routes.router)
handler = lambda_entry(app)
