"""The pages of a source of several editions; a one-edition source has none of them.

The current edition keeps today's addresses (pages.py); besides, every edition, the current
one included, lives at a dated address that never changes, in every language:
  <date>/                 the edition: its name, whether it is the current one, its contents,
                          its PDFs (each edition's files: dist/<id>/, core/catalogue.py)
  <date>/preamble/        its preamble
  <date>/art_N/           each of its articles, with the same ids as anchors as today's pages
  <date>/changes/         after the first: what changed against the edition before
  compare/<a>..<date>/    what changed since any earlier edition a (not the one before)
  compare/<a>..<date>/art_N/ (and …/preamble/)  a changed article beside its predecessor in
                          edition a, its words deleted and inserted per clause (<del>, <ins>:
                          editions.html.j2); any two editions compare
Every dated page says which edition it shows; one of another edition than the current links
to the same unit in the current edition (followed through each correspondence) or says that
the current edition no longer holds it. Another edition's dated preamble and articles are
searched in an index of that edition's own (searched_page; the current edition is found at
today's addresses, its dated pages are out of search); no dated page is in the nav (mkdocs.yml
`not_in_nav`). Citations name the edition, and the copy buttons give the dated address (cited).
Today's Downloads page lists, after the current edition's files at today's names, every
edition's at its dated address.
"""

from __future__ import annotations

import json

from constitution.core import catalogue, contract, ids, languages, urls
from constitution.editions.correspondence import (
    CHANGED,
    MOVED,
    NEW,
    UNCHANGED,
    Correspondence,
    Match,
    across,
    all_correspondences,
)
from constitution.editions.diff import word_diff
from constitution.site import cite, html
from constitution.site.markup import fill, literal_markdown
from constitution.site.pages import contents, download_table, downloads_page, pdf_links
from constitution.site.units import (
    Lang,
    Page,
    article_heading,
    banner,
    heading,
    link,
    unit_html,
    unit_names,
)
from constitution.source import labels
from constitution.source.editions import Edition, Editions
from constitution.source.model import Article, Unit, article_units

CHANGES = "changes"
COMPARE = "compare"
PREAMBLE_KEY = ids.PREAMBLE_ID
# the change page's groups of articles, in order: (status, its ui.yaml heading, the anchor)
GROUPS = ((CHANGED, "edition_changed", "changed"), (MOVED, "edition_moved", "moved"), (NEW, "edition_new", "new"))


def dated(edition: Edition, page: str = "") -> str:
    """The page key of an edition's page: '2026-01-30', '2026-01-30/art_2'."""
    folder = edition.date.isoformat()
    return f"{folder}/{page}" if page else folder


def compare_key(previous: Edition, edition: Edition, page: str = "") -> str:
    """'compare/2026-01-30..2026-02-12/art_4': an article (or the preamble) beside its predecessor
    in an earlier edition; without `page`, what changed between the two."""
    pair = f"{COMPARE}/{previous.date.isoformat()}..{edition.date.isoformat()}"
    return f"{pair}/{page}" if page else pair


