"""`make bench` (`python -m benchmarks`): every stage on a synthetic source of the real size, beside
bare MkDocs and Typst baselines and the old WeasyPrint PDF stage, written to benchmarks/RESULTS.md."""
