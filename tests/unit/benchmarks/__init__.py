"""Unit tests of benchmarks/ (the benchmark's own parts, nothing timed)."""
