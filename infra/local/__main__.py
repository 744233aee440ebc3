"""`make dev`: run the whole platform locally with a demo tenant (`python -m infra.local`)."""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import gc
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from infra.local.time_travel import travel_from_environment

travel_from_environment()  # before anything reads the time: PANACEA_NOW runs the platform on another date

from infra.local.runtime import LocalPlatform  # noqa: E402
from infra.local.seed import seed  # noqa: E402

BANNER = """
  Panacea is running locally (no AWS account involved).

    API            {api}
    Docs           {docs}
    OpenAPI        {openapi}
    Health         {api}/health
    Outbox         {api}/_local/outbox   every message sent on every channel (codes too), also printed below
    AWS (moto)     {aws_endpoint}   e.g. aws --endpoint-url {aws_endpoint} dynamodb scan --table-name {table}
    Stripe         {stripe_sandbox}   a local sandbox; its webhooks go to {api}/v1/payments/stripe/webhook, signed
                   (Billing's to {api}/v1/billing/stripe/webhook, with that endpoint's own secret)
                   pay or fail a PaymentIntent: curl -X POST {stripe_sandbox}/_sandbox/payment_intents/<pi_…>/succeed (or /fail, /dispute, /refund)
                   events and their deliveries: curl {stripe_sandbox}/_sandbox/events
    Messaging      {messaging_sandbox}   Twilio, WhatsApp and WeChat, local; their signed callbacks go to
                   {api}/v1/messaging/callbacks/<provider>/<tenant>; messages: curl {messaging_sandbox}/_sandbox/messages
                   make one fail: curl -X POST {messaging_sandbox}/_sandbox/behaviour -d '{{"down": ["twilio"]}}'
                   (or "refused" / "undeliverable": [number…], "withheld": [provider…]; docs/messaging-providers.md)

    Platform admin {platform_admin[username]} / {platform_admin[password]}
    Demo tenant    {demo_tenant[slug]} ({demo_tenant[id]}, {demo_tenant[status]})
      owner        {demo_tenant[owner][username]} ({demo_tenant[owner][email]}) / {demo_tenant[owner][password]}
      member       {demo_tenant[member][email]} / {demo_tenant[member][password]}, a distributor (code {demo_tenant[distributor][referral_code]})
      shop         {products} on sale, coupon {demo_tenant[shop][coupon]} (10% off)
      points       {points} (GET /v1/collection-points/nearby?latitude=51.45&longitude=-2.59)
      lab          {lab[name]}: API key {lab[api_key][prefix]} / {lab[api_key][secret]} signs POST /v1/lab/events
                   (PNC-HMAC-SHA256); its manifests are signed with {lab[webhook_secret]}
      kits         {kits} in stock; {kit[barcode]} dispatched to the member for order {kit[order_id]}
      report       {report[test_name]} ({report[id]}) released to the member: GET /v1/me/reports
      notices      the member reads Urdu, WhatsApp first, quiet {quiet}; her mobile {notify[phone]}, a push
                   device, WeChat; audience {notify[audience][tag]} ({audience_size} members, her marketing consent
                   given); the tenant's own SMS of order.shipped ({notify[template][versions]} versions: GET {notify[template][path]}/versions)
                   sent on every channel: {channels}
                   all of them: curl {api}/_local/outbox   (Twilio, WhatsApp, WeChat also at {messaging_sandbox}/_sandbox/messages)

    Sign in:       curl -s {api}/v1/auth/sign-in -H 'Content-Type: application/json' \\
                     -d '{{"tenant": "{demo_tenant[slug]}", "email": "{demo_tenant[owner][email]}", "password": "{demo_tenant[owner][password]}"}}'
                   the platform admin (no tenant): curl -s {api}/v1/auth/platform/sign-in -H 'Content-Type: application/json' \\
                     -d '{{"username": "{platform_admin[username]}", "password": "{platform_admin[password]}"}}'
                   then send the answer's id_token as 'Authorization: Bearer <id_token>'
    These facts, as JSON: {state}/demo.json          Stop with Ctrl-C.
"""


class Stopped(BaseException):
    """Raised in the main thread by Ctrl-C, SIGINT or SIGTERM, wherever it is (starting, seeding, idle)."""


