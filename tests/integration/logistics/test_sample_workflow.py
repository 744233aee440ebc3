"""The sample-logistics workflow, run from its ASL file by the local platform's Step Functions:
order.paid on the bus starts it; each sample of the gene-test line waits, stage by stage, on a task
token its journey keeps, moved on by logistics' own events (through the bus and the journeys'
queue), reminded and escalated when a wait runs out, stopped by a refund of the line; on release it
answers the order-fulfilment workflow, and the order completes."""

from __future__ import annotations

from infra.local import moto_bridge
from infra.local.runtime import LocalPlatform
from panacea.logistics import (
    AppointmentCollected,
    AppointmentConfirmed,
    AppointmentRequested,
    KitDispatched,
    KitRegistered,
    SampleCollected,
    SampleInTransit,
    SampleProcessing,
    SampleReceivedByLab,
    SampleReportReady,
    journey,
)
from panacea.platform import clock
from panacea.platform.ids import new_id
from panacea.platform.isolation import acting_for
from tests.integration.commerce import finished, reaches, waiting_on
from tests.integration.logistics.journeys import PaidTest
from tests.integration.logistics.kit_support import in_stock, lab
from tests.integration.logistics.replacement_support import fails, kit, sent_and_registered
from tests.support import eventually

BY_KIT = [
    ("kit_dispatched", KitDispatched),
    ("registered", KitRegistered),
    ("collected", SampleCollected),
    ("in_transit", SampleInTransit),
    ("received", SampleReceivedByLab),
    ("processing", SampleProcessing),
    ("report_ready", SampleReportReady),
]


def test_a_sample_by_kit_goes_stage_by_stage_to_release_and_the_order_completes(platform: LocalPlatform):
    # Given a member's paid gene test: the workflow waits for a kit
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    waiting_on(paid.store, paid.order_id, "G1.report")
    # When the kit goes out, is registered, collected, sent, and the lab receives, processes and reports it
    for stage, event in BY_KIT:
        paid.kit(event, "GT-WF-000001")
        # Then the workflow waits at each stage in turn
        paid.waiting_at(stage)
    # When the report is released
    paid.released()
    # Then the sample's workflow ends released, through every stage
    execution = paid.execution(done=True)
    assert execution["status"] == "SUCCEEDED", execution
    entered = paid.states_entered(execution["executionArn"])
    assert entered[-3:] == ["Release", "Released", "Done"]
    assert entered.count("AwaitStage") == 8
    assert paid.samples()[0].stage == "released"
    assert paid.samples()[0].barcode == "GT-WF-000001"
    # And the order completes
    assert reaches(paid.store, paid.order_id, "completed")["state"] == "completed"
    assert finished(platform, paid.order_id)["status"] == "SUCCEEDED"


def test_a_sample_taken_at_a_collection_point_goes_to_release(platform: LocalPlatform):
    # Given a paid gene test
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    appointment = {"appointment_id": new_id(), "member_id": paid.member_id, "point_id": "P1",
                   "order_id": paid.order_id, "line_no": 1, "starts_at": clock.now()}  # fmt: skip
    # When the member books a slot and the service desk confirms it (twice: the bus may repeat itself)
    paid.announce(AppointmentRequested(**appointment))
    paid.waiting_at("appointment_booked")
    paid.announce(AppointmentConfirmed(**appointment))
    paid.announce(AppointmentConfirmed(**appointment))
    # And the sample is taken at the point, in the clinic's kit, and the lab reports on it
    paid.announce(AppointmentCollected(**appointment, collected_at=clock.now()))
    paid.waiting_at("collected")
    paid.kit(KitRegistered, "GT-WF-POINT01", registered_by="staff-1")
    paid.kit(SampleReceivedByLab, "GT-WF-POINT01")
    paid.waiting_at("received")
    paid.kit(SampleReportReady, "GT-WF-POINT01")
    paid.waiting_at("report_ready")
    paid.released()
    # Then the sample is released, bound to its appointment and its kit, and the order completes
    assert paid.execution(done=True)["status"] == "SUCCEEDED"
    [sample] = paid.samples()
    assert (sample.stage, sample.appointment_id, sample.barcode) == (
        "released", appointment["appointment_id"], "GT-WF-POINT01",
    )  # fmt: skip
    assert reaches(paid.store, paid.order_id, "completed")["state"] == "completed"


