"""The local Stripe's Connect: the connected accounts money is paid out to, and transfers to them.

What the payments port calls when a withdrawal is paid out by Stripe Connect, as the API version
the client pins does, with Stripe's own shapes and refusals:

    POST /v1/accounts                        type (express), country, email, capabilities[transfers][requested]
    GET  /v1/accounts/{id}
    POST /v1/account_links                   account, refresh_url, return_url, type=account_onboarding
    POST /v1/transfers                       amount, currency, destination, metadata, transfer_group, Idempotency-Key
    GET  /v1/transfers/{id}
    POST /v1/transfers/{id}/reversals        amount (what is left, by default), metadata

A new account cannot receive transfers until its holder finishes onboarding on the link (400:
"Your destination account needs to have at least one of the following capabilities enabled");
a transfer needs as much in the platform's available balance (400, `balance_insufficient`), which
here is what succeeded charges took, less refunds and what transfers moved and was not reversed
(Stripe also holds new charges pending for a few days: the sandbox makes them available at once).
Controls, as a payee and Stripe's dashboard would act (local only):

    GET|POST /_sandbox/accounts/{id}/onboard the holder completes onboarding (the link's page): transfers active
    POST /_sandbox/accounts/{id}/restrict    Stripe restricts the account: transfers inactive
    GET  /_sandbox/balance                   the platform's available balance, per currency

Events: `account.updated` on onboarding or restriction, `transfer.created`, `transfer.reversed`.
A mixin of `StripeSandbox`, whose state (`charges`, `refunds`) and helpers it uses.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from collections.abc import Callable
from typing import Any

from infra.local.stripe_rules import StripeProblem, check_units, missing, positive_int
from panacea.platform import clock

Route = tuple[str, str, Callable[..., Any]]
LINK_TTL_S = 300  # an onboarding link expires after five minutes, as Stripe's do


class ConnectAccounts:
    """Connected accounts, onboarding links, transfers and their reversals."""

    url: str
    charges: dict[str, dict[str, Any]]
    refunds: dict[str, dict[str, Any]]
    accounts: dict[str, dict[str, Any]]
    transfers: dict[str, dict[str, Any]]
    _new: Callable[[str, str], dict[str, Any]]
    _emit: Callable[[str, dict[str, Any]], dict[str, Any]]

    def connect_routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/accounts", self.create_account),
            ("GET", r"/v1/accounts/(?P<id>\w+)", self.retrieve_account),
            ("POST", r"/v1/account_links", self.create_account_link),
            ("POST", r"/v1/transfers", self.create_transfer),
            ("GET", r"/v1/transfers/(?P<id>\w+)", self.retrieve_transfer),
            ("POST", r"/v1/transfers/(?P<id>\w+)/reversals", self.create_reversal),
        ]

    def connect_control(self, method: str, path: str) -> Any:
        """A Connect control's answer, or None when `path` is not one."""
        if method == "GET" and path == "/_sandbox/balance":
            return {"available": [{"amount": a, "currency": c} for c, a in sorted(self.available().items())]}
        match = re.fullmatch(r"/_sandbox/accounts/(\w+)/(onboard|restrict)", path)
        if not match or (method, match.group(2)) not in {("GET", "onboard"), ("POST", "onboard"), ("POST", "restrict")}:
            return None
        account_id, action = match.groups()
        return self.onboard(account_id) if action == "onboard" else self.restrict(account_id)

    # --- accounts ------------------------------------------------------------------------------

    def create_account(self, params: dict[str, Any]) -> dict[str, Any]:
        kind = str(params.get("type") or "")
        if kind not in {"express", "custom", "standard"}:
            raise StripeProblem(400, "invalid_request_error", "Missing required param: type.", param="type")
        country = str(params.get("country") or "US").upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise StripeProblem(400, "invalid_request_error", f"Invalid country: {country}", param="country")
        requested = (params.get("capabilities") or {}).get("transfers", {}).get("requested") in ("true", True)
        account = self._new("account", "acct")
        account.update(
            type=kind,
            country=country,
            email=params.get("email"),
            metadata=dict(params.get("metadata") or {}),
            capabilities={"transfers": "inactive"} if requested else {},
            charges_enabled=False,
            payouts_enabled=False,
            details_submitted=False,
        )
        self.accounts[account["id"]] = account
        return account

    def retrieve_account(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        return self._account(id)

    def _account(self, account_id: str, *, param: str = "id") -> dict[str, Any]:
        if account_id not in self.accounts:
            if param == "id":  # in the path: 404; named by a parameter: 400, as Stripe answers
                raise missing("account", account_id)
            message = f"No such {param}: '{account_id}'"
            raise StripeProblem(400, "invalid_request_error", message, code="resource_missing", param=param)
        return self.accounts[account_id]

    def create_account_link(self, params: dict[str, Any]) -> dict[str, Any]:
        account = self._account(str(params.get("account") or ""), param="account")
        for required in ("refresh_url", "return_url", "type"):
            if not params.get(required):
                raise StripeProblem(
                    400, "invalid_request_error", f"Missing required param: {required}.", param=required
                )
        now = clock.epoch_seconds()
        token = secrets.token_urlsafe(12)
        return {
            "object": "account_link",
            "created": now,
            "expires_at": now + LINK_TTL_S,
            "url": f"{self.url}/_sandbox/accounts/{account['id']}/onboard?link={token}",
        }

    def onboard(self, account_id: str) -> dict[str, Any]:
        """The holder completes onboarding: the account can receive transfers and be paid out."""
        account = self._account(account_id)
        account.update(details_submitted=True, payouts_enabled=True, capabilities={"transfers": "active"})
        self._emit("account.updated", account)
        return account

    def restrict(self, account_id: str) -> dict[str, Any]:
        """Stripe restricts the account (its requirements are past due): no more transfers to it."""
        account = self._account(account_id)
        account.update(payouts_enabled=False, capabilities={"transfers": "inactive"})
        self._emit("account.updated", account)
        return account

    # --- transfers -----------------------------------------------------------------------------

    def available(self) -> Counter[str]:
        """The platform's available balance per currency, in Stripe's units."""
        balance: Counter[str] = Counter()
        for charge in self.charges.values():
            if charge["status"] == "succeeded":
                balance[charge["currency"]] += charge["amount_captured"]
        for refund in self.refunds.values():
            balance[refund["currency"]] -= refund["amount"]
        for transfer in self.transfers.values():
            balance[transfer["currency"]] -= transfer["amount"] - transfer["amount_reversed"]
        return balance

    def create_transfer(self, params: dict[str, Any]) -> dict[str, Any]:
        amount, currency = positive_int(params.get("amount"), "amount"), str(params.get("currency") or "").lower()
        if not re.fullmatch(r"[a-z]{3}", currency):
            raise StripeProblem(400, "invalid_request_error", "Missing required param: currency.", param="currency")
        check_units(amount, currency)
        destination = self._account(str(params.get("destination") or ""), param="destination")
        if destination["capabilities"].get("transfers") != "active":
            raise StripeProblem(
                400,
                "invalid_request_error",
                "Your destination account needs to have at least one of the following capabilities enabled: "
                "transfers, crypto_transfers, legacy_payments",
                param="destination",
            )
        if self.available()[currency] < amount:
            raise StripeProblem(
                400,
                "invalid_request_error",
                "You have insufficient available funds in your Stripe account. Try adding funds directly to your "
                "available balance by creating Charges using the 4000000000000077 test card.",
                code="balance_insufficient",
            )
        transfer = self._new("transfer", "tr")
        transfer.update(
            amount=amount,
            amount_reversed=0,
            currency=currency,
            destination=destination["id"],
            destination_payment=f"py_{secrets.token_hex(12)}",
            metadata=dict(params.get("metadata") or {}),
            transfer_group=params.get("transfer_group"),
            description=params.get("description"),
            reversed=False,
        )
        transfer["reversals"] = {"object": "list", "data": [], "has_more": False, "url": ""}
        transfer["reversals"]["url"] = f"/v1/transfers/{transfer['id']}/reversals"
        self.transfers[transfer["id"]] = transfer
        self._emit("transfer.created", transfer)
        return transfer

    def retrieve_transfer(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        if id not in self.transfers:
            raise missing("transfer", id)
        return self.transfers[id]

    def create_reversal(self, params: dict[str, Any], id: str) -> dict[str, Any]:
        transfer = self.retrieve_transfer(params, id)
        left = transfer["amount"] - transfer["amount_reversed"]
        amount = positive_int(params["amount"], "amount") if params.get("amount") else left
        if amount > left:
            raise StripeProblem(
                400,
                "invalid_request_error",
                f"Transfer {id} has only {left} {transfer['currency']} left to reverse.",
                param="amount",
            )
        reversal = self._new("transfer_reversal", "trr")
        reversal.update(
            amount=amount, currency=transfer["currency"], transfer=id, metadata=dict(params.get("metadata") or {})
        )
        transfer["amount_reversed"] += amount
        transfer["reversed"] = transfer["amount_reversed"] == transfer["amount"]
        transfer["reversals"]["data"].insert(0, reversal)
        self._emit("transfer.reversed", transfer)
        return reversal
