from enum import StrEnum


class AccountKind(StrEnum):
    ALIPAY = "alipay"
    BANK = "bank"
    STRIPE_CONNECT = "stripe_connect"
    WECHAT = "wechat"

    def __str__(self) -> str:
        return str(self.value)
