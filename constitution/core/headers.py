"""The HTTP headers the site is served with: one table, by kind of file.

Every file of a built site is of one KIND (`kind_of`, by its path in the site): its
Cache-Control and whether it carries the language of its folder (Content-Language). Its
Content-Type is that of its extension (TYPES, with the charset of text), and every response
carries the security headers (`security_headers`: the Content-Security-Policy, with the sha256
of each inline script, which build/deploy.py reads from the built pages). build/deploy.py writes
the nginx server block and the static hosts' `_headers` from this table, and the tests serve
the site with the first and compare the second with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .contract import SEARCH_DIR
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .urls import DOWNLOADS_DIR

# Revalidated on every use (If-None-Match / If-Modified-Since, answered 304 when unchanged):
# what a new build changes under the same name. It is also the default of Cloudflare Pages and
# Netlify, so `_headers` leaves it to them (a path two rules match gets a header once).
REVALIDATE = "public, max-age=0, must-revalidate"
IMMUTABLE = "public, max-age=31536000, immutable"  # a year: the name changes with the content
FONT_CACHE = "public, max-age=2592000"  # 30 days: a font changes only with its pinned npm package

ASSETS_DIR = "assets/"
FONTS_DIR = "assets/fonts/"
# Material's own files carry a hash of their content: bundle.a5f9d56c.min.js, main.57a0d79d.min.css
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")
NOT_FOUND = "404.html"  # each language's, in its folder (site/hooks/not_found.py)
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


@dataclass(frozen=True)
class Kind:
    name: str
    cache_control: str
    language: bool = False  # Content-Language: the language whose folder holds the file
    # What validates a cached copy besides the server's own: "sha256", the file's checksum,
    # the one the Downloads pages and dist/manifest.json show (downloads only).
    etag: str | None = None


KINDS = {kind.name: kind for kind in (
    Kind("html", REVALIDATE, language=True),
    Kind("not_found", REVALIDATE, language=True),
    Kind("hashed", IMMUTABLE),
    Kind("asset", REVALIDATE),  # our scripts and stylesheets, lunr's, the favicon: names without a hash
    Kind("font", FONT_CACHE),
    Kind("search", REVALIDATE),
    Kind("download", REVALIDATE, etag="sha256"),
    Kind("sitemap", REVALIDATE),
    Kind("other", REVALIDATE),
)}

# Content-Type by extension; text in UTF-8, said so. "compress": precompressed .gz and .br copies.
TEXT = "; charset=utf-8"


@dataclass(frozen=True)
class Type:
    extension: str
    mime: str
    compress: bool


TYPES = {item.extension: item for item in (
    Type("html", f"text/html{TEXT}", True),
    Type("css", f"text/css{TEXT}", True),
    Type("js", f"text/javascript{TEXT}", True),
    Type("json", f"application/json{TEXT}", True),
    Type("map", f"application/json{TEXT}", True),
    Type("xml", f"application/xml{TEXT}", True),
    Type("csv", f"text/csv{TEXT}", True),
    Type("txt", f"text/plain{TEXT}", True),
    Type("svg", f"image/svg+xml{TEXT}", True),
    Type("png", "image/png", False),
    Type("ico", "image/x-icon", False),
    Type("woff2", "font/woff2", False),
    Type("pdf", "application/pdf", False),
    Type("zip", "application/zip", False),
    Type("gz", "application/gzip", False),
)}
DEFAULT_TYPE = "application/octet-stream"
COMPRESSED = (".gz", ".br")  # the precompressed copies a server sends for Accept-Encoding gzip, br


def extension(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""


def content_type(path: str) -> str:
    found = TYPES.get(extension(path))
    return found.mime if found else DEFAULT_TYPE


def compressible(path: str) -> bool:
    found = TYPES.get(extension(path))
    return bool(found and found.compress) and path.rsplit("/", 1)[-1] not in SITEMAPS[1:]


def language_of(path: str) -> str:
    """The language whose folder holds `path` (Kazakh at the root)."""
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE and "/" in path else DEFAULT_LANGUAGE


def kind_of(path: str) -> Kind:
    """The kind of the site's file at `path` ('ru/art_2/index.html', 'assets/…'), by its place."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith(FONTS_DIR):
        return KINDS["font"]
    if path.startswith(ASSETS_DIR):
        return KINDS["hashed" if HASHED.search(path) else "asset"]
    if path.startswith(SEARCH_DIR):
        return KINDS["search"]
    if path.startswith(f"{DOWNLOADS_DIR}/") and path != f"{DOWNLOADS_DIR}/index.html":  # each edition's folder too
        return KINDS["download"]
    if path in SITEMAPS:
        return KINDS["sitemap"]
    if name == NOT_FOUND and path.count("/") <= 1:
        return KINDS["not_found"]
    if extension(path) == "html":
        return KINDS["html"]
    return KINDS["other"]


# --- The security headers: the same on every response

HSTS = "max-age=31536000"  # a year, this host only (a site under a path shares its host)
PERMISSIONS = ("camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
               "midi=(), magnetometer=(), gyroscope=(), accelerometer=()")


def content_security_policy(script_hashes: list[str]) -> str:
    """Only the site's own files; inline scripts by their sha256 (base64), no other inline code.
    Images may be data: URLs (Material's stylesheet draws its icons so); workers and the search
    index come from the site."""
    scripts = " ".join(["'self'", *(f"'sha256-{digest}'" for digest in script_hashes)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ])


def security_headers(script_hashes: list[str], hsts: bool) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",  # a reader's path through the text is nobody else's
        "Permissions-Policy": PERMISSIONS,
        "X-Frame-Options": "DENY",  # frame-ancestors 'none' for browsers before CSP 2
    }
    if hsts:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def file_headers(path: str, script_hashes: list[str], hsts: bool, sha256: str | None = None) -> dict[str, str]:
    """Every header the table gives the response for the site's file `path` (a 200)."""
    kind = kind_of(path)
    headers = {"Cache-Control": kind.cache_control, "Content-Type": content_type(path)}
    if kind.language:
        headers["Content-Language"] = language_of(path)
    if kind.etag and sha256:
        headers["ETag"] = f'"{sha256}"'
    return {**headers, **security_headers(script_hashes, hsts)}

