"""How Panacea's functions are wired: the declaration, the CDK app, and the local runtime."""
