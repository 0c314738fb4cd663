"""Which editions the offline bundle of a source of several editions holds: the current one, or all.

CHOICES are the values of `--offline-editions` (of `site` and `offline`), named here once;
CURRENT is the default. A source of one edition has nothing to choose: `plan` gives None and
its bundle is what it always was, byte for byte (build/offline.py changes nothing).

- CURRENT: the current edition as the website shows it at today's undated addresses, in three
  languages, with its downloads; no dated page (`<date>/…`, the current edition's included),
  no change page or comparison (`compare/…`), no search entry that leads to one, no other
  edition's search index and no choice of edition in search, and no file of another edition
  (`downloads/<id>/`, core/catalogue.py). What a reader of an
  offline copy mostly wants: the text in force, in a smaller zip (tests/data/editions:
  1.56 MB against 2.07 MB with every edition).
- ALL: every page of the website: each edition at its dated address, every comparison.

The bundle's Downloads page says, in each language, which editions it holds (the one part of
the bundle the website's pages do not have): the current one by name and date, or every one,
each a link to its page in the bundle (no page of today's text links to an edition's contents).

A link of a page the bundle holds to one it leaves out (the notice's "Compare with the previous
edition" on an article changed since the edition before, an earlier edition's files and pages
on the Downloads page, any other) is never left broken.
Where the website's address is known (SITE_URL, read from the built site's canonical link) it
leads to the same page on the website: absolute, rel="external", "(on the website)" in its
words. A reader of an offline copy expects its links to open from the disk; one that cannot
must say so before it is followed (it needs the network and leaves the copy), and it still
brings a reader who is online to the comparison, at its permanent address. Without a known
address (a build without SITE_URL, whose pages name http://localhost:8000/) it could lead
nowhere: its words stay as plain text, so the sentence reads as on the website.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from markupsafe import Markup

from constitution.core import catalogue, contract, headers, languages, urls
from constitution.site import search_index
from constitution.core.problems import BuildError

if TYPE_CHECKING:  # the choices are read by cli.py's parser: nothing heavy at import
    from constitution.source.editions import Editions

CURRENT, ALL = catalogue.OFFLINE_CURRENT, catalogue.OFFLINE_ALL
CHOICES = catalogue.OFFLINE_EDITIONS  # `--offline-editions`; the first is the default
TEMPLATE = "offline.html.j2"
LINK = re.compile(r"<a\s[^>]*>.*?</a>", re.S)
OPENING = re.compile(r"<a\s[^>]*>")
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
DOWNLOADS_HEADING = f'<h1 id="{urls.DOWNLOADS_PAGE}">'
SEARCH_EDITION = re.compile(f'<template id="{contract.SEARCH_EDITION}">.*?</template>', re.S)  # partials/search-edition.html
FIRST_GROUP = "<h2"  # the Downloads page's first group of files: what the bundle holds is said before it


@dataclass(frozen=True)
class Held:
    """What the bundle of a source of several editions holds, and how its pages say so."""

    editions: Editions
    choice: str
    left_out: tuple[str, ...]  # site-relative folders ('ru/compare/') whose files the bundle leaves out
    website: str | None  # the published website's address, None when it is not known
    root: str | None  # its path, under which the pages' root-absolute links lead

    def holds(self, name: str) -> bool:
        """Whether a file or search location of the website ('ru/art_2/#x') is in the bundle."""
        return not name.startswith(self.left_out) if self.left_out else True

    def page(self, body: str, name: str) -> str:
        """A page's body as the bundle holds it: its links to pages left out lead to the website
        (or are plain text), and the Downloads page says which editions the bundle holds."""
        lang = headers.language_of(name)
        if self.left_out:
            body = LINK.sub(lambda found: self._relinked(found.group(0), name, lang), body)
            body = SEARCH_EDITION.sub("", body)  # one edition held: no choice of edition to search
        if name == urls.page_file(urls.DOWNLOADS_PAGE, lang):
            body = self._said(body, name, lang)
        return body

    def _ui(self, key: str, lang: str) -> str:
        return self.editions.current.source.ui.get(key, lang)

    def _relinked(self, link: str, name: str, lang: str) -> str:
        opening = OPENING.match(link).group(0)
        attributes = [(key, html.unescape(value)) for key, value in ATTRIBUTE.findall(opening)]
        target = self._left_out_target(dict(attributes).get("href"), posixpath.dirname(name))
        if target is None:
            return link
        words = Markup(link[len(opening):-len("</a>")])  # the page's HTML as it is
        if self.website is None:
            return str(words)
        kept = [(key, value) for key, value in attributes if key not in ("href", "rel")]
        return _render("website_link", self.website + target, kept, words, self._ui("edition_offline_website", lang))

    def _left_out_target(self, href: str | None, here: str) -> str | None:
        """The site-relative URL ('compare/a..b/art_4/#x') of a page left out that `href` leads to, else None."""
        if not href or href.startswith(("#", "//")) or SCHEME.match(href):
            return None
        parts = urlsplit(href)
        path = unquote(parts.path)
        if path.startswith("/"):
            if not self.root or not path.startswith(self.root):
                return None
            target = path[len(self.root):]
        else:
            target = posixpath.normpath(posixpath.join(here, path)) + ("/" if path.endswith("/") else "")
        if not self.holds(target.rstrip("/") + "/"):  # the folder itself, or a page or file in it
            return quote(target) + (f"?{parts.query}" if parts.query else "") + \
                (f"#{parts.fragment}" if parts.fragment else "")
        return None

    def _said(self, body: str, name: str, lang: str) -> str:
        heading = body.find(DOWNLOADS_HEADING)
        at = body.find(FIRST_GROUP, heading) if heading >= 0 else -1
        if at < 0:
            raise BuildError([f"{name}: no {DOWNLOADS_HEADING} with a group of files after it, before which "
                              "the bundle says which editions it holds"])
        return f"{body[:at]}{self.statement(name, lang)}\n{body[at:]}"

    def statement(self, name: str, lang: str) -> str:
        """Which editions the bundle holds, in the language of the page `name` (HTML)."""
        from constitution.site.editions import dated
        from constitution.source import labels

        ui = self.editions.current.source.ui
        if self.choice == CURRENT:
            current = self.editions.current
            text = labels.fill(self._ui("edition_offline_current", lang), lang, edition=getattr(current.name, lang),
                               date=labels.date(ui, lang, current.date))
            return _render("held_current", text)
        here = posixpath.dirname(name)
        held = [(posixpath.relpath(urls.page_url(dated(edition), lang), here) + "/", getattr(edition.name, lang),
                 labels.date(ui, lang, edition.date), edition.id == self.editions.current_id)
                for edition in self.editions.editions]
        return _render("held_all", self._ui("edition_offline_all", lang), held, self._ui("edition_current", lang))


def plan(editions: Editions | None, choice: str, website: str | None) -> Held | None:
    """What the bundle of `editions` holds with `choice` (one of CHOICES); None for one edition.
    `website`: the address the site is published at (its canonical link), or None."""
    if choice not in CHOICES:
        raise BuildError([f"--offline-editions {choice!r}: one of {', '.join(CHOICES)}"])
    if editions is None or not editions.several:
        return None
    from constitution.site.editions import COMPARE, dated

    known = website if website and website != urls.LOCAL_SITE_URL else None
    keys = [dated(edition) for edition in editions.editions] + [COMPARE]
    earlier = [edition.id for edition in editions.editions if edition.id != editions.current_id]
    earlier_files = [urls.download_url(f"{edition_id}/") for edition_id in earlier]  # core/catalogue.py's folders
    earlier_files += [path for edition_id in earlier for lang in languages.LANGUAGES  # their search indexes
                      for path in (search_index.index_path(lang, edition_id), search_index.script_path(lang, edition_id))]
    left_out = () if choice == ALL else (
        *(urls.page_url(key, lang) for key in keys for lang in languages.LANGUAGES), *earlier_files)
    return Held(editions, choice, left_out, known, urlsplit(website).path if website else None)


@lru_cache(maxsize=1)
def _templates():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(loader=PackageLoader("constitution.build", "templates"), autoescape=True,
                              undefined=StrictUndefined, keep_trailing_newline=False)
    return environment.get_template(TEMPLATE).module


def _render(macro: str, *args) -> str:
    return str(getattr(_templates(), macro)(*args))
