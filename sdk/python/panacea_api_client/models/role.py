from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CATALOG_MANAGER = "catalog_manager"
    CONTENT_EDITOR = "content_editor"
    DISTRIBUTOR = "distributor"
    EXPERT = "expert"
    FINANCE = "finance"
    LAB_OPERATOR = "lab_operator"
    MEMBER = "member"
    ORDER_MANAGER = "order_manager"
    OWNER = "owner"
    PLATFORM_ADMIN = "platform_admin"
    SERVICE_DESK = "service_desk"

    def __str__(self) -> str:
        return str(self.value)
