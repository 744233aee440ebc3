"""How notifications' figures are printed (bench/notifications.py measures them)."""

from __future__ import annotations

from bench.notifications import BUDGET_SQS, BUDGET_WRITES, PER, NotificationFigures
from bench.report import operations, services, table


def render(figures: NotificationFigures) -> str:
    lines = [
        "NOTIFICATIONS: one order.paid, from the event on the bus to its delivered receipt, by the channel the",
        "  member prefers; booked to engagement's functions and the relay (order.paid's other consumers apart);",
        "  the receipt check run at its due time. Cost at us-east-1 list prices (bench/costs.py), providers' own",
        "  prices excluded.",
    ]
    header = ["channel", "provider", "status", "requests", "dynamodb", "items written", "WRU/RRU", "sqs msgs",
              "events", "lambda", "apigw", f"$ per {PER:,}"]  # fmt: skip
    rows = []
    for n in figures.notifications:
        w = n.whole
        rows.append([n.channel, n.provider or "-", n.status, w.requests(), w.of("dynamodb"), w.items_written(),
                     f"{w.unit('dynamodb:WRU'):g}/{w.unit('dynamodb:RRU'):g}", sum(w.messages.values()),
                     f"{w.unit('events:entry'):g}", sum(w.invocations.values()), w.api_requests,
                     f"${w.cost()['total'] * PER:.4f}"])  # fmt: skip
    lines.append(table(header, rows, right=tuple(range(3, len(header)))))
    for n in figures.notifications:
        w = n.whole
        lines.append(f"  {n.channel}: " + "; ".join(f"{c} {operations(ops)}" for c, ops in w.by_caller.items()))
        lines.append(f"    trail: {' → '.join(n.trail)}")
    b = figures.broadcast
    if b is not None:
        verdict = "within" if b.sqs_requests <= BUDGET_SQS and b.writes <= BUDGET_WRITES else "OVER"
        lines += [
            f"BROADCAST to {b.members:,} members (news.published by email; answered {b.answer}; "
            f"{b.view.get('accepted')} accepted, pages {b.view.get('pages_done')}, skipped {b.view.get('skipped')}):",
            f"  SQS requests {b.sqs_requests:,} (budget {BUDGET_SQS:,}; the functions' "
            f"{b.spent.of('sqs', *b.callers):,} + Lambda's poller's {b.pages * 2} for {b.pages} page messages); "
            f"DynamoDB items written {b.writes:,} (budget {BUDGET_WRITES:,}) in {b.spent.of('dynamodb', *b.callers)} "
            f"requests, {b.spent.unit('dynamodb:WRU', *b.callers):g} WRU, {b.spent.unit('dynamodb:RRU', *b.callers):g} "
            f"RRU: {verdict} the budget",
            f"  by operation: {services(b.spent.operations(*b.callers))}: {operations(b.spent.operations(*b.callers))}",
            f"  {b.spent.seconds:.0f}s from the POST to done (seeding {b.seeded_s:.0f}s, not counted); "
            f"{b.queued:,} messages on the email queue; ${b.cost()['total']:.4f} at list price",
        ]
        sent = figures.per_broadcast()
        if sent:
            lines.append(f"  sent and delivered (each message as an email notification's sending): ${sent['total']:.4f}"
                         " (" + ", ".join(f"{k} ${v:.4f}" for k, v in sent.items() if k != "total") + ")")  # fmt: skip
    lines += [f"  warning: {w}" for w in figures.warnings]
    return "\n".join(lines)
