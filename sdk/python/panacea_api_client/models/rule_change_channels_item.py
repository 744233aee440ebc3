from enum import StrEnum


class RuleChangeChannelsItem(StrEnum):
    EMAIL = "email"
    PUSH = "push"
    SMS = "sms"
    WECHAT = "wechat"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