class Site:
    """The editions, their correspondences, and each unit's and article's id in the current edition."""

    def __init__(self, editions: Editions):
        self.editions = editions
        self.correspondences: dict[str, Correspondence] = {c.edition: c for c in all_correspondences(editions)}
        self.in_current = self._in_current()

    def _in_current(self) -> dict[str, dict[str, str | None]]:
        """Edition id -> {unit or article id: the id that follows it in the current edition, or None}."""
        current = self.editions.current
        order = list(self.editions.editions)
        out: dict[str, dict[str, str | None]] = {}
        ids_of = {e.id: {u.id for u in e.source.units()} | {a.id for a in e.source.articles} for e in order}
        out[current.id] = {unit_id: unit_id for unit_id in ids_of[current.id]}
        later = order.index(current)
        for edition in reversed(order[:later]):  # each earlier one through the one after it
            after = order[order.index(edition) + 1]
            follows = {m.previous: m.id for m in (*self.correspondences[after.id].units,
                                                  *self.correspondences[after.id].articles) if m.previous}
            out[edition.id] = {unit_id: out[after.id].get(follows.get(unit_id)) if unit_id in follows else None
                               for unit_id in ids_of[edition.id]}
        for edition in order[later + 1:]:  # editions after the current one: followed backwards
            before = order[order.index(edition) - 1]
            out[edition.id] = {m.id: out[before.id].get(m.previous) if m.previous else None
                               for m in (*self.correspondences[edition.id].units,
                                         *self.correspondences[edition.id].articles)}
        return out

    def previous(self, edition: Edition) -> Edition | None:
        return self.editions.previous(edition)

    def earlier(self, edition: Edition) -> list[Edition]:
        """The editions before `edition`, oldest first."""
        order = list(self.editions.editions)
        return order[:order.index(edition)]

    def pair(self, earlier: Edition, later: Edition) -> Correspondence:
        """The correspondence of `later` with `earlier`, any edition before it."""
        return across(self.editions, earlier, later, self.correspondences)

    def changes_key(self, earlier: Edition, later: Edition) -> str:
        """The page of what changed between two editions: <date>/changes for consecutive ones."""
        return dated(later, CHANGES) if self.previous(later) is earlier else compare_key(earlier, later)


def edition_pages(editions: Editions, code: str) -> list[tuple[Page, str]]:
    """Every dated and comparison page of one language, each with its front matter's description."""
    site = Site(editions)
    pages = []
    for edition in editions.editions:
        lang = Lang(edition.source, code)
        pages.append(home_page(site, lang, edition))
        if edition.source.preamble.recitals:
            pages.append(preamble_page(site, lang, edition))
        pages.extend(article_page(site, lang, edition, article) for article in edition.source.articles)
        for earlier in site.earlier(edition):  # any two editions compare
            pages.append(changes_page(site, lang, edition, earlier))
            pages.extend(compare_pages(site, lang, edition, earlier))
    return pages


def page_text(page: Page, description: str, generated: str, edition: str | None = None,
              searched: bool = False) -> str:
    """A dated page's Markdown: front matter (its edition's folder, out of search unless `searched`,
    its own description), then the page."""
    front = ["---", *([] if searched else ["search:", "  exclude: true"]),
             *([f"{contract.EDITION_META}: {json.dumps(edition)}"] if edition else []),
             f"description: {json.dumps(description, ensure_ascii=False)}", "---"]
    return "\n".join([*front, generated, "", *page.lines]).rstrip() + "\n"


def searched_page(editions: Editions, key: str) -> tuple[str | None, bool]:
    """The edition folder of a page key ('2026-01-30/art_2': '2026-01-30'; None if it is no dated
    page), and whether search holds it: an earlier edition's preamble and articles are searched in
    that edition's own index; the current one's dated pages are not (search finds today's)."""
    folder, _, rest = key.partition("/")
    edition = next((e for e in editions.editions if dated(e) == folder), None)
    if edition is None:
        return None, False
    return folder, edition.id != editions.current_id and rest not in ("", CHANGES) and "/" not in rest


def _name(lang: Lang, edition: Edition) -> str:
    return getattr(edition.name, lang.code)


def _date(lang: Lang, edition: Edition) -> str:
    return labels.date(lang.source.ui, lang.code, edition.date)


def notice(site: Site, lang: Lang, edition: Edition, page: str, unit_id: str | None,
           compare: str | None = None) -> list[str]:
    """Which edition the page shows; on another than the current one, where its unit is now;
    with `compare`, the link to its comparison with the edition before."""
    said = fill(lang.ui("edition_notice"), edition=_name(lang, edition), date=_date(lang, edition))
    current = site.editions.current
    if edition.id == current.id:
        words = [said, literal_markdown(lang.ui("edition_current"))]
    else:
        words = [said, literal_markdown(lang.ui("edition_not_current"))]
        if unit_id == ids.PREAMBLE_ID:
            now = ids.PREAMBLE_ID if current.source.preamble.recitals else None
        else:
            now = site.in_current[edition.id].get(unit_id) if unit_id is not None else None
        if unit_id is not None and now is None:
            words.append(literal_markdown(lang.ui("edition_not_in_current")))
        elif now is not None:
            target = urls.page_of(now)
            anchor = "" if now == target else now
            words.append(f"[{literal_markdown(lang.ui('edition_current_link'))}]({link(page, target, anchor)})")
    if compare is not None:
        words.append(f"[{literal_markdown(lang.ui('edition_compare'))}]({link(page, compare)})")
    return [f'!!! info edition-notice "{literal_markdown(_name(lang, edition))}"', "", "    " + " ".join(words), ""]


