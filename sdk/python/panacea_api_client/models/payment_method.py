from enum import StrEnum


class PaymentMethod(StrEnum):
    ALIPAY = "alipay"
    CARD = "card"
    WECHAT_PAY = "wechat_pay"

    def __str__(self) -> str:
        return str(self.value)
