"""The kernel: table and keys, tenant context, money, ids, clock, errors, events and outbox,
settings, observability. Plumbing words live here and nowhere else."""
