"""The wallet's and withdrawals' actions: members and distributors use their own wallet (balance,
entries, payout account, withdrawals); finance, admins and owners review withdrawals and record the
transfers they make.

The context's `access.py` grants them (`grant(WALLET_GRANTS)`), so that the kernel collects them
with the context's other actions (`panacea.platform.declarations`); until it does, nobody holds them.
"""

from panacea.platform import access
from panacea.platform.access import Role


class WalletAction(access.Action):
    USE_WALLET = "wallet:use"
    REVIEW_WITHDRAWALS = "withdrawals:review"


WALLET_GRANTS: dict[WalletAction, frozenset[Role]] = {
    WalletAction.USE_WALLET: frozenset({Role.MEMBER, Role.DISTRIBUTOR}),
    WalletAction.REVIEW_WITHDRAWALS: frozenset({Role.OWNER, Role.ADMIN, Role.FINANCE}),
}
