"""`make dev`'s process as a developer lives with it: quiet while idle, and gone when told to stop."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import launch
from tests.support.builders import eventually

pytestmark = pytest.mark.slow

STOPS_WITHIN_S = 5.0
IDLE_S = 5.0
# An idle platform's pollers wait for work (SQS long polls, the stream relay woken by DynamoDB writes):
# ~0.02 s of CPU in 5 s. Polling as before this bound was set, it used ~0.65 s (13% of a core).
IDLE_CPU_BOUND_S = 0.3


def _cpu_s(pid: int) -> float:
    """The user and system CPU time the process has used (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime and stime, in clock ticks of 1/100 s


def _settled(process: subprocess.Popen[bytes]) -> None:
    """Once a second of the process's life uses under a tenth of the bound: the seed's work is done
    (a machine busy with other work only delays this; a process that polls in a loop never gets here)."""
    if not Path("/proc/self/stat").exists():
        time.sleep(3)  # no /proc to read the process's CPU time from: a few seconds
        return

    def quiet() -> bool:
        before = _cpu_s(process.pid)
        time.sleep(1)
        return _cpu_s(process.pid) - before < IDLE_CPU_BOUND_S / 10

    eventually(quiet, timeout_s=90, every_s=0, what="the runtime never went quiet after its seed")


def _text(log: Path) -> str:
    return log.read_text(errors="replace")


def _stop(process: subprocess.Popen[bytes], signum: signal.Signals) -> tuple[int, float]:
    """Signal the process; its exit status and how long it took to exit."""
    sent = time.monotonic()
    process.send_signal(signum)
    try:
        status = process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError(f"{signum.name} did not stop the runtime in 30 s") from None
    return status, time.monotonic() - sent


@pytest.fixture(scope="module")
def idle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.Popen[bytes]]:
    """A runtime that has started, seeded its demo tenant, and has nothing to do."""
    state = tmp_path_factory.mktemp("idle")
    with (state / "runtime.log").open("wb") as log:
        # its schedules at their real periods: scaled, the hourly jobs would run every 3.6 s (each a query
        # that moto answers by sorting the whole table), which is work, not polling
        process = launch(state, log, schedule_scale=1.0)
        try:
            eventually(lambda: process.poll() is not None or (state / "demo.json").exists(), timeout_s=120)
            assert process.poll() is None, (state / "runtime.log").read_text()
            _settled(process)  # what the seed set going (workflows, consumers, retries) is done
            yield process
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's CPU time from Linux's /proc")
def test_an_idle_runtime_uses_almost_no_cpu(idle: subprocess.Popen[bytes]):
    # Given the runtime with nothing to do
    before = _cpu_s(idle.pid)
    # When some seconds pass
    time.sleep(IDLE_S)
    # Then it has hardly used the processor: nothing polls in a loop
    used = _cpu_s(idle.pid) - before
    assert used < IDLE_CPU_BOUND_S, f"{used:.2f} s of CPU in {IDLE_S:g} s idle"


def test_ctrl_c_stops_an_idle_runtime_at_once_and_cleanly(idle: subprocess.Popen[bytes]):
    # When an idle runtime gets a SIGINT (Ctrl-C)
    status, took = _stop(idle, signal.SIGINT)
    # Then it stops, promptly, with a clean exit status
    assert status == 0
    assert took < STOPS_WITHIN_S, f"took {took:.1f} s to stop"


def test_sigterm_while_it_is_starting_stops_it_at_once_and_cleanly(tmp_path: Path):
    # Given a runtime still starting: it has begun to seed its demo tenant (its first request is in the log)
    log_path = tmp_path / "runtime.log"
    with log_path.open("wb") as log:
        process = launch(tmp_path, log)
        try:
            eventually(lambda: process.poll() is not None or "POST /v1/tenants →" in _text(log_path), timeout_s=120)
            assert not (tmp_path / "demo.json").exists()
            # When it gets a SIGTERM
            status, took = _stop(process, signal.SIGTERM)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    # Then it does not finish starting first: it stops, promptly, with a clean exit status
    assert status == 0, _text(log_path)
    assert took < STOPS_WITHIN_S, f"took {took:.1f} s to stop"
    assert not (tmp_path / "demo.json").exists()
