from enum import StrEnum


class Method(StrEnum):
    ALIPAY = "alipay"
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    WECHAT_PAY = "wechat_pay"

    def __str__(self) -> str:
        return str(self.value)