def test_a_wait_that_runs_out_reminds_then_escalates_and_waits_on(platform: LocalPlatform):
    # Given a paid gene test whose kit went out, and the tenant's 10 days to register it, in a blink
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    with moto_bridge.token_timeouts_scaled(0.000002):
        paid.kit(KitDispatched, "GT-WF-000002")
        paid.waiting_at("kit_dispatched")
        # When the member does not register it: the wait runs out, and runs out again
        reminded = paid.at("kit_dispatched")
        assert reminded.stage == "kit_dispatched"
        # Then a reminder is raised first, then the service desk is told
        escalated = _eventually_reminded(paid, 2)
    assert escalated.stage == "kit_dispatched"
    [reminder] = paid.emitted("sample.reminder_due")
    [escalation] = paid.emitted("sample.escalated")
    assert reminder["stage"] == escalation["stage"] == "kit_dispatched"
    assert reminder["barcode"] == "GT-WF-000002"
    # And the workflow still waits: the member registers the kit at last, and it goes on
    paid.kit(KitRegistered, "GT-WF-000002")
    paid.waiting_at("registered")
    assert paid.samples()[0].reminded == 0
    assert paid.execution(done=False)["status"] == "RUNNING"
    paid.refunded()  # (ends it)
    paid.execution(done=True)


def test_a_wait_that_runs_out_as_the_sample_moves_on_reminds_nobody(platform: LocalPlatform):
    # Given a sample whose kit was registered just as the wait for it ran out
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    paid.kit(KitDispatched, "GT-WF-000005")
    paid.kit(KitRegistered, "GT-WF-000005")
    paid.waiting_at("registered")
    # When the workflow hears late that the wait at the dispatch ran out
    with acting_for(paid.tenant_id):
        progress = journey.overdue(paid.tenant_id, paid.order_id, 1, 1, known="kit_dispatched")
    # Then nobody is reminded, and the workflow goes on waiting at the stage the sample is at
    assert progress["stage"] == "registered"
    [sample] = paid.samples()
    assert sample.reminded == 0
    assert paid.emitted("sample.reminder_due") == []
    paid.waiting_at("registered", timeout_s=0)  # (its token still kept)
    paid.refunded()  # (ends it)
    assert paid.execution(done=True)["status"] == "SUCCEEDED"


def _eventually_reminded(paid: PaidTest, times: int):
    from tests.support import eventually  # noqa: PLC0415

    def reminded():
        found = [s for s in paid.samples() if s.reminded >= times]
        return found[0] if found else None

    return eventually(reminded, timeout_s=20, what=f"never reminded {times} times")


def test_a_refund_of_the_line_stops_its_sample(platform: LocalPlatform):
    # Given a paid gene test whose kit is registered
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    paid.kit(KitDispatched, "GT-WF-000003")
    paid.kit(KitRegistered, "GT-WF-000003")
    paid.waiting_at("registered")
    # When the line is refunded (and the refund is announced again)
    paid.refunded()
    # Then the sample's wait is stopped and its workflow ends refunded
    execution = paid.execution(done=True)
    assert execution["status"] == "SUCCEEDED", execution
    assert paid.states_entered(execution["executionArn"])[-2:] == ["Refunded", "Done"]
    assert paid.samples()[0].stage == "refunded"
    # And later events of its kit change nothing
    paid.kit(SampleCollected, "GT-WF-000003")
    paid.kit(SampleReceivedByLab, "GT-WF-000003")
    assert paid.samples()[0].stage == "refunded"


