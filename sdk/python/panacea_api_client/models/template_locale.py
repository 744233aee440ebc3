from enum import StrEnum


class TemplateLocale(StrEnum):
    EN_GB = "en-GB"
    HI = "hi"
    UR = "ur"
    ZH_CN = "zh-CN"

    def __str__(self) -> str:
        return str(self.value)
