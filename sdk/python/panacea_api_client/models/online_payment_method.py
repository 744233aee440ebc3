from enum import StrEnum


class OnlinePaymentMethod(StrEnum):
    ALIPAY = "alipay"
    CARD = "card"
    WECHAT_PAY = "wechat_pay"

    def __str__(self) -> str:
        return str(self.value)
