"""The kit's state table (kit_models) and the lab's ranking, read as tables: every state has its
Junction status, the member's and staff's moves go forward only, the lab's events never backwards."""

from __future__ import annotations

from panacea.logistics.kit_models import FINAL, JUNCTION_STATUS, LAB_RANKS, LAB_READY, MEMBER_MOVES, KitState, rank_of
from panacea.logistics.lab_models import EVENT_OF, STATE_OF, LabEventType

ORDER = list(KitState)  # declared in the order a kit lives


def test_every_state_has_a_junction_status_of_three_parts():
    # Then each state maps to `high.testkit.low`, high one of Junction's
    highs = {"received", "collecting_sample", "sample_with_lab", "completed", "failed", "cancelled"}
    for state in KitState:
        high, modality, low = JUNCTION_STATUS[state].split(".")
        assert (high in highs, modality, bool(low)) == (True, "testkit", True), state


def test_the_members_and_staffs_moves_only_go_forward():
    # Then every move's target comes after each state it may leave
    for to, sources in MEMBER_MOVES.items():
        assert all(ORDER.index(source) < ORDER.index(to) for source in sources), to
    # And none reaches or leaves a lab state
    assert not set(MEMBER_MOVES) & set(LAB_RANKS)
    assert not set().union(*MEMBER_MOVES.values()) & set(LAB_RANKS)


def test_the_labs_events_rank_above_the_pre_lab_states_and_end_in_the_final_ones():
    # Then each lab event type names a lab state and an event of the catalogue
    assert set(STATE_OF) == set(EVENT_OF) == set(LabEventType)
    assert {STATE_OF[t] for t in LabEventType} == set(LAB_RANKS)
    # And the lab's states outrank every state the lab may report on
    assert all(rank_of(state) == 0 for state in LAB_READY)
    assert min(LAB_RANKS.values()) > 0
    # And the final states outrank all but each other: blocked and processing come before them
    assert min(rank_of(s) for s in FINAL) > rank_of(KitState.PROCESSING) > rank_of(KitState.PROCESSING_BLOCKED)
    assert rank_of(KitState.PROCESSING_BLOCKED) > rank_of(KitState.RECEIVED)
