"""`python -m constitution site`: `--site-url` sets the address the site is built for, and a build
without one (nor SITE_URL) says in one line where its links will point (cli.py; the build
itself is replaced here by one that records what it was given)."""

from __future__ import annotations

import os
import re
from types import SimpleNamespace

import pytest

from constitution import cli
from constitution.build import pipeline
from constitution.core import paths
from tests.helpers import ROOT

SITE_URL = "https://example.kz/constitution/"


@pytest.fixture
def built_for(monkeypatch, tmp_path, capsys):
    """built_for(*args, env_site_url=None) -> (SITE_URL the build saw, stderr lines)."""

    def run(*args, env_site_url=None):
        seen = []

        def build(source, out, dist, deploy=None, offline_editions=None):
            seen.append(os.environ.get(paths.SITE_URL_ENV))
            return SimpleNamespace(downloads=[])

        monkeypatch.setattr(pipeline, "site", build)
        monkeypatch.setenv(paths.SITE_URL_ENV, env_site_url or "")  # restored after the test, whatever cli sets
        if env_site_url is None:
            monkeypatch.delenv(paths.SITE_URL_ENV)
        assert cli.main(["site", "--out", str(tmp_path / "site"), *args]) == 0
        return seen[0], capsys.readouterr().err.splitlines()

    return run


CASES = [
    # test id, arguments, SITE_URL in the environment, the address built for, warned
    ("option", ["--site-url", SITE_URL], None, SITE_URL, False),
    ("option-over-environment", ["--site-url", SITE_URL], "https://old.example/", SITE_URL, False),
    ("environment", [], SITE_URL, SITE_URL, False),
    ("neither", [], None, None, True),
]


@pytest.mark.parametrize("args, env, expected, warned", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_the_site_is_built_for_its_address_or_warns_in_one_line(built_for, args, env, expected, warned):
    seen, err = built_for(*args, env_site_url=env)
    assert seen == expected
    if warned:
        assert len(err) == 1 and err[0].startswith(f"site: warning: {paths.SITE_URL_ENV} is not set")
        assert cli.LOCAL_SITE_URL in err[0] and "--site-url" in err[0]
    else:
        assert err == []


def test_the_warning_names_the_address_mkdocs_yml_falls_back_to():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # read as text: mkdocs.yml's !ENV tags are MkDocs', not plain YAML
    assert re.search(rf'^site_url: !ENV \[{paths.SITE_URL_ENV}, "{re.escape(cli.LOCAL_SITE_URL)}"\]', text, re.M)


HSTS = [  # test id, arguments, SITE_URL, exit status
    ("https", ["--hsts", "--site-url", SITE_URL], None, 0),
    ("http", ["--hsts", "--site-url", "http://example.kz/"], None, 2),
    ("unset", ["--hsts"], None, 2),
]


@pytest.mark.parametrize("args, env, status", [case[1:] for case in HSTS], ids=[case[0] for case in HSTS])
def test_hsts_is_refused_before_building_unless_the_site_is_https(monkeypatch, tmp_path, capsys, args, env, status):
    built = []
    monkeypatch.setattr(pipeline, "site", lambda *given: built.append(given) or SimpleNamespace(downloads=[]))
    monkeypatch.delenv(paths.SITE_URL_ENV, raising=False)
    monkeypatch.delenv(paths.HSTS_ENV, raising=False)
    assert cli.main(["site", "--out", str(tmp_path / "site"), *args]) == status
    assert bool(built) == (status == 0)
    if status:
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 2 and "HSTS is sent over https only" in err[0], err
    monkeypatch.delenv(paths.HSTS_ENV, raising=False)  # cli set it for the build's child processes
    monkeypatch.delenv(paths.SITE_URL_ENV, raising=False)