def home_page(site: Site, lang: Lang, edition: Edition) -> tuple[Page, str]:
    page, source = dated(edition), edition.source
    title = _name(lang, edition)
    lines = [heading(1, literal_markdown(title), "edition"), ""]
    lines += notice(site, lang, edition, page, None)
    for earlier in reversed(site.earlier(edition)):  # the edition before first
        what = f"{literal_markdown(lang.ui('edition_changes'))}: {literal_markdown(_name(lang, earlier))}"
        lines += [f"- [{what}]({link(page, site.changes_key(earlier, edition))})"]
    lines += [""] if site.earlier(edition) else []
    lines += contents(lang, source, page, lambda target: dated(edition, target), sections=False)
    lines += ["", *pdf_links(lang, page, _pdfs(site.editions, edition))]
    files = literal_markdown(lang.ui("edition_files"))
    lines += ["", f"[{files}]({link(page, urls.DOWNLOADS_PAGE, downloads_anchor(edition))})"]
    lines += ["", heading(2, literal_markdown(lang.ui("edition_editions")), "editions"), ""]
    for other in site.editions.editions:
        here = f"{literal_markdown(_name(lang, other))} ({literal_markdown(_date(lang, other))})"
        mark = f" — {literal_markdown(lang.ui('edition_current'))}" if other.id == site.editions.current_id else ""
        lines.append(f"- {here}{mark}" if other.id == edition.id else f"- [{here}]({link(page, dated(other))}){mark}")
    return Page(page, title, lines, in_nav=False), f"{title} — {_date(lang, edition)}"


def _units_page(site: Site, lang: Lang, edition: Edition, page: str, title: str, anchor: str,
                units: list[Unit], names: dict[str, str], unit_id: str, compare: str | None) -> list[str]:
    lines = [heading(1, literal_markdown(title), anchor), ""]
    lines += notice(site, lang, edition, page, unit_id, compare)
    lines += banner(lang, page, units)
    for unit in units:
        lines += [unit_html(lang, unit, names[unit.id]), ""]
    lines.append(cite.page_strings(edition.source, lang.code, cited(site, lang, edition, page)))
    return lines


def cited(site: Site, lang: Lang, edition: Edition, page: str) -> cite.Edition:
    """What the copy buttons of a page of `edition` (dated or today's) cite: the edition by name, the
    page's dated address and, on the current edition's, its undated one."""
    key = page.split("/", 1)[1] if page.startswith(f"{dated(edition)}/") else page
    undated = key if edition.id == site.editions.current_id else None
    return cite.Edition(_name(lang, edition), page, dated(edition, key), undated)


def _compare_target(earlier: Edition | None, edition: Edition, page: str, match: Match | None) -> str | None:
    """The comparison page of a page of `edition`, where it changed against `earlier`."""
    if earlier is None or match is None or match.status == NEW or not (match.changed or match.status == CHANGED):
        return None
    return compare_key(earlier, edition, page)


