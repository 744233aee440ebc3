"""Benchmarks of Panacea (figures, not pass/fail tests): how long each function takes to cold
start, and how many AWS requests each use case makes. `make bench` runs them; see README.md."""
