"""Quality benchmarks (not timed, not tests)."""
