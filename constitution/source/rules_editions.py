"""The rules of a source of several editions: each a small generator of Problems with a one-line docstring.

load_editions (editions.py) reports what the format declaration catches in editions.yaml
and same_as.yaml (syntax, types, an unknown kind, an impossible date, unknown keys); each
edition's own source is checked by rules.py as any one-edition source is. These relate the
list, the folders and the corrections to each other; validate.py runs them all.
"""

from __future__ import annotations

import os
from typing import Callable, Iterator

from constitution.core import ids, languages, paths
from constitution.core.problems import Problem, display_path
from constitution.source.context import context, file_of
from constitution.source import ui
from constitution.source.editions import LoadedEdition, LoadedEditions, edition_dir


def _entries(editions: LoadedEditions):
    return list(enumerate(editions.listing.editions)) if editions.listing else []


def lists_an_edition(editions: LoadedEditions) -> Iterator[Problem]:
    """editions.yaml lists at least one edition."""
    if editions.listing and not editions.listing.editions:
        yield editions.problem(("editions",), "editions.yaml lists no edition: list at least one")


def edition_ids_name_folders(editions: LoadedEditions) -> Iterator[Problem]:
    """Every edition id matches the strict file-naming pattern (it names editions/<id>/ and addresses)."""
    for index, entry in _entries(editions):
        problem = ids.file_id_problem(entry.id)
        if problem:
            yield _at(editions, index, "id", entry.id, f"edition id {problem}")


def _at(editions: LoadedEditions, index: int, key: str, unit_id: str, message: str) -> Problem:
    """A problem of one entry of editions.yaml, named by the edition's id."""
    found = editions.problem(("editions", index, key), message)
    return Problem(found.path, found.line, unit_id, "", message)


def edition_ids_unique(editions: LoadedEditions) -> Iterator[Problem]:
    """No id names two editions."""
    seen: dict[str, int] = {}
    for index, entry in _entries(editions):
        if entry.id in seen:
            first = editions.file.line("editions", seen[entry.id], "id")
            yield _at(editions, index, "id", entry.id,
                      f"edition id '{entry.id}' is already listed at {editions.file.display}:{first}")
        else:
            seen[entry.id] = index


def edition_dates_in_order(editions: LoadedEditions) -> Iterator[Problem]:
    """The editions are listed oldest first, each date once (a date names the edition's address)."""
    entries = _entries(editions)
    for (_, before), (index, entry) in zip(entries, entries[1:]):
        if entry.date <= before.date:
            yield _at(editions, index, "date", entry.id,
                      f"date {entry.date.isoformat()} is not after {before.date.isoformat()} (edition "
                      f"'{before.id}'): list the editions oldest first, each date once")


def current_is_listed(editions: LoadedEditions) -> Iterator[Problem]:
    """`current` names a listed edition."""
    if editions.listing and editions.listing.editions:
        known = [entry.id for entry in editions.listing.editions]
        if editions.listing.current not in known:
            yield editions.problem(("current",), f"current '{editions.listing.current}' is no listed edition "
                                                 f"(one of {', '.join(known)})")


def edition_folders_exist(editions: LoadedEditions) -> Iterator[Problem]:
    """Every listed edition has its folder editions/<id>/."""
    for index, entry in _entries(editions):
        if ids.file_id_problem(entry.id) is None and not edition_dir(editions.directory, entry.id).is_dir():
            where = display_path(edition_dir(editions.directory, entry.id))
            yield _at(editions, index, "id", entry.id, f"the edition's folder {where}/ is absent")


def folders_are_listed(editions: LoadedEditions) -> Iterator[Problem]:
    """Every folder in editions/ is a listed edition (an unlisted one would be silently left out)."""
    folder = editions.directory / paths.EDITIONS_DIR
    listed = {entry.id for _, entry in _entries(editions)}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    for name in names:
        if name not in listed and editions.listing is not None:
            yield Problem(display_path(folder / name), 1, name, "",
                          f"not listed in {paths.EDITIONS_FILE}: list it there or remove it")


def no_text_beside_editions(editions: LoadedEditions) -> Iterator[Problem]:
    """A source of several editions holds its text in editions/<id>/ only, none beside editions.yaml."""
    for name in (paths.DOCUMENT_FILE, paths.PREAMBLE_FILE, paths.UI_FILE, paths.ARTICLES_DIR):
        if os.path.lexists(editions.directory / name):
            yield Problem(display_path(editions.directory / name), 1, "", "",
                          f"beside {paths.EDITIONS_FILE}, which lists the editions: each edition's text is in "
                          f"{paths.EDITIONS_DIR}/<id>/; move it into its edition's folder")


