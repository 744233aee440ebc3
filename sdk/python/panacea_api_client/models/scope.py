from enum import StrEnum


class Scope(StrEnum):
    CATEGORIES = "categories"
    ORDER = "order"
    PRODUCTS = "products"

    def __str__(self) -> str:
        return str(self.value)
