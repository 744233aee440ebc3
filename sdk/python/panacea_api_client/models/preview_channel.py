from enum import StrEnum


class PreviewChannel(StrEnum):
    EMAIL = "email"
    PUSH = "push"
    SMS = "sms"
    WECHAT = "wechat"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
