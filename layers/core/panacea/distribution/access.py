"""Distribution's actions: members and distributors take part (their distributor profile and code,
their team, their referrer); owners and admins run the network (appoint, suspend and remove
distributors, rebind and unbind members, with a reason); finance and the service desk read it.
The wallet's and withdrawals' actions are declared beside their use cases (`wallet_access.py`) and
granted here with the rest."""

from panacea.distribution.wallet_access import WALLET_GRANTS
from panacea.platform import access
from panacea.platform.access import Role, grant


class Action(access.Action):
    TAKE_PART = "distribution:take_part"
    READ_DISTRIBUTION = "distribution:read"
    MANAGE_DISTRIBUTION = "distribution:manage"


_RUNNERS = {Role.OWNER, Role.ADMIN}

grant(
    {
        Action.TAKE_PART: {Role.MEMBER, Role.DISTRIBUTOR},
        Action.READ_DISTRIBUTION: _RUNNERS | {Role.FINANCE, Role.SERVICE_DESK},
        Action.MANAGE_DISTRIBUTION: _RUNNERS,
    }
)

grant(WALLET_GRANTS)  # the wallet's and withdrawals' (wallet_access.py)
