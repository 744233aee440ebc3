"""The local runtime: the whole platform in one process on moto, wired from `infra.wiring`."""
