"""Analytics: counters and figures the platform and its tenants steer by."""
