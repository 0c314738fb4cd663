"""`python -m constitution COMMAND` (or `constitution COMMAND`): one command per stage of the pipeline.

Each command is a pair here: the arguments it takes and what it runs. The stages are
libraries; this module is the only one that parses arguments, prints results and turns a
Failure into one line per problem and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path
from typing import Callable

from constitution.core import languages, paths
from constitution.core.problems import (
    BuildError,
    Failure,
    Problem,
    Refused,
    SourceError,
    display_path,
    report,
)
from constitution.core.urls import LOCAL_SITE_URL

PROG = "python -m constitution"
EDITION_KINDS = ("draft", "final draft", "adopted", "amended")  # source/model.py's, checked by a test


def source_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=paths.SOURCE_DIR, metavar="DIR",
                        help="the source folder (default: translations/)")


# --- validate --------------------------------------------------------------------------------

def validate_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")


def validate(args: argparse.Namespace) -> int:
    from constitution.core.problems import ERROR
    from constitution.source import validate as validation

    found = validation.problems(args.source)
    for problem in found:
        print(problem)
    print(validation.summary(found, args.source))
    return 1 if [p for p in found if p.severity == ERROR or args.strict] else 0


# --- import ----------------------------------------------------------------------------------

def import_arguments(parser: argparse.ArgumentParser) -> None:
    for lang in languages.LANGUAGES:
        parser.add_argument(f"--{lang}", type=Path, metavar="FILE", help=f"the published {lang} text, plain UTF-8")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write the aligned source")
    parser.add_argument("--template", type=Path, default=paths.SOURCE_DIR, metavar="DIR",
                        help="source whose edition, languages, sources, timeline and ui.yaml are reused "
                             "(default: translations/)")
    parser.add_argument("--status", choices=("official", "unofficial"), default="official",
                        help="status of the imported text (default: official, as published by the state body)")
    parser.add_argument("--keep", nargs="+", default=[], choices=languages.LANGUAGES, metavar="LANG",
                        help="languages not imported whose text is kept from the template, unit by unit")
    parser.add_argument("--from-pdf", action="store_true", default=None,
                        help="the texts were extracted from a PDF (pdftotext): join wrapped lines and cut words, "
                             "drop running headers and page numbers (detected by form feeds otherwise)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too, and write nothing then")
    parser.add_argument("--edition", metavar="NAME", help="the edition's name (default: the template's)")
    parser.add_argument("--edition-id", metavar="ID", help="the edition's id, which names the offline file "
                        "(default: --date, else the template's)")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the edition's date")
    parser.add_argument("--kind", choices=EDITION_KINDS, metavar="KIND",
                        help="write the text as one edition of a source of several (editions.yaml in --out): "
                             f"its kind, one of {', '.join(EDITION_KINDS)} (default: the listed edition's, "
                             "when it replaces one)")
    parser.add_argument("--current", action="store_true",
                        help="the imported edition becomes the current one of a source of several")
    parser.add_argument("--source-note", metavar="TEXT",
                        help="where the imported texts come from (default: the template's description)")


def iso_date(value: str):
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def import_texts(args: argparse.Namespace) -> int:
    from constitution.importer import align, run
    from constitution.source.editions import source_folder
    from constitution.source.validate import checked_source

    given = {lang: getattr(args, lang) for lang in languages.LANGUAGES if getattr(args, lang)}
    if not given:
        print("import: give at least one of --kk, --ru, --en", file=sys.stderr)
        return 2
    if set(args.keep) & set(given):
        print(f"import: --keep {' '.join(sorted(set(args.keep) & set(given)))} is also imported", file=sys.stderr)
        return 2
    template = checked_source(args.template)
    options = run.Options(given, template, source_folder(args.template), args.out, args.status, args.keep,
                          args.from_pdf, args.edition, args.edition_id, args.date, args.source_note,
                          args.kind, args.current)
    if options.into_editions and not (args.date or args.edition_id):
        print("import: an edition of a source of several needs its --date (its id, unless --edition-id)",
              file=sys.stderr)
        return 2
    outcome = run.imported(options)
    for line in outcome.report():
        print(line)
    if args.strict and outcome.warnings:
        report([f"import: {outcome.warnings} warning(s) and --strict: nothing was written"])
        return 1
    align.write_output(outcome.files, args.out)
    written_to = outcome.folder(args.out)
    if options.into_editions:  # the edition and the one after it now follow from others
        from constitution.editions import review
        from constitution.source.validate import checked_editions

        for relative in review.write(checked_editions(args.out), args.out):
            print(f"wrote {display_path(args.out / relative)}")
    for lang in languages.LANGUAGES:
        if lang not in given and lang not in args.keep:
            print(f"{display_path(written_to / paths.DOCUMENT_FILE)}:1: -: {lang}: warning: no --{lang} file "
                  f"and no --keep {lang}: every {lang} text is written as missing", file=sys.stderr)
    source = outcome.source
    clauses = sum(len(article.clauses) for article in source.articles)
    layouts = ", ".join(f"{lang} ({reading.layout})" for lang, reading in outcome.readings.items())
    print(f"wrote {display_path(written_to)}: {len(source.preamble.recitals)} recitals, "
          f"{len(source.document.sections)} section(s), {len(source.articles)} article(s), {clauses} clause(s) "
          f"from {layouts}; {outcome.warnings} warning(s)")
    return 0


# --- editions -------------------------------------------------------------------------------

def editions_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a correspondence.yaml is not what the source gives")


def editions(args: argparse.Namespace) -> int:
    from constitution.editions import review
    from constitution.source.validate import checked_editions

    found = checked_editions(args.source)
    if not found.several:
        print(f"{display_path(args.source)}: one edition: nothing corresponds")
        return 0
    if args.check:
        lines = [f"{display_path(args.source / relative)}: not what the source gives: run `{PROG} editions`"
                 for relative in review.stale(found, args.source)]
        report(lines)
        return 1 if lines else 0
    changed = review.write(found, args.source)
    for relative in changed:
        print(f"wrote {display_path(args.source / relative)}")
    print(f"{display_path(args.source)}: {len(found.editions)} editions, {len(changed)} correspondence file(s) changed")
    return 0


# --- generate --------------------------------------------------------------------------------

def generate_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--docs", type=Path, default=paths.DOCS_DIR, help="output folder (default: docs/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if docs/ is not what the source gives")


def generate(args: argparse.Namespace) -> int:
    from constitution.build import docs
    from constitution.site.nav import site_files
    from constitution.source.validate import checked_editions

    found = checked_editions(args.source)
    files = site_files(found.current.source, found)
    if args.check:
        lines = docs.differences(files, args.docs)
        report(lines, f"{len(lines)} file(s) differ: run `{PROG} generate`" if lines else None)
        return 1 if lines else 0
    changed = docs.write(files, args.docs)
    print(f"{args.docs}: {len(files)} files, {len(changed)} changed")
    return 0


# --- site ------------------------------------------------------------------------------------

def site_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--out", type=Path, default=paths.SITE_DIR, help="the site folder (default: site/)")
    parser.add_argument("--dist", type=Path, default=None, help="the downloads folder (default: dist/ beside --out)")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help=f"the site's public address, e.g. https://example.kz/constitution/ (default: ${paths.SITE_URL_ENV})")
    parser.add_argument("--deploy", type=Path, default=None,
                        help="the web server's configuration, nginx.conf (default: deploy/ beside --out)")
    parser.add_argument("--hsts", action="store_true",
                        help=f"serve with Strict-Transport-Security (an https SITE_URL; also ${paths.HSTS_ENV}=1)")
    offline_editions_argument(parser)


def offline_editions_argument(parser: argparse.ArgumentParser) -> None:
    from constitution.core.catalogue import OFFLINE_EDITIONS as CHOICES

    parser.add_argument("--offline-editions", choices=CHOICES, default=CHOICES[0],
                        help="what the offline bundle of a source of several editions holds: the current "
                             f"edition or all of them (default: {CHOICES[0]}; one edition: ignored)")


def check_site_url() -> None:
    """SITE_URL, when set, is an http(s) folder address (core/urls.py): checked before anything is built."""
    from constitution.core import urls

    url = os.environ.get(paths.SITE_URL_ENV)
    problem = urls.url_problem(url, site=True) if url else None
    if problem:
        raise BuildError([str(Problem(paths.SITE_URL_ENV, 0, "", "", f"{url!r} {problem}"))])


def site(args: argparse.Namespace) -> int:
    from constitution.build import pipeline

    if args.site_url is not None:
        os.environ[paths.SITE_URL_ENV] = args.site_url  # read by mkdocs.yml in the build's child process
    check_site_url()
    if args.hsts:
        os.environ[paths.HSTS_ENV] = "1"
    if os.environ.get(paths.HSTS_ENV) == "1" and not os.environ.get(paths.SITE_URL_ENV, "").startswith("https://"):
        report([f"site: {Problem(paths.HSTS_ENV, 0, '', '', 'HSTS is sent over https only: set an https:// SITE_URL')}"],
               f"site: failed; {args.out} is unchanged")
        return 2
    local = not os.environ.get(paths.SITE_URL_ENV)
    dist = args.dist if args.dist is not None else args.out.parent / paths.DIST_DIR.name
    try:
        build = pipeline.site(args.source, args.out, dist, args.deploy, args.offline_editions)
    except BuildError as error:
        report((f"site: {line}" for line in error.lines()), f"site: failed; {args.out} and {dist} are unchanged")
        return 1
    except OSError as error:  # a full disk, a folder that cannot be written: the swap put the old ones back
        where = display_path(Path(os.fsdecode(error.filename))) if error.filename else "-"
        report([f"site: {Problem(where, 0, '', '', error.strerror or str(error))}"],
               f"site: failed; {args.out} and {dist} are unchanged")
        return 1
    pages = sum(1 for _ in args.out.rglob("index.html"))
    print(f"{args.out}: {pages} pages; {dist}: {len(build.downloads)} files")
    if local:  # said once the site is built (a refusal or a failure stays one line)
        print(f"site: warning: {paths.SITE_URL_ENV} is not set: canonical links, the sitemap and copied links "
              f"point at {LOCAL_SITE_URL} (set {paths.SITE_URL_ENV} or pass --site-url)", file=sys.stderr)
    return 0


# --- offline ---------------------------------------------------------------------------------

def offline_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--out", type=Path, default=None,
                        help="the zip to write (default: dist/constitution-<edition id>-offline.zip)")
    offline_editions_argument(parser)


def offline(args: argparse.Namespace) -> int:
    from constitution.build import outputs, pipeline
    from constitution.core import atomic

    refused = outputs.file_problems(args.source, "--out", args.out) if args.out else []
    if refused:
        raise Refused(refused)
    check_site_url()
    build = pipeline.staged(args.out or paths.DIST_DIR)
    build.source_dir = Path(args.source)
    build.offline_editions = args.offline_editions
    try:
        pipeline.run(build, until="offline")
        out = args.out or paths.DIST_DIR / build.bundle.name
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic.copy_file(build.bundle, out)  # a reader never sees half a zip
    except BuildError as error:
        report((f"offline: {line}" for line in error.lines()), "offline: failed; nothing was written")
        return 1
    finally:
        pipeline.cleanup(build)
    data = out.read_bytes()
    print(f"{out}: {len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}")
    return 0


# --- pdf, export -----------------------------------------------------------------------------

def out_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--out", type=Path, default=paths.DIST_DIR, help="output folder (default: dist/)")


def refuse_outputs(source: Path, out: Path) -> None:
    """pdf and export write their own files into `out`: never into the source, the checkout's
    root, `/` or the home folder."""
    from constitution.build import outputs

    refused = outputs.problems(source, {"--out": out}, replaced=False)
    if refused:
        raise Refused(refused)
    if out.exists() and not out.is_dir():
        raise BuildError([str(Problem(display_path(out), 1, "", "", "--out is a file, not a folder: give a folder"))])


def pdf(args: argparse.Namespace) -> int:
    from constitution.print import pdf as editions
    from constitution.source.validate import checked_source

    refuse_outputs(args.source, args.out)
    for path in editions.build(checked_source(args.source), args.out):
        print(f"{path} ({path.stat().st_size // 1024} KiB)")
    return 0


def export(args: argparse.Namespace) -> int:
    from constitution.data import export as exports
    from constitution.source.validate import checked_editions

    refuse_outputs(args.source, args.out)
    found = checked_editions(args.source)
    written = exports.build_editions(found, args.out) if found.several else exports.build(found.current.source, args.out)
    for path in written:
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


# --- serve -----------------------------------------------------------------------------------

def serve_arguments(parser: argparse.ArgumentParser) -> None:
    source_argument(parser)
    parser.add_argument("--dist", type=Path, default=paths.DIST_DIR,
                        help="the built downloads the pages list (default: dist/, made by `site`)")
    parser.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default: 8000; 0: any free one)")


def serve(args: argparse.Namespace) -> int:
    from constitution.build import serve as preview
    from constitution.core import catalogue

    if not (args.dist / catalogue.MANIFEST).is_file():
        raise BuildError([str(Problem(display_path(args.dist / catalogue.MANIFEST), 0, "", "",
                                      f"absent: run `{PROG} site` first (the pages list the downloads)"))])
    check_site_url()
    try:
        preview.serve(args.source, args.dist, args.port)
    except KeyboardInterrupt:
        return 0
    return 0


COMMANDS: dict[str, tuple[Callable, Callable, str]] = {
    "validate": (validate_arguments, validate, "check translations/ and print every problem"),
    "import": (import_arguments, import_texts, "read published plain text into an aligned source"),
    "editions": (editions_arguments, editions, "match each edition's units with the edition before it and "
                 "write each later edition's correspondence.yaml"),
    "generate": (generate_arguments, generate, "write the per-language Markdown pages into docs/"),
    "site": (site_arguments, site, "validate, generate and build site/, dist/ and deploy/"),
    "offline": (offline_arguments, offline, "build the offline HTML bundle (zip)"),
    "pdf": (out_arguments, pdf, "render the PDFs"),
    "export": (out_arguments, export, "write JSON, CSV and Akoma Ntoso exports"),
    "serve": (serve_arguments, serve, "preview the site on 127.0.0.1, showing edits of the source as they are saved"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (arguments, run, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        arguments(sub)
        sub.set_defaults(run=run)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SourceError as error:
        report(error.lines(), f"{len(error.problems)} problem(s); nothing was written")
        return 1
    except Failure as error:
        prefix = f"{args.command}: " if isinstance(error, Refused) else ""
        report(prefix + line for line in error.lines())
        return error.exit_code
    except OSError as error:  # a file the command needed and could not read or write
        where = display_path(Path(os.fsdecode(error.filename))) if error.filename else "-"
        report([str(Problem(where, 0, "", "", error.strerror or str(error)))])
        return 1
    except KeyboardInterrupt:
        print(f"{args.command}: interrupted", file=sys.stderr)
        return 130
