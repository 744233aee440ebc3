from enum import StrEnum


class KitState(StrEnum):
    ALLOCATED = "allocated"
    CANCELLED = "cancelled"
    COLLECTED = "collected"
    DISPATCHED = "dispatched"
    IN_STOCK = "in_stock"
    IN_TRANSIT = "in_transit"
    PROCESSING = "processing"
    PROCESSING_BLOCKED = "processing_blocked"
    RECEIVED = "received"
    REGISTERED = "registered"
    REPORT_READY = "report_ready"
    SAMPLE_ERROR = "sample_error"

    def __str__(self) -> str:
        return str(self.value)
