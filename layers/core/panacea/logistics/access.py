"""Logistics' actions. MINIMAL (i11-kits): grants only the kits' and labs' actions, declared beside
their use cases (`kit_access.py`); the lead merges it with the points' and appointments' own."""

from panacea.logistics.kit_access import KIT_GRANTS
from panacea.platform.access import grant

grant(KIT_GRANTS)  # the kits' and labs' (kit_access.py)
