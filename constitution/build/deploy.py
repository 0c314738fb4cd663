"""Serving the built site: its precompressed copies, the nginx server block and `_headers`.

The pipeline's last stage (pipeline.py), on the finished website (after the offline bundle was
converted from it, which this changes nothing of). From the one table of headers
(core/headers.py) and the built pages:

- the sha256 of every inline script the pages hold (Material writes a few: its configuration
  reader, one per folder depth, and the tabbed-content fix), for the Content-Security-Policy;
  an inline event handler, style attribute or <style> element, which that policy would block,
  stops the build;
- beside each text file, a .gz (zlib) and a .br (Brotli, PyPI's `Brotli`) copy when smaller,
  the same bytes from the same file (no name or date in the gzip header): nginx's gzip_static
  and brotli_static send them; the shared assets' copies are kept by content across builds
  (COMPRESSED_CACHE_DIR);
- `deploy/nginx.conf`, a server block serving the site at SITE_URL's path (templates/);
- `_headers` at the site's root, read by Cloudflare Pages and Netlify (which do not serve it):
  the same headers as rules of URL patterns, none setting a header a broader rule sets (both
  hosts would join the two); the headers those hosts already send as the table says
  (Cache-Control REVALIDATE, their default; Content-Type by extension, text in UTF-8; their
  own ETag, a hash of the content) are left to them. `header_rules_problems` checks the rules
  against the table for every file, and the build stops on a difference.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from constitution.core import atomic, headers, languages, paths, urls
from constitution.core.problems import BuildError

NGINX_CONF = "nginx.conf"  # in the deploy folder
HEADERS_FILE = "_headers"  # at the site's root
# Brotli and zlib levels: the shared assets (Material's bundle and stylesheet, lunr, ours) are a
# fixed set, compressed hardest once; the pages, search index and downloads grow with the text.
# Measured on the shipped edition's site (102 text files, 3.5 MB, CPU s): Brotli 11: 679 KB,
# 4.8 s; 10: 701 KB, 1.7 s; 9: 752 KB, 0.69 s; 7: 758 KB, 0.15 s; 5: 776 KB, 0.09 s. At 96 articles
# (benchmarks/corpus.py: 730 files, 24 MB of text) the stage takes about 6 CPU s, 5.4 of them
# compressing: the shared assets (1.3 MB) 1.9 s at Brotli 11 (0.45 s at 9, 11 % larger); the
# pages (19 MB) 0.7 s at Brotli 7 and 0.4 s at zlib 6.
SHARED_LEVELS = (9, 11)  # (gzip, brotli) of assets/ less source maps
TEXT_LEVELS = (6, 7)
# The shared assets are the same bytes in every build of every source (they change with a pinned
# package or the theme's own files): their copies at the hardest levels are kept by content,
# so only a machine's first build pays for them (1.5 of the stage's 2.5 s of compression at
# 96 articles). In .build/compressed/, or the folder CONSTITUTION_COMPRESSED_CACHE names (e.g.
# an empty one: a test of a cold cache). A copy from the cache is the bytes the compressor gives.
COMPRESSED_CACHE_DIR = paths.ROOT / paths.STAGING_DIR / "compressed"
COMPRESSED_CACHE_ENV = "CONSTITUTION_COMPRESSED_CACHE"
COMPRESSED_CACHE_DAYS = 30  # an entry no build used for this long is removed

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!(?:text|application)/(?:java|ecma)script|module)""", re.I)
# Inline code: a <style> element, or a style attribute or event handler (after a space). Each is
# looked for on its own in the page in lower case: a pattern that opens with \s, or any pattern
# with re.I, is tried at every character (three times the CPU over the pages' 19 MB at 96 articles).
_STYLE_ELEMENT = re.compile(r"<style\b")
_INLINE_ATTRIBUTES = (re.compile(r"style\s*="), re.compile(r"on[a-z]+\s*=\s*[\"']"))
_UNSAFE_NGINX = re.compile(r'[\s"\\$;{}#]')  # what a bare nginx word or a quoted path may not hold