def editions_match_documents(editions: LoadedEditions) -> Iterator[Problem]:
    """Each edition's document.yaml names it as editions.yaml does (its id, date and names)."""
    for item in editions.editions:
        document, file = item.loaded.document, file_of(item.loaded, item.loaded.directory / paths.DOCUMENT_FILE)
        if document is None or file is None:
            continue
        said, entry = document.edition, item.entry
        for key, here, listed in (("id", said.id, entry.id), ("date", said.date, entry.date)):
            if here != listed:
                yield Problem(file.display, file.line("edition", key), entry.id, "",
                              f"edition.{key} is {_shown(here)}, but {paths.EDITIONS_FILE} lists this folder's "
                              f"edition with {key} {_shown(listed)}")
        for lang in languages.LANGUAGES:
            if getattr(said.name, lang) != getattr(entry.name, lang):
                yield Problem(file.display, file.line("edition", "name", lang), entry.id, lang,
                              f"edition.name differs from the name {paths.EDITIONS_FILE} gives this edition")


def _shown(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else repr(value)


def _unit_ids(item: LoadedEdition) -> set[str]:
    """The ids a correction may name: every unit's and every article's (one with clauses included)."""
    return {unit.id for unit in context(item.loaded).units} | {article.id for _, article in item.loaded.articles}


def corrections_name_units(editions: LoadedEditions) -> Iterator[Problem]:
    """same_as.yaml corrects units or articles of its edition, each once, by those of the edition before, each once."""
    loaded = {item.index: item for item in editions.editions}
    for item in editions.editions:
        if item.corrections is None:
            continue
        file, corrections = item.corrections
        if item.index == 0:
            yield Problem(file.display, 1, "", "", f"the first edition follows none: {paths.SAME_AS_FILE} "
                                                   "belongs in a later edition's folder")
            continue
        previous = loaded.get(item.index - 1)
        if previous is None:  # the edition before could not be read: its own line says why
            continue
        here, before = _unit_ids(item), _unit_ids(previous)
        corrected: dict[str, int] = {}
        claimed: dict[str, int] = {}
        for index, correction in enumerate(corrections.corrections):
            line = file.line("corrections", index, "id")
            if correction.id not in here:
                yield Problem(file.display, line, correction.id, "", f"no unit '{correction.id}' in this edition")
            elif correction.id in corrected:
                yield Problem(file.display, line, correction.id, "",
                              f"'{correction.id}' is already corrected at line {corrected[correction.id]}")
            corrected.setdefault(correction.id, line)
            target = correction.same_as
            if target is None:
                continue
            line = file.line("corrections", index, "same_as")
            if target not in before:
                yield Problem(file.display, line, correction.id, "",
                              f"same_as: no unit '{target}' in the previous edition ('{previous.entry.id}')")
            elif target in claimed:
                yield Problem(file.display, line, correction.id, "",
                              f"same_as: '{target}' already precedes another unit (line {claimed[target]})")
            claimed.setdefault(target, line)


def edition_strings_present(editions: LoadedEditions) -> Iterator[Problem]:
    """Every edition's ui.yaml holds the strings of the editions' pages (source/ui.py EDITION_KEYS)."""
    for item in editions.editions:
        strings = item.loaded.ui
        file = file_of(item.loaded, item.loaded.directory / paths.UI_FILE)
        if strings is None or file is None:
            continue
        absent = [key for key in ui.EDITION_KEYS if getattr(strings, key) is None]
        if absent:
            yield Problem(file.display, 1, absent[0], "",
                          f"{len(absent)} of the editions' strings absent, {absent[0]} first: a source of several "
                          f"editions needs each of source/ui.py's EDITION_KEYS in every edition's {paths.UI_FILE}")


EDITION_RULES: tuple[Callable[[LoadedEditions], Iterator[Problem]], ...] = (
    lists_an_edition, edition_ids_name_folders, edition_ids_unique, edition_dates_in_order, current_is_listed,
    edition_folders_exist, folders_are_listed, no_text_beside_editions, editions_match_documents,
    corrections_name_units, edition_strings_present,
)
