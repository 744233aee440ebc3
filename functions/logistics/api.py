"""Logistics' HTTP routes. MINIMAL (i11-kits): only the kits' and labs' router (kit_routes; the
labs' own calls are webhooks.py's function); the lead merges it with the points' and appointments'."""

from __future__ import annotations

from functions.logistics import kit_routes
from panacea.platform.api import build_resolver, lambda_entry

app = build_resolver()
app.include_router(kit_routes.router)

handler = lambda_entry(app)
