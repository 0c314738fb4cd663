"""The reviewable file of a correspondence: correspondence.yaml in the later edition's folder.

One line per article and per unit, so that a reviewer reads (and a diff shows) what each unit
follows and how it was matched; the file is computed (`python -m constitution editions`) and
never read back: a wrong match is corrected in same_as.yaml beside it, and the file computed
again. `stale` names each file that is not what the source gives.
"""

from __future__ import annotations

from pathlib import Path

from constitution.core import paths
from constitution.editions.correspondence import Correspondence, Match, all_correspondences
from constitution.source import save
from constitution.source.editions import Editions

HEADER = (
    "# How each unit of edition {edition} follows from edition {previous}: computed by\n"
    "# `python -m constitution editions` (do not edit: correct a match in same_as.yaml, then run it\n"
    "# again). status: unchanged, changed, moved (renumbered; changed: true where its words changed\n"
    "# too) or new; by: how it was matched (hand, number, same text, text); dropped: the units of\n"
    "# edition {previous} that nothing follows. Format: translations/README.md.\n"
)


def _line(match: Match) -> str:
    fields = [("id", match.id), ("status", match.status), ("previous", match.previous)]
    if match.changed and match.status == "moved":
        fields.append(("changed", True))
    if match.similarity is not None and match.similarity < 1:
        fields.append(("similarity", match.similarity))
    fields.append(("by", match.by))
    written = ", ".join(f"{key}: {_scalar(value)}" for key, value in fields if value is not None)
    return f"  - {{{written}}}"


def _scalar(value) -> str:
    return f"{value:.2f}" if isinstance(value, float) else save.scalar(value, 0)


def correspondence_yaml(correspondence: Correspondence) -> str:
    lines = [HEADER.format(edition=correspondence.edition, previous=correspondence.previous).rstrip("\n"),
             f"edition: {save.scalar(correspondence.edition, 0)}",
             f"previous: {save.scalar(correspondence.previous, 0)}",
             "articles:", *map(_line, correspondence.articles),
             "units:", *map(_line, correspondence.units),
             "dropped:",
             f"  articles: [{', '.join(correspondence.dropped_articles)}]",
             f"  units: [{', '.join(correspondence.dropped_units)}]"]
    return "\n".join(lines) + "\n"


def review_files(editions: Editions) -> dict[str, str]:
    """Relative path (in the source folder) -> text of each later edition's correspondence.yaml."""
    return {f"{paths.EDITIONS_DIR}/{c.edition}/{paths.CORRESPONDENCE_FILE}": correspondence_yaml(c)
            for c in all_correspondences(editions)}


def stale(editions: Editions, directory: Path) -> list[str]:
    """The review files that are absent or not what the source gives, as paths in `directory`."""
    return [relative for relative, text in review_files(editions).items()
            if not (Path(directory) / relative).is_file()
            or (Path(directory) / relative).read_text(encoding="utf-8") != text]


def write(editions: Editions, directory: Path) -> list[str]:
    """Write the review files that changed; return them (the first edition has none)."""
    changed = stale(editions, directory)
    files = review_files(editions)
    save.write_files({relative: files[relative] for relative in changed}, Path(directory))
    return changed