def test_duplicate_and_out_of_order_events_are_harmless(platform: LocalPlatform):
    # Given a paid gene test whose kit went out
    paid = PaidTest(platform)
    paid.waiting_at("awaiting_kit")
    paid.kit(KitDispatched, "GT-WF-000004")
    paid.waiting_at("kit_dispatched")
    # When the lab receives the sample before the member said they registered or sent it
    paid.kit(SampleReceivedByLab, "GT-WF-000004")
    paid.waiting_at("received")
    # And the member's late events, and the dispatch again, arrive after it
    paid.kit(KitRegistered, "GT-WF-000004")
    paid.kit(SampleCollected, "GT-WF-000004")
    paid.kit(KitDispatched, "GT-WF-000004")
    paid.kit(SampleReceivedByLab, "GT-WF-000004")
    # Then the sample stays where the lab put it, still waited on there
    paid.waiting_at("received")
    assert paid.samples()[0].stage == "received"
    # When the report is ready and the same report is released twice
    paid.kit(SampleReportReady, "GT-WF-000004")
    paid.waiting_at("report_ready")
    report_id = new_id()
    paid.released(report_id)
    paid.released(report_id)
    # Then the workflow ends once, released, and the order completes
    execution = paid.execution(done=True)
    assert execution["status"] == "SUCCEEDED", execution
    assert paid.states_entered(execution["executionArn"]).count("Release") == 1
    assert paid.samples()[0].report_id == report_id
    assert reaches(paid.store, paid.order_id, "completed")["state"] == "completed"


def test_a_line_of_two_samples_completes_the_order_only_with_both_reports(platform: LocalPlatform):
    # Given a paid order of one gene-test line of quantity 2: two samples are followed
    paid = PaidTest(platform, quantity=2)
    paid.waiting_at("awaiting_kit", sample_no=1)
    paid.waiting_at("awaiting_kit", sample_no=2)
    # When two kits go out for the line, and both come back to the lab and are reported
    for barcode in ("GT-WF-000005", "GT-WF-000006"):
        paid.kit(KitDispatched, barcode)
    paid.waiting_at("kit_dispatched", sample_no=1)
    paid.waiting_at("kit_dispatched", sample_no=2)
    assert sorted(s.barcode or "" for s in paid.samples()) == ["GT-WF-000005", "GT-WF-000006"]
    for barcode in ("GT-WF-000005", "GT-WF-000006"):
        paid.kit(SampleReportReady, barcode)
    paid.waiting_at("report_ready", sample_no=1)
    paid.waiting_at("report_ready", sample_no=2)
    # When the first report is released
    paid.released()
    paid.at("released", sample_no=1)
    # Then the order still waits for the line's second report
    assert paid.execution(done=False)["status"] == "RUNNING"
    assert reaches(paid.store, paid.order_id, "fulfilling")["state"] == "fulfilling"
    # When the second is released
    paid.released()
    # Then both samples are released, the workflow ends, and the order completes
    assert paid.execution(done=True)["status"] == "SUCCEEDED"
    assert [s.stage for s in paid.samples()] == ["released", "released"]
    assert reaches(paid.store, paid.order_id, "completed")["state"] == "completed"


def test_a_sample_error_sends_a_replacement_kit_and_the_sample_waits_on_it(platform: LocalPlatform):
    # Given a paid gene test whose kit the member registered, and kits in stock
    paid = PaidTest(platform)
    the_lab, key = lab(paid.tenant_id)
    in_stock(paid.tenant_id, "GT-WF-ERR-01", "GT-WF-ERR-02")
    sent_and_registered(paid.tenant_id, "GT-WF-ERR-01", the_lab["id"], paid.order_id, member_id=paid.member_id)
    paid.waiting_at("registered")
    # When the lab receives the sample and finds it unusable
    fails(key, "GT-WF-ERR-01", "wf")
    # Then the workflow sets the next kit in stock aside for the line and waits for it to go out
    sample = eventually(
        lambda: next((s for s in paid.samples() if s.barcode == "GT-WF-ERR-02"), None), what="no replacement"
    )
    assert sample.stage == "kit_dispatched"
    assert [attempt.barcode for attempt in sample.attempts] == ["GT-WF-ERR-01"]
    assert kit(paid.tenant_id, "GT-WF-ERR-01")["replaced_by"] == "GT-WF-ERR-02"
    assert paid.waiting_at("kit_dispatched").barcode == "GT-WF-ERR-02"
