"""Lambda entry points, one folder per context: api.py (HTTP routes), consumers.py (queues),
steps.py (Step Functions tasks), webhooks.py (inbound partner calls), jobs.py (schedules).

Every handler module imports this package first, so what must precede a handler's own imports
goes here: the garbage collector held back until the handler module has loaded
(`panacea.platform.coldstart`), and Powertools' event handler and data classes registered to load
only what is used.
"""

from panacea.platform import coldstart

coldstart.hold_collector()

from panacea.platform import powertools  # noqa: E402, F401 - before any handler imports Powertools
