"""Run the local platform, or a whole test run, on another date.

    PANACEA_NOW=2027-12-31T23:55:00Z make test      # the suite lives from that instant, and crosses a year's end
    PANACEA_NOW=2027-02-28T12:00:00Z make dev       # the demo platform on another day

Every process of the run moves: the first one turns the instant into a shift from the real time
(`PANACEA_CLOCK_SHIFT_SECONDS`, inherited by the runtimes a test starts), and each process travels
by that same shift with time-machine, which moves `time.time()` and `datetime.now()` in every
module and thread — the platform's clock, moto's emulated AWS, the Stripe sandbox and the JWTs
alike — while time keeps running and monotonic clocks and sleeps are untouched. A rule or test
that reads the date from anywhere but the platform's clock, or assumes a month, shows up here.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

AT = "PANACEA_NOW"
SHIFT = "PANACEA_CLOCK_SHIFT_SECONDS"


def travel_from_environment() -> datetime | None:
    """Travel if the environment asks to; answers the instant this process now believes it is."""
    shift = os.environ.get(SHIFT)
    if shift is None:
        at = os.environ.get(AT)
        if not at:
            return None
        target = datetime.fromisoformat(at.replace("Z", "+00:00"))
        if target.tzinfo is None:
            raise ValueError(f"{AT} must name a UTC instant, e.g. 2027-12-31T23:55:00Z (got {at!r})")
        shift = str(target.timestamp() - time.time())
        os.environ[SHIFT] = shift  # the processes this one starts travel by the same shift
    import time_machine  # noqa: PLC0415 - a development tool, loaded only when asked for

    destination = datetime.fromtimestamp(time.time() + float(shift), UTC)
    time_machine.travel(destination, tick=True).start()
    return datetime.now(UTC)
