"""Lambda entry points, one folder per context: api.py (HTTP routes), consumers.py (queues),
steps.py (Step Functions tasks), webhooks.py (inbound partner calls), jobs.py (schedules)."""