def preamble_page(site: Site, lang: Lang, edition: Edition) -> tuple[Page, str]:
    page = dated(edition, PREAMBLE_KEY)
    units = [u for u in edition.source.units() if u.kind == "recital" or
             (u.kind == "note" and u.parent and u.parent.startswith(ids.PREAMBLE_ID))]
    names = {u.id: labels.recital_label(lang.source.ui, lang.code, u.number) for u in units if u.kind == "recital"}
    names.update({u.id: labels.note_label(lang.source.ui, lang.code, names[u.parent], u.number)
                  for u in units if u.kind == "note"})
    previous = site.previous(edition)
    changed = previous is not None and _preamble_changed(site.correspondences[edition.id])
    compare = compare_key(previous, edition, PREAMBLE_KEY) if changed else None
    title = lang.ui("preamble")
    lines = _units_page(site, lang, edition, page, title, ids.PREAMBLE_ID, units, names, ids.PREAMBLE_ID, compare)
    return Page(page, title, lines, in_nav=False), f"{title} — {_name(lang, edition)} ({_date(lang, edition)})"


def _preamble_changed(found: Correspondence) -> bool:
    return any(m.status != UNCHANGED for m in found.units if m.kind == "recital") or \
        any(unit_id.startswith(ids.PREAMBLE_ID) for unit_id in found.dropped_units)


def article_page(site: Site, lang: Lang, edition: Edition, article: Article) -> tuple[Page, str]:
    page = dated(edition, article.id)
    title = labels.article_label(lang.source.ui, lang.code, article.number)
    anchor = article.id if article.has_clauses else f"{article.id}__label" if article.title else f"{article.id}__hdg"
    found, previous = site.correspondences.get(edition.id), site.previous(edition)
    compare = _compare_target(previous, edition, article.id, found.article(article.id) if found else None)
    names = labels.unit_labels(lang.source.ui, lang.code, article)
    lines = _units_page(site, lang, edition, page, title, anchor, list(article_units(article)), names, article.id,
                        compare)
    return Page(page, title, lines, in_nav=False), f"{title} — {_name(lang, edition)} ({_date(lang, edition)})"


def changes_page(site: Site, lang: Lang, edition: Edition, previous: Edition) -> tuple[Page, str]:
    """What changed against an earlier edition: the articles changed, renumbered, new and removed."""
    page, found = site.changes_key(previous, edition), site.pair(previous, edition)
    title = labels.fill(lang.ui("edition_changes_title"), lang.code, edition=_name(lang, edition))
    lines = [heading(1, literal_markdown(title), CHANGES), ""]
    lines += notice(site, lang, edition, page, None)
    before = f"[{literal_markdown(_name(lang, previous))}]({link(page, dated(previous))})"
    lines += [fill(lang.ui("edition_changes_intro"), markdown={"previous": before}), ""]
    compare_word = literal_markdown(lang.ui("edition_compare"))
    old_numbers = {article.id: article.number for article in previous.source.articles}
    articles = {article.id: article for article in edition.source.articles}
    if _preamble_changed(found):
        lines += [f"- [{literal_markdown(lang.ui('preamble'))}]({link(page, dated(edition, PREAMBLE_KEY))}) — "
                  f"[{compare_word}]({link(page, compare_key(previous, edition, PREAMBLE_KEY))})", ""]
    for status, key, anchor in GROUPS:
        lines += [heading(2, literal_markdown(lang.ui(key)), anchor), ""]
        matches = [m for m in found.articles if m.status == status]
        for match in matches:
            name = literal_markdown(article_heading(lang, articles[match.id]))
            item = f"- [{name}]({link(page, dated(edition, match.id))})"
            if status == MOVED:
                was = labels.article_label(lang.source.ui, lang.code, old_numbers[match.previous])
                item += " — " + literal_markdown(labels.fill(lang.ui("edition_was"), lang.code, article=was))
            target = _compare_target(previous, edition, match.id, match)
            if target is not None:
                item += f" — [{compare_word}]({link(page, target)})"
            lines.append(item)
        lines += ([] if matches else [literal_markdown(lang.ui("edition_none"))]) + [""]
    lines += [heading(2, literal_markdown(lang.ui("edition_dropped")), "dropped"), ""]
    old = {article.id: article for article in previous.source.articles}
    for article_id in found.dropped_articles:
        old_lang = Lang(previous.source, lang.code)
        lines.append(f"- [{literal_markdown(article_heading(old_lang, old[article_id]))}]"
                     f"({link(page, dated(previous, article_id))})")
    lines += [] if found.dropped_articles else [literal_markdown(lang.ui("edition_none"))]
    return Page(page, title, lines, in_nav=False), f"{title} — {_name(lang, previous)}"


