"""A source of several editions: editions.yaml, one complete source per edition, the hand corrections.

A source folder is either one edition (document.yaml, preamble.yaml, ui.yaml, articles/, as
translations/ is) or several: `editions.yaml` lists them in the order the text went through
them and names the current one, and `editions/<id>/` holds each as a complete one-edition
source; a later edition's folder may hold `same_as.yaml`, the hand corrections of the
computed correspondence with the edition before it (constitution/editions/). Loading never
raises on bad input: the list's problems and each edition's are Problems with file and line;
rules_editions.py relates the list, the folders and the corrections to each other.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from constitution.core import ids, paths
from constitution.core.problems import Problem, display_path
from constitution.source.load import Loaded, YamlFile, load_source, read_yaml, typed
from constitution.source.model import Corrections, EditionEntry, EditionList, Localized, SameAs, Source


def listed(listing: EditionList | None, entry: EditionEntry, current: bool) -> EditionList:
    """The list with `entry` added or put in place of the edition of its id, in date order;
    current where `current` or where it is the first edition the list holds."""
    others = [item for item in (listing.editions if listing else []) if item.id != entry.id]
    editions = sorted([*others, entry], key=lambda item: item.date)
    now = entry.id if current or listing is None or not listing.editions else listing.current
    return EditionList(current=now, editions=editions)


def source_folder(directory: Path) -> Path:
    """The folder of the files of a checked source's current edition (the folder itself for one edition)."""
    if not holds_editions(directory):
        return Path(directory)
    file, listing, _ = _one(Path(directory) / paths.EDITIONS_FILE, EditionList)
    return edition_dir(directory, listing.current) if listing else Path(directory)


def holds_editions(directory: Path) -> bool:
    """Whether a source folder holds several editions (it has an editions.yaml)."""
    return os.path.lexists(Path(directory) / paths.EDITIONS_FILE)


def edition_dir(directory: Path, edition_id: str) -> Path:
    return Path(directory) / paths.EDITIONS_DIR / edition_id


@dataclass
class LoadedEdition:
    """One listed edition as read: its entry in editions.yaml, its source, its corrections file."""

    index: int  # its place in editions.yaml
    entry: EditionEntry
    loaded: Loaded
    corrections: tuple[YamlFile, Corrections] | None = None


@dataclass
class LoadedEditions:
    """What load_editions could read, and the problems of reading it."""

    directory: Path
    file: YamlFile | None
    listing: EditionList | None
    editions: list[LoadedEdition]
    problems: list[Problem]

    def problem(self, keys: tuple, message: str) -> Problem:
        """A problem of editions.yaml at the line of `keys`."""
        display = self.file.display if self.file else display_path(self.directory / paths.EDITIONS_FILE)
        return Problem(display, self.file.line(*keys) if self.file else 1, "", "", message)


def _one(path: Path, model: type) -> tuple[YamlFile | None, object, list[Problem]]:
    parsed, problems = read_yaml(path)
    if parsed is None:
        return None, None, problems
    value, found = typed(parsed, model)
    return parsed, value, problems + found


def load_editions(directory: Path) -> LoadedEditions:
    """editions.yaml and every listed edition whose id can name a folder that is there (once each)."""
    directory = Path(directory)
    file, listing, problems = _one(directory / paths.EDITIONS_FILE, EditionList)
    editions: list[LoadedEdition] = []
    seen: set[str] = set()
    for index, entry in enumerate(listing.editions if listing else []):
        folder = edition_dir(directory, entry.id)
        if entry.id in seen or ids.file_id_problem(entry.id) or not folder.is_dir():
            continue  # rules_editions.py names the duplicate, the bad id, the absent folder
        seen.add(entry.id)
        loaded = load_source(folder)
        problems.extend(loaded.problems)
        loaded.problems = []  # counted once, here
        corrections = None
        if os.path.lexists(folder / paths.SAME_AS_FILE):
            parsed, value, found = _one(folder / paths.SAME_AS_FILE, Corrections)
            problems.extend(found)
            if parsed is not None and value is not None:
                corrections = (parsed, value)
        editions.append(LoadedEdition(index, entry, loaded, corrections))
    return LoadedEditions(directory, file, listing, editions, problems)


@dataclass(frozen=True)
class Edition:
    """One checked edition: what editions.yaml says of it and its source. A one-edition source
    is one Edition, named by its document.yaml (`kind` None: such a source does not say)."""

    id: str
    date: datetime.date
    name: Localized
    kind: str | None
    source: Source
    corrections: tuple[SameAs, ...] = ()


@dataclass(frozen=True)
class Editions:
    """Every edition of a source, oldest first, and the current one's id."""

    editions: tuple[Edition, ...]
    current_id: str
    several: bool = field(default=True)  # False: a one-edition source (no editions.yaml)

    @property
    def current(self) -> Edition:
        return next(edition for edition in self.editions if edition.id == self.current_id)

    def edition(self, edition_id: str) -> Edition:
        for edition in self.editions:
            if edition.id == edition_id:
                return edition
        raise KeyError(edition_id)

    def previous(self, edition: Edition) -> Edition | None:
        """The edition before `edition` in the list, None for the first."""
        index = self.editions.index(edition)
        return self.editions[index - 1] if index else None

    @property
    def first(self) -> Edition:
        return self.editions[0]


def single(source: Source) -> Editions:
    """A one-edition source as Editions."""
    edition = source.document.edition
    return Editions((Edition(edition.id, edition.date, edition.name, None, source),), edition.id, several=False)


def checked(loaded: LoadedEditions) -> Editions:
    """The editions of a source that has passed validation."""
    editions = tuple(
        Edition(item.entry.id, item.entry.date, item.entry.name, item.entry.kind, item.loaded.source(),
                tuple(item.corrections[1].corrections) if item.corrections else ())
        for item in loaded.editions)
    return Editions(editions, loaded.listing.current)
