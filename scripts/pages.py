"""Render pages: from a validated Source, the per-language Markdown that MkDocs reads.

`site_files(source)` is pure: {path under docs/: text}. Layout (static-i18n folder
structure, one folder per page so every output path is PAGE/index.html):
  <lang>/index.md             home: title, edition, what it holds, status, contents, PDFs
  <lang>/preamble/index.md    <lang>/sec_N/index.md    <lang>/art_N/index.md
  <lang>/about/index.md       <lang>/downloads/index.md
  site.yml                    each language's name, site name and nav (read by hooks/i18n_nav.py)
Paths come from constants.page_source(); the URL of a page is constants.page_url().

Sizes and checksums of dist/ exist only once it is built, so pages carry markers
(DOWNLOAD_SIZE, DOWNLOAD_SHA256, DOWNLOAD_ALL) that hooks/downloads.py fills at build time.
"""

from __future__ import annotations

import argparse
import errno
import posixpath
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import cite, constants, pdf
from .markup import attribute, excerpt, fill, format_date, literal_html, literal_markdown, ranges
from .model import Article, Source, Unit, article_units

GENERATED_MD = f"<!-- {constants.GENERATED_MARKER}: edit translations/, not this file -->"
GENERATED_YAML = f"# {constants.GENERATED_MARKER}: edit translations/, not this file"
DOWNLOAD_SIZE = "<!-- download:size {name} -->"
DOWNLOAD_SHA256 = "<!-- download:sha256 {name} -->"
DOWNLOAD_ALL = "<!-- download:all -->"  # this page must list every file of dist/
NUMBER_FORMAT = {"clause": "{n}.", "point": "{n})"}  # articles and recitals show no number


@dataclass(frozen=True)
class Lang:
    """One language's view of the source: its UI strings and names."""

    source: Source
    code: str

    def ui(self, key: str) -> str:
        return self.source.ui.get(key, self.code)

    def language_name(self, lang: str) -> str:
        """Another language's name in this one, e.g. 'орыс тілі' for ru on a kk page."""
        return getattr(getattr(self.source.document.languages, lang).names, self.code)

    def endonym(self, lang: str) -> str:
        return getattr(self.source.document.languages, lang).name


def link(page: str, target: str, anchor: str = "") -> str:
    """Relative Markdown link between two pages of one language (MkDocs checks and rewrites it)."""
    path = posixpath.relpath(constants.page_source(target, "xx"),
                             posixpath.dirname(constants.page_source(page, "xx")))
    return f"{path}#{anchor}" if anchor else path


def download_link(page: str, name: str) -> str:
    """Relative link from a page to a file of dist/, served at constants.download_url()."""
    return posixpath.relpath(constants.download_url(name),
                             posixpath.dirname(constants.page_source(page, "xx")))


def heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {text} {{#{anchor}}}"


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- units -------------------------------------------------------------------------------


def unit_labels(lang: Lang, article: Article) -> dict[str, str]:
    """How a reader names each unit of an article: '2-бап, 3-тармақ, 1)-тармақша'."""
    base = lang.ui("article_label").format(n=article.number)
    labels = {article.id: base}
    for unit in article_units(article):
        if unit.kind == "clause":
            labels[unit.id] = f"{base}, {lang.ui('clause_label').format(n=unit.number)}"
        elif unit.kind == "point":
            labels[unit.id] = f"{labels[unit.parent]}, {lang.ui('point_label').format(n=unit.number)}"
    return labels


def unit_html(lang: Lang, unit: Unit, label: str) -> str:
    """One text unit as a raw HTML block on one line, its id as anchor, with a ¶ permalink."""
    number = NUMBER_FORMAT.get(unit.kind, "").format(n=unit.number)
    number_html = f'<span class="unit__num">{number}</span> ' if number else ""
    permalink_name = attribute(lang.ui("site_permalink").format(unit=label))
    permalink = (f'<a class="unit__permalink" href="#{unit.id}" aria-label="{permalink_name}"'
                 f' title="{permalink_name}">¶</a>')
    status = unit.texts.status(lang.code)
    text = unit.texts.text(lang.code)
    classes = f"unit unit--{unit.kind}" + (" unit--missing" if text is None else "")
    opening = f'class="{classes}" id="{attribute(unit.id)}" data-status="{status}" data-label="{attribute(label)}"'
    if unit.kind in cite.CITED_KINDS:  # its part of a citation; the page holds the rest (cite_strings)
        opening += f' data-cite="{attribute(cite.unit_part(lang.source, lang.code, unit))}"'
    if text is not None:
        return f"<p {opening}>{number_html}{literal_html(text)} {permalink}</p>"
    others = [(code, unit.texts.text(code)) for code in constants.LANGUAGES if code != lang.code]
    others = [(code, other) for code, other in others if other is not None]
    notice = lang.ui("site_missing_notice") + (" " + lang.ui("site_missing_offer") if others else "")
    parts = [f"<div {opening}>",
             f'<p class="unit__notice">{number_html}{literal_html(notice)} {permalink}</p>']
    for code, other in others:
        parts.append(f'<p class="unit__fallback" lang="{code}"><span class="unit__lang">'
                     f"{literal_html(lang.endonym(code))}:</span> {literal_html(other)}</p>")
    return "".join(parts) + "</div>"


def unit_title(lang: Lang, texts, fallback: str) -> str:
    """The text of a title-like unit in this language, or `fallback` when it is missing."""
    text = texts.text(lang.code)
    return text if text is not None else fallback


def section_title(lang: Lang, section) -> str:
    label = lang.ui("section_label").format(n=constants.roman(section.number))
    title = section.title.text(lang.code)
    return f"{label}. {title}" if title else label


def article_title(lang: Lang, article: Article) -> str:
    return lang.ui("article_label").format(n=article.number)


# --- status -------------------------------------------------------------------------------


def status_counts(units: list[Unit], lang: str) -> dict[str, int]:
    counts = {status: 0 for status in constants.STATUSES}
    for unit in units:
        counts[unit.texts.status(lang)] += 1
    return counts


def status_summary(lang: Lang, of_lang: str, units: list[Unit]) -> str:
    """'ресми емес аударма' when every unit shares one status, else each status with its count."""
    counts = {status: n for status, n in status_counts(units, of_lang).items() if n}
    names = {status: lang.ui(f"status_{status}") for status in counts}
    if len(counts) == 1:
        return next(iter(names.values()))
    return ", ".join(f"{names[status]} ({n})" for status, n in counts.items())


def banner(lang: Lang, page: str, units: list[Unit]) -> list[str]:
    """The unofficial-translation notice, when any unit shown on the page is unofficial."""
    if not any(unit.texts.status(lang.code) == "unofficial" for unit in units):
        return []
    about = f"[{literal_markdown(lang.ui('site_about'))}]({link(page, constants.ABOUT_PAGE)})"
    title = literal_markdown(lang.ui("site_unofficial_title"))
    return [f'!!! warning unofficial "{title}"', "",
            "    " + fill(lang.ui("site_unofficial_text"), markdown={"about": about}), ""]


# --- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    key: str  # language-neutral page key, see constants.page_url()
    title: str  # for the nav, in the page's language
    lines: list[str]
    in_nav: bool = True  # False: reached by links only (mkdocs.yml `not_in_nav` says so too)


def holds(lang: Lang, source: Source) -> str:
    """What part of the full text this edition holds: 'Preamble and Articles 1–2 of 95'."""
    parts = [lang.ui("preamble")] if source.preamble.recitals else []
    numbers = [article.number for article in source.articles]
    if numbers:
        key = "site_holds_article" if len(numbers) == 1 else "site_holds_articles"
        total = source.document.full_text.articles
        parts.append(lang.ui(key).format(ranges=ranges(numbers), total=total))
    return capitalized(f" {lang.ui('site_and')} ".join(parts))


def facts(lang: Lang, source: Source, page: str) -> list[str]:
    """The edition as a list: name, date, author, what it holds and, on home, the text's status."""
    document = source.document
    rows = [
        ("site_edition", literal_markdown(getattr(document.edition.name, lang.code))),
        ("site_date", f"<time datetime=\"{document.edition.date.isoformat()}\">"
                      f"{literal_markdown(format_date(document.edition.date, lang.code))}</time>"),
        ("site_author", literal_markdown(getattr(document.edition.author, lang.code))),
        ("site_holds", literal_markdown(holds(lang, source))),
    ]
    if page == constants.HOME_PAGE:
        about = f"[{literal_markdown(lang.ui('site_about'))}]({link(page, constants.ABOUT_PAGE)})"
        status = literal_markdown(status_summary(lang, lang.code, list(source.units())))
        rows.append(("site_status", f"{status} ({about})"))
    return [f"- **{literal_markdown(lang.ui(key))}:** {value}" for key, value in rows]


def other_languages(lang: Lang, source: Source, page: str) -> list[str]:
    """A visible line to the same page in the other languages: the header's selector is only an icon."""
    here = posixpath.dirname(constants.page_file(page, lang.code)) or "."
    links = [f'<a href="{attribute(posixpath.relpath(constants.page_file(page, code), here))}" '
             f'hreflang="{code}" lang="{code}">{literal_html(getattr(source.document.languages, code).name)}</a>'
             for code in constants.LANGUAGES if code != lang.code]
    return [f'<p class="other-languages">{literal_html(lang.ui("site_other_languages"))}: '
            f'{" · ".join(links)}</p>', ""]


def home_page(lang: Lang, source: Source) -> Page:
    page = constants.HOME_PAGE
    title = unit_title(lang, source.document.title, lang.ui("site_name"))
    lines = [heading(1, literal_markdown(title), constants.TITLE_ID), ""]
    lines += banner(lang, page, list(source.units()))
    lines += other_languages(lang, source, page)
    lines += facts(lang, source, page) + [""]
    lines += [heading(2, literal_markdown(lang.ui("site_contents")), "contents"), ""]
    if source.preamble.recitals:
        lines.append(f"- [{literal_markdown(lang.ui('preamble'))}]({link(page, constants.PREAMBLE_ID)})")
    for section in source.document.sections:
        lines.append(f"- [{literal_markdown(section_title(lang, section))}]({link(page, section.id)})")
        for article in source.section_articles(section):
            lines.append(f"    - [{literal_markdown(article_title(lang, article))}]({link(page, article.id)})")
    lines += [""] + reader.home_links(lang, source)
    lines += [heading(2, literal_markdown(lang.ui("site_downloads_pdf")), "pdf"), ""]
    editions = [lang.code, *(code for code in constants.LANGUAGES if code != lang.code), "parallel"]
    for edition in editions:
        name = pdf.pdf_name(edition)
        lines.append(f"- [{literal_markdown(download_label(lang, name))}]({download_link(page, name)})"
                     f" — PDF, {DOWNLOAD_SIZE.format(name=name)}")
    all_files = literal_markdown(lang.ui("site_all_downloads"))
    lines += ["", f"[{all_files}]({link(page, constants.DOWNLOADS_PAGE)})"]
    return Page(page, lang.ui("site_home"), lines)


def preamble_page(lang: Lang, source: Source) -> Page:
    page = constants.PREAMBLE_ID
    title = lang.ui("preamble")
    recitals = [unit for unit in source.units() if unit.kind == "recital"]
    lines = [heading(1, literal_markdown(title), constants.PREAMBLE_ID), ""]
    lines += banner(lang, page, recitals)
    lines += reader.compare_link(lang, page, constants.PARALLEL_HEADING_PREFIX + constants.PREAMBLE_ID)
    for unit in recitals:
        label = f"{title}, {lang.ui('site_recital_label').format(n=unit.number)}"
        lines += [unit_html(lang, unit, label), ""]
    lines.append(cite.page_strings(lang.source, lang.code))
    return Page(page, title, lines)


def section_page(lang: Lang, source: Source, section) -> Page:
    page = section.id
    title = section_title(lang, section)
    unit = Unit(section.id, "section", section.title, section.number, section=section.number)
    missing = section.title.text(lang.code) is None  # then the notice below holds the id
    lines = [heading(1, literal_markdown(title), f"{section.id}__hdg" if missing else section.id), ""]
    lines += banner(lang, page, [unit])
    if missing:
        lines += [unit_html(lang, unit, title), ""]
    lines += [heading(2, literal_markdown(lang.ui("site_section_articles")), "articles"), ""]
    for article in source.section_articles(section):
        first = next(iter(article_units(article)))
        text = first.texts.text(lang.code)
        preview = f" — {literal_markdown(excerpt(text))}" if text else ""
        lines.append(f"- [{literal_markdown(article_title(lang, article))}]({link(page, article.id)}){preview}")
    return Page(page, title, lines)


def article_page(lang: Lang, article: Article) -> Page:
    page = article.id
    title = article_title(lang, article)
    units = list(article_units(article))
    # An article without clauses is itself a text unit with the article's id.
    anchor = f"{article.id}__hdg" if not article.has_clauses else article.id
    lines = [heading(1, literal_markdown(title), anchor), ""]
    lines += banner(lang, page, units)
    lines += reader.compare_link(lang, page)
    labels = unit_labels(lang, article)
    for unit in units:
        lines += [unit_html(lang, unit, labels[unit.id]), ""]
    lines.append(cite.page_strings(lang.source, lang.code))
    return Page(page, title, lines)


def about_page(lang: Lang, source: Source) -> Page:
    page = constants.ABOUT_PAGE
    document = source.document
    title = lang.ui("site_about")
    lines = [heading(1, literal_markdown(title), constants.ABOUT_PAGE), ""]
    lines += banner(lang, page, list(source.units()))
    lines += [heading(2, literal_markdown(lang.ui("site_edition")), "edition"), ""]
    lines += facts(lang, source, page)
    full = document.full_text
    lines += [f"- {fill(lang.ui('site_full_text'), sections=full.sections, articles=full.articles)}", ""]
    lines += [heading(2, literal_markdown(lang.ui("site_sources")), "sources"), ""]
    lines += reader.status_link(lang, page)
    units = list(source.units())
    for code in constants.LANGUAGES:
        text_source = getattr(document.sources, code)
        lines += [heading(3, literal_markdown(capitalized(lang.language_name(code))), f"source-{code}"), ""]
        lines.append(literal_markdown(getattr(text_source.description, lang.code)))
        lines.append("")
        lines.append(f"- **{literal_markdown(lang.ui('site_source_status'))}:** "
                     f"{literal_markdown(status_summary(lang, code, units))}")
        if text_source.published:
            lines.append(f"- **{literal_markdown(lang.ui('site_source_published'))}:** "
                         f"{literal_markdown(format_date(text_source.published, lang.code))}")
        if text_source.url:
            lines.append(f"- **{literal_markdown(lang.ui('site_source_link'))}:** {external_link(text_source.url)}")
        lines.append("")
    lines += [heading(2, literal_markdown(lang.ui("site_timeline")), "timeline"), ""]
    for event in document.timeline:
        lines.append(f"- <time datetime=\"{event.date.isoformat()}\">**"
                     f"{literal_markdown(format_date(event.date, lang.code))}**</time> — "
                     f"{literal_markdown(getattr(event.text, lang.code))}")
    return Page(page, title, lines)


def external_link(url: str) -> str:
    """A link to an outside web page; anything but http(s) shows as plain text."""
    if not url.startswith(("https://", "http://")):
        return literal_markdown(url)
    return f'<a href="{attribute(url)}" rel="external">{literal_html(url)}</a>'


def download_names(source: Source | None = None) -> list[str]:
    """Every file of dist/ that the Downloads page lists, PDFs first; given the source (the
    name holds the edition), the offline bundle last, as the website lists it."""
    bundle = [constants.offline_name(source.document.edition.id)] if source is not None else []
    return [*pdf.pdf_names(), *constants.export_names(), *bundle]


def download_label(lang: Lang, name: str) -> str:
    """What a file of dist/ holds, in this language; an unknown name is a bug, said loudly."""
    for code in constants.LANGUAGES:
        if name == pdf.pdf_name(code):
            return lang.ui("site_file_pdf").format(language=lang.language_name(code))
        if name == constants.export_akn(code):
            return lang.ui("site_file_akn").format(language=lang.language_name(code))
    if name == constants.offline_name(lang.source.document.edition.id):
        return lang.ui("site_file_offline")
    keys = {pdf.pdf_name("parallel"): "site_file_pdf_parallel", constants.EXPORT_JSON: "site_file_json",
            constants.EXPORT_JSON_SCHEMA: "site_file_json_schema", constants.EXPORT_CSV: "site_file_csv"}
    if name not in keys:
        raise KeyError(f"no description for download '{name}': add one in scripts/pages.py")
    return lang.ui(keys[name])


def downloads_page(lang: Lang, source: Source, offline: bool = False) -> Page:
    page = constants.DOWNLOADS_PAGE
    title = lang.ui("site_downloads")
    lines = [heading(1, literal_markdown(title), constants.DOWNLOADS_PAGE), ""]
    lines += banner(lang, page, list(source.units()))
    lines += [literal_markdown(lang.ui("site_downloads_intro")), ""]
    groups = [("site_downloads_pdf", "pdf", pdf.pdf_names()),
              ("site_downloads_data", "data", constants.export_names())]
    if not offline:  # the bundle holds this page: it cannot list itself with its own size
        groups.append(("site_downloads_offline", "offline", [constants.offline_name(source.document.edition.id)]))
    columns = [lang.ui(key) for key in ("site_file", "site_file_description", "site_file_size")]
    for title_key, anchor, names in groups:
        lines += [heading(2, literal_markdown(lang.ui(title_key)), anchor), ""]
        lines.append("| " + " | ".join(literal_markdown(column) for column in columns) + " | SHA&#45;256 |")
        lines.append("| --- | --- | --- | --- |")
        for name in names:
            lines.append(f"| [{literal_markdown(name)}]({download_link(page, name)}) "
                         f"| {literal_markdown(download_label(lang, name))} "
                         f"| {DOWNLOAD_SIZE.format(name=name)} | {DOWNLOAD_SHA256.format(name=name)} |")
        lines.append("")
    lines.append(DOWNLOAD_ALL)
    return Page(page, title, lines)


def language_pages(lang: Lang, source: Source, offline: bool = False) -> list[Page]:
    """Every page of one language, in reading order (home first); `offline`: for the bundle."""
    pages = [home_page(lang, source)]
    if source.preamble.recitals:
        pages.append(preamble_page(lang, source))
    for section in source.document.sections:
        pages.append(section_page(lang, source, section))
        pages.extend(article_page(lang, article) for article in source.section_articles(section))
    pages += reader.reader_pages(lang, source)
    return pages + [about_page(lang, source), downloads_page(lang, source, offline)]


def nav(pages: list[Page], source: Source, lang: Lang) -> list:
    """The nav of one language: sections hold their index page and their articles.

    Titles are HTML-escaped: MkDocs' templates print them as they are.
    """
    from html import escape

    by_key = {page.key: page for page in pages}
    entry = {page.key: {escape(page.title): constants.page_source(page.key, lang.code).split("/", 1)[1]}
             for page in pages}
    items, in_sections = [], set()
    for section in source.document.sections:
        children = [section.id, *(article.id for article in source.section_articles(section))]
        in_sections.update(children)
        items.append((section.id, {escape(by_key[section.id].title): [entry[key] for key in children]}))
    result = []
    for page in pages:
        if not page.in_nav:
            continue
        if page.key in in_sections:
            result.extend(item for key, item in items if key == page.key)
        else:
            result.append(entry[page.key])
    return result


def site_data(source: Source, pages: dict[str, list[Page]]) -> str:
    """site.yml: what the hooks set per language (static-i18n takes nav and names per language)."""
    languages = {}
    for code in constants.LANGUAGES:
        lang = Lang(source, code)
        languages[code] = {
            "name": lang.endonym(code),
            "site_name": lang.ui("site_name"),
            "site_description": lang.ui("site_description"),
            "file_size": {"kb": lang.ui("site_size_kb"), "mb": lang.ui("site_size_mb"),
                          "decimal": lang.ui("site_decimal_separator")},
            "nav": nav(pages[code], source, lang),
        }
    body = yaml.safe_dump({"languages": languages}, allow_unicode=True, sort_keys=False, width=1000)
    return f"{GENERATED_YAML}\n{body}"


def site_files(source: Source, offline: bool = False) -> dict[str, str]:
    """Every generated file under docs/, as {relative path: text}; `offline`: the pages of the
    offline bundle, whose Downloads page does not list the bundle itself."""
    files, pages = {}, {}
    for code in constants.LANGUAGES:
        pages[code] = language_pages(Lang(source, code), source, offline)
        for page in pages[code]:
            files[constants.page_source(page.key, code)] = "\n".join([GENERATED_MD, "", *page.lines]).rstrip() + "\n"
    files[constants.SITE_DATA_FILE] = site_data(source, pages)
    return files


# --- disk ------------------------------------------------------------------------------------


def differences(files: dict[str, str], docs: Path) -> list[str]:
    """How docs/ differs from the generated files: one line per stale, missing or extra file."""
    present = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()} if docs.is_dir() else set()
    lines = []
    for name in sorted(files.keys() | present):
        shown = docs / name
        if name not in present:
            lines.append(f"{shown}: missing")
        elif name not in files:
            lines.append(f"{shown}: extra (not generated from the source)")
        elif (docs / name).read_text(encoding="utf-8") != files[name]:
            lines.append(f"{shown}: stale")
    return lines


def write(files: dict[str, str], docs: Path) -> list[str]:
    """Make docs/ hold exactly `files`; return what changed. A file we did not generate stops it."""
    docs.mkdir(parents=True, exist_ok=True)
    foreign = [path for path in docs.rglob("*") if path.is_file()
               and path.relative_to(docs).as_posix() not in files and not is_generated(path)]
    if foreign:
        raise OSError(errno.EEXIST, f"not generated, so not removed: {', '.join(map(str, foreign))}", str(docs))
    changed = differences(files, docs)
    for path in [p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in files]:
        path.unlink()
    for name, text in files.items():
        path = docs / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for folder in sorted((p for p in docs.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return changed


def is_generated(path: Path) -> bool:
    with path.open("rb") as handle:
        return constants.GENERATED_MARKER.encode() in handle.read(200)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=constants.SOURCE_DIR, help="source folder (default: translations/)")
    parser.add_argument("--docs", type=Path, default=constants.DOCS_DIR, help="output folder (default: docs/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if docs/ is not what the source gives")


def run(args: argparse.Namespace) -> int:
    from .validate import checked_source

    files = site_files(checked_source(args.source))
    if args.check:
        lines = differences(files, args.docs)
        for line in lines:
            print(line, file=sys.stderr)
        if lines:
            print(f"{len(lines)} file(s) differ: run `python -m scripts generate`", file=sys.stderr)
        return 1 if lines else 0
    changed = write(files, args.docs)
    print(f"{args.docs}: {len(files)} files, {len(changed)} changed")
    return 0


# The reader tools' pages (side by side, translation status) build on the helpers above,
# and the pages above link to them: imported last, so either module may be imported first.
from . import reader  # noqa: E402