@contextlib.contextmanager
def stop_signals() -> Iterator[Callable[[], None]]:
    """SIGINT and SIGTERM raise `Stopped` in the main thread; yields the wait for one.

    Python runs a signal's handler in the main thread, but the kernel may deliver the signal to any
    thread of the process: a main thread asleep on a lock (an `Event.wait()` without a timeout)
    then never learns of it, and Ctrl-C is ignored. Here the main thread sleeps on a socket that
    Python's C-level handler writes the signal's number to from whatever thread it lands on
    (`signal.set_wakeup_fd`), so it wakes, and runs the handler, the moment a signal arrives.
    While stopping, a second signal is not caught: it ends the process at once."""

    def stop(signum: int, frame: object) -> None:
        for again in (signal.SIGINT, signal.SIGTERM):
            signal.signal(again, signal.SIG_DFL)
        raise Stopped(signal.Signals(signum).name)

    reader, writer = socket.socketpair()
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}

    def wait_for_stop() -> None:
        while True:
            reader.recv(64)  # returns when a signal's number is written; the handler raises on the next bytecode

    try:
        yield wait_for_stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()


def _banner_facts(demo: dict[str, Any]) -> dict[str, Any]:
    """What the banner shows of the demo tenant's shop, logistics and records."""
    tenant = demo["demo_tenant"]
    logistics = tenant["logistics"]
    return {
        "products": ", ".join(p["name"] for p in tenant["shop"]["products"]),
        "points": ", ".join(p["name"] for p in logistics["collection_points"]),
        "lab": logistics["lab"],
        "kits": len(logistics["kits_in_stock"]),
        "kit": logistics["member_kit"],
        "report": logistics["member_report"],
        **_notification_facts(tenant["engagement"]),
    }


def _notification_facts(engagement: dict[str, Any]) -> dict[str, Any]:
    """What the banner shows of the demo member's notifications."""
    quiet = engagement["member_settings"]["quiet_hours"]
    return {
        "notify": engagement,
        "quiet": f"{quiet['start']} to {quiet['end']} ({engagement['member_settings']['time_zone']})",
        "audience_size": len(engagement["audience"]["members"]),
        "channels": ", ".join(f"{m['channel']} by {m['provider']}" for m in engagement["messages"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.local", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000, help="API gateway port (0: any free port)")
    parser.add_argument("--aws-port", type=int, default=4566, help="moto's port (0: any free port)")
    parser.add_argument("--stripe-port", type=int, default=4242, help="the Stripe sandbox's port (0: any free port)")
    parser.add_argument(
        "--messaging-port", type=int, default=None, help="the messaging sandbox's port (default: Stripe's + 1; 0: any)"
    )
    parser.add_argument("--state-dir", type=Path, default=Path(".local"))
    parser.add_argument("--time-scale", type=float, default=1.0, help="multiplier for workflow waits (0: instant)")
    parser.add_argument(
        "--token-timeout-scale",
        type=float,
        default=1.0,
        help="multiplier for the timeouts of workflow states waiting on a task token (a payment, a shipment)",
    )
    parser.add_argument(
        "--schedule-scale",
        type=float,
        default=1.0,
        help="multiplier for the periods of schedules (the hourly commission thaw, say)",
    )
    args = parser.parse_args(argv)

    platform = LocalPlatform(
        host=args.host,
        port=args.port,
        aws_port=args.aws_port,
        stripe_port=args.stripe_port,
        messaging_port=args.messaging_port,
        time_scale=args.time_scale,
        token_timeout_scale=args.token_timeout_scale,
        schedule_scale=args.schedule_scale,
    )
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 <pid>` prints every thread's stack
    with stop_signals() as wait_for_stop:
        try:
            platform.start()
            demo = seed(platform, args.state_dir)
            print(BANNER.format(state=args.state_dir, **_banner_facts(demo), **demo), file=sys.stderr, flush=True)
            wait_for_stop()
        except Stopped:
            pass
        finally:
            print("  stopping…", file=sys.stderr, flush=True)
            platform.stop()
    return 0


if __name__ == "__main__":
    status = main()
    # Nothing needs the interpreter's finalization to collect the ~600,000 objects of a running platform,
    # which takes it 5 to 8 s: they are left where they are, and the process ends once stopped.
    gc.freeze()
    sys.exit(status)
