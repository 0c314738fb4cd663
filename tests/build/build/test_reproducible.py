"""Reproducibility (issue 7, part 3): the same source gives byte-identical site/ and dist/.

The repo's source is built twice (the session's shared build, and one here): in different
temporary folders, at different times (a build takes many seconds), with another time zone
(UTC+14: another calendar day for most of the day), locale and hash seed. Every file of
site/ and dist/ (PDFs, exports, the offline zip, the manifest) must have the same SHA-256.
A failure lists each differing file, and for a zip each differing member (tests/helpers/trees.py).
"""

from __future__ import annotations

from tests.helpers.builds import build_site
from tests.helpers.trees import differences, digests

OTHER_ENVIRONMENT = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "4242"}


def test_two_builds_of_the_same_source_are_byte_identical(built_site, tmp_path):
    first = built_site("repo")
    second = build_site(first.source, tmp_path / "another" / "place", env=OTHER_ENVIRONMENT)
    found = []
    for name in ("site", "dist"):
        one, other = getattr(first, name), getattr(second, name)
        assert len(digests(one)) > 10
        found += [f"{name}/{line}" for line in differences(one, other)]
    assert not found, "the builds differ:\n" + "\n".join(found)
    assert any(path.suffix == ".pdf" for path in first.dist.iterdir())