def compare_pages(site: Site, lang: Lang, edition: Edition, previous: Edition) -> list[tuple[Page, str]]:
    """The comparison view of each article (and the preamble) whose words changed since `previous`."""
    found = site.pair(previous, edition)
    pages = []
    old_units = {unit.id: unit for unit in previous.source.units()}
    if _preamble_changed(found):
        units = [u for u in edition.source.units() if u.kind == "recital"]
        dropped = [old_units[i] for i in found.dropped_units if old_units[i].kind == "recital"]
        names = {u.id: labels.recital_label(lang.source.ui, lang.code, u.number) for u in units}
        old_names = {u.id: labels.recital_label(previous.source.ui, lang.code, u.number) for u in dropped}
        title = labels.fill(lang.ui("edition_compare_title"), lang.code, article=lang.ui("preamble"))
        pages.append(_compare_page(site, lang, edition, previous, PREAMBLE_KEY, PREAMBLE_KEY, PREAMBLE_KEY, title,
                                   units, dropped, names, old_names, old_units, found))
    old_articles = {article.id: article for article in previous.source.articles}
    for article in edition.source.articles:
        match = found.article(article.id)
        if _compare_target(previous, edition, article.id, match) is None:
            continue
        before = old_articles[match.previous]
        dropped = [u for u in article_units(before) if u.id in found.dropped_units]
        label = labels.article_label(lang.source.ui, lang.code, article.number)
        title = labels.fill(lang.ui("edition_compare_title"), lang.code, article=label)
        pages.append(_compare_page(site, lang, edition, previous, article.id, before.id, article.id, title,
                                   list(article_units(article)), dropped,
                                   labels.unit_labels(lang.source.ui, lang.code, article),
                                   labels.unit_labels(previous.source.ui, lang.code, before), old_units, found))
    return pages


def _compare_page(site: Site, lang: Lang, edition: Edition, previous: Edition, page_id: str, old_page: str,
                  anchor: str, title: str, units: list[Unit], dropped: list[Unit], names: dict[str, str],
                  old_names: dict[str, str], old_units: dict[str, Unit], found: Correspondence) -> tuple[Page, str]:
    page = compare_key(previous, edition, page_id)
    all_old_names = unit_names(Lang(previous.source, lang.code))  # a unit may come from another article
    words = {"deleted": lang.ui("edition_deleted"), "inserted": lang.ui("edition_inserted")}
    lines = [heading(1, literal_markdown(title), f"compare-{anchor}"), ""]
    links = [f"[{literal_markdown(_name(lang, other))} ({literal_markdown(_date(lang, other))})]"
             f"({link(page, dated(other, key))})" for other, key in ((previous, old_page), (edition, page_id))]
    lines += [" → ".join(links), ""]
    for unit in units:
        match = found.unit(unit.id)
        before = old_units.get(match.previous) if match.previous else None
        pieces = word_diff(before.texts.text(lang.code) if before else None, unit.texts.text(lang.code))
        was = old_names.get(match.previous) or all_old_names.get(match.previous, match.previous or "")
        status = {UNCHANGED: None, CHANGED: lang.ui("edition_changed"), NEW: lang.ui("edition_new"),
                  MOVED: labels.fill(lang.ui("edition_was"), lang.code, article=was)}[match.status]
        lines += [html.render("unit_diff", {"id": unit.id, "status": match.status, "label": names[unit.id],
                                            "note": status, "pieces": pieces, **words},
                              template=html.EDITIONS), ""]
    if dropped:
        lines += [heading(2, literal_markdown(lang.ui("edition_unit_dropped")), "dropped"), ""]
        for unit in dropped:
            pieces = word_diff(unit.texts.text(lang.code), None)
            lines += [html.render("unit_diff", {"id": f"dropped-{unit.id}", "status": "dropped",
                                                "label": old_names.get(unit.id, unit.id), "note": None,
                                                "pieces": pieces, **words}, template=html.EDITIONS), ""]
    return Page(page, title, lines, in_nav=False), f"{title} — {_name(lang, previous)} → {_name(lang, edition)}"


