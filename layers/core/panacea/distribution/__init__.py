"""Distribution: distributors and their referral codes, the binding of members to them (the
network), and the commission their network's orders earn.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`): the
events distribution announces. Distribution follows orders (`order.paid`, `order.completed`,
`order.refunded`) and identity (`member.registered`) by their events and never joins their
transactions."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.distribution.models import (
        CommissionAccrued,
        CommissionAvailable,
        CommissionReversed,
        DistributorAppointed,
        DistributorRemoved,
        DistributorSuspended,
        ReferrerBound,
        ReferrerUnbound,
    )
    from panacea.distribution.wallet import checkout_give_back, checkout_spend
    from panacea.distribution.wallet_models import WalletGiveBack, WalletSpend

__all__ = [
    "CommissionAccrued",
    "CommissionAvailable",
    "CommissionReversed",
    "DistributorAppointed",
    "DistributorRemoved",
    "DistributorSuspended",
    "ReferrerBound",
    "ReferrerUnbound",
    "WalletGiveBack",
    "WalletSpend",
    "checkout_give_back",
    "checkout_spend",
]
__getattr__ = face(
    __name__,
    {
        **dict.fromkeys(__all__, "panacea.distribution.models"),  # the events; the wallet's names below
        "WalletGiveBack": "panacea.distribution.wallet_models",
        "WalletSpend": "panacea.distribution.wallet_models",
        "checkout_give_back": "panacea.distribution.wallet",
        "checkout_spend": "panacea.distribution.wallet",
    },
)