def site_files(site: Path) -> list[str]:
    """Every file of the site as served ('ru/art_2/index.html'), its compressed copies left out."""
    names = sorted(name for name in (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
                   if not any(part.startswith(".") for part in name.split("/")))  # the build's marker: not served
    present = set(names)
    return [name for name in names if not (name.endswith(headers.COMPRESSED) and name[:-3] in present)]


def script_hashes_of(page: str) -> list[str]:
    """The base64 sha256 of each inline script of the page (what script-src names), in order."""
    found = []
    for attributes, body in _SCRIPT.findall(page):
        if re.search(r"\bsrc\s*=", attributes, re.I) or _DATA_TYPE.search(attributes):
            continue  # a file, or data (Material's JSON configuration): no script-src needed
        found.append(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii"))
    return found


def script_hashes(site: Path, files: list[str] | None = None) -> list[str]:
    """The distinct inline scripts' hashes of every page of the site, sorted; BuildError on inline
    code the policy allows no other way (a style attribute, an event handler, a <style>)."""
    found: set[str] = set()
    problems = []
    for name in site_files(site) if files is None else files:
        if headers.extension(name) != "html":
            continue
        page = (site / name).read_text(encoding="utf-8")
        found.update(script_hashes_of(page))
        inline = inline_code(_SCRIPT.sub("", page))
        if inline:
            problems.append(f"{name}: holds inline code ({inline!r}) that the "
                            "Content-Security-Policy blocks: move it to a file under assets/")
    if problems:
        raise BuildError(problems)
    return sorted(found)


def inline_code(page: str) -> str | None:
    """The first inline code of a page (without its scripts) that the policy blocks, in lower case."""
    lower = page.lower()
    element = _STYLE_ELEMENT.search(lower)
    if element:
        return element.group(0)
    for pattern in _INLINE_ATTRIBUTES:
        for found in pattern.finditer(lower):
            if found.start() and lower[found.start() - 1].isspace():
                return found.group(0)
    return None


def levels(name: str) -> tuple[int, int]:
    shared = name.startswith(headers.ASSETS_DIR) and headers.extension(name) != "map"
    return SHARED_LEVELS if shared else TEXT_LEVELS


def compressed_cache_dir() -> Path:
    """$CONSTITUTION_COMPRESSED_CACHE if set, else .build/compressed/ of the checkout."""
    configured = os.environ.get(COMPRESSED_CACHE_ENV)
    return Path(configured).absolute() if configured else COMPRESSED_CACHE_DIR


def _compress(data: bytes, suffix: str, level: int) -> bytes:
    import brotli

    return gzip.compress(data, level, mtime=0) if suffix == ".gz" else brotli.compress(data, quality=level)


def _cached_compress(data: bytes, suffix: str, level: int, cache: Path) -> bytes:
    """`_compress`, kept in `cache` under the content's hash, the level and the compressor's version."""
    import brotli

    version = f"zlib{zlib.ZLIB_RUNTIME_VERSION}" if suffix == ".gz" else f"brotli{brotli.version}"
    entry = cache / f"{hashlib.sha256(data).hexdigest()}-{version}-{level}{suffix}"
    try:
        packed = entry.read_bytes()
        os.utime(entry)  # used: kept COMPRESSED_CACHE_DAYS more
        return packed
    except OSError:
        pass
    packed = _compress(data, suffix, level)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(entry, packed)
    except OSError:
        pass  # a cache that cannot be written (read-only checkout, full disk) only costs time
    return packed


def _prune(cache: Path) -> None:
    limit = time.time() - COMPRESSED_CACHE_DAYS * 86400
    for entry in cache.glob("*") if cache.is_dir() else ():
        try:
            if entry.stat().st_mtime < limit:
                entry.unlink()
        except OSError:
            pass


def precompress(site: Path, files: list[str] | None = None) -> list[Path]:
    """A .gz and a .br copy beside every text file of the site, each only if it is smaller;
    the shared assets' copies from the cache of compressed copies where it has them."""
    cache = compressed_cache_dir()
    written = []
    for name in site_files(site) if files is None else files:
        if not headers.compressible(name):
            continue
        data = (site / name).read_bytes()
        shared = levels(name) == SHARED_LEVELS
        for suffix, level in zip((".gz", ".br"), levels(name)):
            packed = _cached_compress(data, suffix, level, cache) if shared else _compress(data, suffix, level)
            if len(packed) < len(data):
                copy = site / f"{name}{suffix}"
                copy.write_bytes(packed)
                written.append(copy)
    _prune(cache)
    return written


@dataclass(frozen=True)
class Served:
    """What the headers of a built site depend on besides the table."""

    path: str  # the site's path on its host, from SITE_URL: "/" or "/constitution/"
    host: str
    hashes: list[str]  # of the inline scripts
    hsts: bool
    checksums: dict[str, str]  # a download's path in the site (downloads/…) -> SHA-256

    def headers(self, name: str) -> dict[str, str]:
        return headers.file_headers(name, self.hashes, self.hsts, self.checksums.get(name))


def served(site: Path, site_url: str, hsts: bool, files: list[str] | None = None) -> Served:
    parts = urlsplit(site_url)
    if hsts and parts.scheme != "https":
        raise BuildError([f"--hsts: the site's address {site_url} is not https: HSTS is sent over https only"])
    files = site_files(site) if files is None else files  # listed once: walking the site costs
    downloads = [name for name in files if headers.kind_of(name).name == "download"]
    checksums = {name: hashlib.sha256((site / name).read_bytes()).hexdigest() for name in downloads}
    return Served(parts.path or "/", parts.hostname or "localhost", script_hashes(site, files), hsts, checksums)


# --- nginx

def _quoted(value: str, what: str) -> str:
    if _UNSAFE_NGINX.search(value.replace(" ", "")) or "\n" in value:
        raise BuildError([f"{value}: {what} holds a sign nginx's configuration reads ({_UNSAFE_NGINX.pattern}); "
                          "nothing was written"])
    return value


def nginx_conf(site: Path, root: Path, site_url: str, where: Served) -> str:
    """The maps of what differs by file (from the table, file by file) and the server block."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    path = where.path
    files = site_files(site)  # _headers included: written by now
    table = {name: where.headers(name) for name in files}
    types: dict[str, list[str]] = {}
    for item in headers.TYPES.values():
        types.setdefault(item.mime, []).append(item.extension)
    others = languages.others(languages.DEFAULT_LANGUAGE)
    language = [(f"~^{re.escape(path)}{lang}/.*\\.html$", lang) for lang in others]  # the first regex that matches
    language.append((f"~^{re.escape(path)}.*\\.html$", languages.DEFAULT_LANGUAGE))
    constant = headers.security_headers(where.hashes, where.hsts)
    server_headers = [("Cache-Control", "$constitution_cache_control"),
                      ("Content-Language", "$constitution_content_language"), ("ETag", "$constitution_etag"),
                      *((name, f'"{value}"') for name, value in constant.items())]
    environment = Environment(loader=PackageLoader("constitution.build", "templates"), autoescape=False,
                              undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters["regex"] = re.escape
    return environment.get_template("nginx.conf.j2").render(
        root=_quoted(str(root), "the site's folder"), site_url=site_url, host=_quoted(where.host, "the host"),
        path=_quoted(path, "SITE_URL's path"), types=list(types.items()), default_type=headers.DEFAULT_TYPE,
        default_cache=headers.REVALIDATE, languages=others, content_language=language, headers=server_headers,
        cache_control=cache_patterns(path),
        etags=[(f"{path}{name}", value["ETag"].strip('"')) for name, value in table.items() if "ETag" in value])


def cache_patterns(path: str) -> list[tuple[str, str]]:
    """The map's regexes of the kinds whose Cache-Control is not REVALIDATE, as kind_of tells
    them (regexes: a map's exact keys longer than its hash bucket stop nginx)."""
    under = re.escape(path)
    return [(f"~^{under}{re.escape(headers.FONTS_DIR)}", headers.KINDS["font"].cache_control),
            (f"~^{under}{re.escape(headers.ASSETS_DIR)}.*{headers.HASHED.pattern}", headers.KINDS["hashed"].cache_control)]


# --- _headers (Cloudflare Pages, Netlify)

LEFT_TO_THE_HOST = ("Content-Type", "ETag")


def host_headers(name: str, where: Served) -> dict[str, str]:
    """What `_headers` must give the file `name`: the table's, less what the hosts send themselves."""
    wanted = {key: value for key, value in where.headers(name).items() if key not in LEFT_TO_THE_HOST}
    if wanted["Cache-Control"] == headers.REVALIDATE:
        del wanted["Cache-Control"]
    return wanted


def url_of(name: str, path: str) -> str:
    """The URL a reader asks for the file: a folder's for its index.html."""
    return f"{path}{name[:-len('index.html')]}" if name.rsplit("/", 1)[-1] == "index.html" else f"{path}{name}"


def header_rules(files: list[str], where: Served) -> list[tuple[str, dict[str, str]]]:
    """(URL pattern, headers) rules: every response, each language's folder, the Kazakh pages
    at the root (grouped: art_* for every article), then the files whose Cache-Control is not
    the hosts' default, one by one or by folder."""
    path = where.path
    rules = [(f"{path}*", headers.security_headers(where.hashes, where.hsts))]
    for lang in languages.others(languages.DEFAULT_LANGUAGE):
        rules.append((f"{path}{lang}/*", {"Content-Language": lang}))
    own = {"Content-Language": languages.DEFAULT_LANGUAGE}
    patterns: dict[str, None] = {}
    for name in files:
        if not headers.kind_of(name).language or headers.language_of(name) != languages.DEFAULT_LANGUAGE:
            continue
        folder = name.split("/", 1)[0] if "/" in name else None
        grouped = re.fullmatch(r"([a-z]+_)[0-9]+(?:-[0-9]+)*", folder or "")  # art_2, art_26-1, sec_1: one rule for all
        if folder is None or folder == urls.DOWNLOADS_DIR:  # the Downloads page lies among the files
            patterns[url_of(name, path)] = None
        else:
            patterns[f"{path}{grouped.group(1) if grouped else folder + '/'}*"] = None
    rules += [(pattern, own) for pattern in patterns]
    fonts = host_headers(f"{headers.FONTS_DIR}x.woff2", where)
    rules.append((f"{path}{headers.FONTS_DIR}*", {"Cache-Control": fonts["Cache-Control"]}))
    for name in files:
        if headers.kind_of(name).name == "hashed":
            rules.append((url_of(name, path), {"Cache-Control": headers.IMMUTABLE}))
    return rules


def matches(pattern: str, url: str) -> bool:
    """A `_headers` URL pattern: exact, or one `*` standing for any characters."""
    head, star, tail = pattern.partition("*")
    if not star:
        return url == pattern
    return len(url) >= len(head) + len(tail) and url.startswith(head) and url.endswith(tail)


def resolved(rules: list[tuple[str, dict[str, str]]], url: str) -> tuple[dict[str, str], list[str]]:
    """The headers the hosts send for `url` from `rules`, and each header two matching rules set."""
    got: dict[str, str] = {}
    twice = []
    for pattern, values in rules:
        if matches(pattern, url):
            for key, value in values.items():
                if key in got:
                    twice.append(f"{key} (again by {pattern})")
                got[key] = value
    return got, twice


def header_rules_problems(files: list[str], rules: list[tuple[str, dict[str, str]]], where: Served) -> list[str]:
    """Where the rules give a file other headers than the table (or one header twice)."""
    problems = []
    for name in files:
        got, twice = resolved(rules, url_of(name, where.path))
        wanted = host_headers(name, where)
        if twice or got != wanted:
            extra = {key: value for key, value in got.items() if wanted.get(key) != value}
            missing = {key: value for key, value in wanted.items() if got.get(key) != value}
            problems.append(f"{HEADERS_FILE}: {name}: set twice {twice}, differs {extra}, lacks {missing}")
    return problems


def headers_file(rules: list[tuple[str, dict[str, str]]]) -> str:
    lines = ["# The site's headers for Cloudflare Pages and Netlify, written by `python -m constitution site`",
             "# from constitution/core/headers.py: rebuild, do not edit. Each header is set by one rule of",
             "# the patterns a URL matches; Cache-Control where it is not the hosts' default.", ""]
    for pattern, values in rules:
        lines += [pattern, *(f"  {key}: {value}" for key, value in values.items()), ""]
    return "\n".join(lines)


def write(site: Path, deploy: Path, root: Path, site_url: str, hsts: bool) -> list[Path]:
    """The copies, `_headers` and `deploy/nginx.conf` of the website in `site`, to be served
    from `root` (its folder after the swap); the files written."""
    files = site_files(site)
    where = served(site, site_url, hsts, files)
    rules = header_rules(files, where)
    problems = header_rules_problems(files, rules, where)
    if problems:
        raise BuildError(problems)
    written = precompress(site, files)
    (site / HEADERS_FILE).write_text(headers_file(rules), encoding="utf-8")
    deploy.mkdir(parents=True, exist_ok=True)
    (deploy / NGINX_CONF).write_text(nginx_conf(site, root, site_url, where), encoding="utf-8")
    return [*written, site / HEADERS_FILE, deploy / NGINX_CONF]
