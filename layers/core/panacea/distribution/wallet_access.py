"""The wallet's and withdrawals' actions: members and distributors use their own wallet (balance,
entries, payout account, withdrawals); finance, admins and owners review withdrawals and record the
transfers they make. (To be folded into the context's `access.py` at merge: the lead's wiring.)"""

from panacea.platform import access
from panacea.platform.access import Role, grant


class WalletAction(access.Action):
    USE_WALLET = "wallet:use"
    REVIEW_WITHDRAWALS = "withdrawals:review"


grant(
    {
        WalletAction.USE_WALLET: {Role.MEMBER, Role.DISTRIBUTOR},
        WalletAction.REVIEW_WITHDRAWALS: {Role.OWNER, Role.ADMIN, Role.FINANCE},
    }
)
