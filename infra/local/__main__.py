"""`make dev`: run the whole platform locally with a demo tenant (`python -m infra.local`)."""

from __future__ import annotations

import argparse
import faulthandler
import signal
import sys
import threading
from pathlib import Path

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
    Outbox         {api}/_local/outbox   every email and SMS sent (codes too), also printed below
    AWS (moto)     {aws_endpoint}   e.g. aws --endpoint-url {aws_endpoint} dynamodb scan --table-name {table}
    Stripe         {stripe_sandbox}   a local sandbox; its webhooks go to {api}/v1/payments/stripe/webhook, signed
                   pay or fail a PaymentIntent: curl -X POST {stripe_sandbox}/_sandbox/payment_intents/<pi_…>/succeed (or /fail, /dispute, /refund)
                   events and their deliveries: curl {stripe_sandbox}/_sandbox/events

    Platform admin {platform_admin[username]} / {platform_admin[password]}
    Demo tenant    {demo_tenant[slug]} ({demo_tenant[id]}, {demo_tenant[status]})
      owner        {demo_tenant[owner][username]} ({demo_tenant[owner][email]}) / {demo_tenant[owner][password]}
      member       {demo_tenant[member][email]} / {demo_tenant[member][password]}
      shop         {products} on sale, coupon {demo_tenant[shop][coupon]} (10% off)

    Sign in:       curl -s {api}/v1/auth/sign-in -H 'Content-Type: application/json' \\
                     -d '{{"tenant": "{demo_tenant[slug]}", "email": "{demo_tenant[owner][email]}", "password": "{demo_tenant[owner][password]}"}}'
                   the platform admin (no tenant): curl -s {api}/v1/auth/platform/sign-in -H 'Content-Type: application/json' \\
                     -d '{{"username": "{platform_admin[username]}", "password": "{platform_admin[password]}"}}'
                   then send the answer's id_token as 'Authorization: Bearer <id_token>'
    These facts, as JSON: {state}/demo.json          Stop with Ctrl-C.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.local", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000, help="API gateway port (0: any free port)")
    parser.add_argument("--aws-port", type=int, default=4566, help="moto's port (0: any free port)")
    parser.add_argument("--stripe-port", type=int, default=4242, help="the Stripe sandbox's port (0: any free port)")
    parser.add_argument("--state-dir", type=Path, default=Path(".local"))
    parser.add_argument("--time-scale", type=float, default=1.0, help="multiplier for workflow waits (0: instant)")
    parser.add_argument(
        "--token-timeout-scale",
        type=float,
        default=1.0,
        help="multiplier for the timeouts of workflow states waiting on a task token (a payment, a shipment)",
    )
    args = parser.parse_args(argv)

    platform = LocalPlatform(
        host=args.host,
        port=args.port,
        aws_port=args.aws_port,
        stripe_port=args.stripe_port,
        time_scale=args.time_scale,
        token_timeout_scale=args.token_timeout_scale,
    )
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 <pid>` prints every thread's stack
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        platform.start()
        demo = seed(platform, args.state_dir)
        products = ", ".join(p["name"] for p in demo["demo_tenant"]["shop"]["products"])
        print(BANNER.format(state=args.state_dir, products=products, **demo), file=sys.stderr, flush=True)
        stop.wait()
    finally:
        print("  stopping…", file=sys.stderr, flush=True)
        platform.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
