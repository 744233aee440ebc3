"""A provider may report a status before the sender has recorded the provider's id for the message
(it answers the send, then calls back at once): a fresh report about an id not known yet is refused
as too early (409: the provider sends it again), an old one is ignored."""

from __future__ import annotations

from datetime import timedelta

import pytest

from panacea.engagement import statuses
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from panacea.platform.providers import StatusReport
from panacea.platform.providers.channels import Status


def _report(age: timedelta) -> StatusReport:
    return StatusReport(provider="twilio", provider_message_id=f"SM{new_id()}", status=Status.DELIVERED,
                        timestamp=clock.now() - age)  # fmt: skip


def test_a_fresh_status_about_an_unrecorded_send_is_refused_as_too_early_and_an_old_one_ignored():
    # Given a tenant that has recorded no message for these provider ids
    tenant_id = new_id()
    with acting_for(tenant_id):
        # When the provider reports one a second after sending it
        with pytest.raises(statuses.StatusBeforeSend) as refused:
            statuses.record(tenant_id, _report(timedelta(seconds=1)))
        # Then it is told to send it again (409, naming the provider's id)
        assert refused.value.status == 409
        assert [e.field for e in refused.value.errors] == ["provider_message_id"]
        # And a report about an id unknown long after its time is simply not applied
        assert statuses.record(tenant_id, _report(statuses.TOO_EARLY + timedelta(minutes=1))) is False
