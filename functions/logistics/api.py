"""Logistics' HTTP routes. MINIMAL (i11-kits): only the kits' and labs' routers (kit_routes, and
the labs' inbound calls in webhooks); the lead merges it with the points' and appointments' routes."""

from __future__ import annotations

from functions.logistics import kit_routes, webhooks
from panacea.platform.api import build_resolver, lambda_entry

app = build_resolver()
app.include_router(kit_routes.router)
app.include_router(webhooks.router)

handler = lambda_entry(app)
