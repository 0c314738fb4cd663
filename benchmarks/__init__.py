"""`make bench` (`python -m benchmarks`): every stage on a synthetic source of the real size, beside
bare MkDocs and WeasyPrint baselines, written to benchmarks/RESULTS.md."""