def _files(editions: Editions, edition: Edition) -> list[catalogue.Download]:
    """The files of an edition's folder of dist/ (core/catalogue.py)."""
    return catalogue.edition_downloads(edition.id, edition is editions.first)


def _pdfs(editions: Editions, edition: Edition) -> list[catalogue.Download]:
    return [item for item in _files(editions, edition) if item.group == "pdf"]


def downloads_anchor(edition: Edition) -> str:
    """The id of an edition's part of the Downloads page."""
    return f"edition-{edition.id}"


def with_downloads(editions: Editions, code: str, pages: list[Page], holds: str = catalogue.OFFLINE_CURRENT) -> list[Page]:
    """Today's pages with the Downloads page that lists, after the current edition's files at
    today's names, every edition's (the current one's too) at its dated address: its name, date
    and kind, a link to its pages, and its files with their sizes and SHA-256; the offline
    bundle's row says which editions it `holds` (catalogue.OFFLINE_EDITIONS)."""
    current = editions.current
    lang = Lang(current.source, code)
    page = urls.DOWNLOADS_PAGE
    more = [heading(2, literal_markdown(lang.ui("edition_downloads")), "editions"), "",
            literal_markdown(lang.ui("edition_downloads_intro")), ""]
    for edition in editions.editions:
        more += [heading(3, literal_markdown(_name(lang, edition)), downloads_anchor(edition)), ""]
        facts = [(lang.ui("site_date"), f'<time datetime="{edition.date.isoformat()}">'
                                        f"{literal_markdown(_date(lang, edition))}</time>"),
                 (lang.ui("edition_kind"), literal_markdown(labels.edition_kind(lang.source.ui, code, edition.kind)))]
        more += [f"- **{literal_markdown(key)}:** {value}" for key, value in facts]
        mark = f" — {literal_markdown(lang.ui('edition_current'))}" if edition is current else ""
        more += [f"- [{literal_markdown(lang.ui('edition_pages'))}]({link(page, dated(edition))}){mark}", ""]
        more += download_table(lang, page, _files(editions, edition))
    replaced = downloads_page(lang, current.source, tuple(edition.id for edition in editions.editions), more, holds)
    return [replaced if item.key == page else item for item in pages]


def with_notices(editions: Editions, code: str, pages: list[Page]) -> list[Page]:
    """Today's pages of the current edition's preamble and articles, each saying which edition it
    shows and, where it changed since the edition before, linking to the comparison."""
    site, current = Site(editions), editions.current
    lang = Lang(current.source, code)
    found = site.correspondences.get(current.id)
    previous = site.previous(current)
    out = []
    for page in pages:
        if page.key == PREAMBLE_KEY:
            compare = compare_key(previous, current, PREAMBLE_KEY) if found and _preamble_changed(found) else None
        elif any(article.id == page.key for article in current.source.articles):
            compare = _compare_target(previous, current, page.key, found.article(page.key) if found else None)
        else:
            out.append(page)
            continue
        plain = cite.page_strings(current.source, code)  # the citations name the edition, the link is dated
        strings = cite.page_strings(current.source, code, cited(site, lang, current, page.key))
        lines = [*page.lines[:2], *notice(site, lang, current, page.key, page.key, compare),
                 *(strings if line == plain else line for line in page.lines[2:])]
        out.append(Page(page.key, page.title, lines, page.in_nav))
    return out


def edition_files(editions: Editions, generated: str) -> dict[str, str]:
    """{path under docs/: text} of every page this module makes, in every language."""
    files = {}
    for code in languages.LANGUAGES:
        for page, description in edition_pages(editions, code):
            files[urls.page_source(page.key, code)] = page_text(page, description, generated,
                                                                *searched_page(editions, page.key))
    return files
