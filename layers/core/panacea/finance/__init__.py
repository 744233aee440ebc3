"""Finance: the sales ledger, written when an order's money moves, and the period reports read from it."""
