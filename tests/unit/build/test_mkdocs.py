"""The MkDocs runner (constitution/build/mkdocs.py): what `mkdocs build` printed becomes one line per problem."""

import pytest

from constitution.build import mkdocs


@pytest.mark.parametrize("stderr, problems", [
    ("INFO - Building\nWARNING -  Doc file 'kk/x.md' contains a link\n  to y\nINFO - done\n",
     ["WARNING - Doc file 'kk/x.md' contains a link to y"]),
    ("ERROR    -  Error reading page 'kk/index.md':\nERROR    -  kk/index.md: no manifest\n\nAborted with a BuildError!\n",
     ["ERROR - Error reading page 'kk/index.md': kk/index.md: no manifest"]),
    ("Traceback (most recent call last):\n  File x\nValueError: bad\n", ["ValueError: bad"]),
    ("", ["mkdocs build failed without a message"]),
], ids=["warning", "error", "crash", "silent"])
def test_mkdocs_output_becomes_one_line_per_problem(stderr, problems):
    assert mkdocs.problems(stderr) == problems
