"""A Stripe key rolled and put in Secrets Manager reaches a warm function once the secret's max age
has passed, without a redeploy (the secret is read through Powertools Parameters, aged by the
platform's clock: the test moves the clock, it does not sleep)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import boto3
import pytest
import stripe as stripe_library

from infra.local.invoke import REGION
from infra.local.provision import (
    STRIPE_BILLING_WEBHOOK_SECRET,
    STRIPE_SECRET_KEY,
    STRIPE_SECRET_NAME,
    STRIPE_WEBHOOK_SECRET,
)
from infra.local.runtime import LocalPlatform
from infra.local.stripe_sandbox import StripeSandbox
from panacea.platform import clock, secrets
from panacea.platform import payments as stripe_port
from panacea.platform.settings import settings
from tests.integration.stripe_support import gbp, sandbox, shop, start, until
from tests.support.builders import eventually


def _roll(stripe: StripeSandbox, secret_key: str, webhook_secret: str) -> None:
    """Roll the keys in Stripe's dashboard and put the new ones in the secret, as an operator does."""
    stripe.secret_key, stripe.webhook_secret = secret_key, webhook_secret
    value = json.dumps(
        {
            "secret_key": secret_key,
            "webhook_secret": webhook_secret,
            "billing_webhook_secret": STRIPE_BILLING_WEBHOOK_SECRET,  # billing's endpoint keeps its own
        }
    )
    boto3.client("secretsmanager", region_name=REGION).put_secret_value(SecretId=STRIPE_SECRET_NAME, SecretString=value)


@pytest.fixture
def stripe(platform: LocalPlatform) -> Iterator[StripeSandbox]:
    """The sandbox, with the platform's keys put back afterwards (and the secret's cache forgotten)."""
    found = sandbox(platform)
    eventually(found.settled, what="earlier tests' webhooks still being sent")
    yield found
    _roll(found, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET)
    secrets._provider().clear_cache()  # Powertools' own cache control


def test_a_rotated_stripe_key_is_used_once_the_max_age_has_passed(stripe: StripeSandbox):
    tenant, max_age = shop(), settings().secrets_max_age_seconds
    with clock.use_clock(clock.FixedClock(clock.now())) as time:
        # Given a warm function that has just read the Stripe keys and used them
        secrets._provider().clear_cache()
        first = start(tenant, gbp(2_500))
        assert first.intent_id
        # When the keys are rolled (Stripe no longer takes the old one) and the secret holds the new ones
        _roll(stripe, "sk_test_rolled_key", "whsec_rolled_secret")
        # Then, within the max age, the function still holds the old key, and Stripe refuses it
        time.advance(seconds=max_age - 1)
        with pytest.raises(stripe_library.AuthenticationError):
            stripe_port.retrieve_intent(first.intent_id)
        # And once the max age has passed, the new key is read and used, with no redeploy and no restart
        time.advance(seconds=2)
        assert stripe_port.retrieve_intent(first.intent_id).id == first.intent_id
        # And a webhook signed with the new endpoint secret is verified and applied
        view = start(tenant, gbp(3_000))
        assert view.intent_id
        stripe.succeed(view.intent_id)
        assert until(tenant, view.id, lambda p: p.status == "succeeded").amount == gbp(3_000)
