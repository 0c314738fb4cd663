"""`--offline-editions current|all` of `site` and `offline` (build/bundle_editions.py names the
values): it reaches the pipeline, `current` by default, and another value is refused by name."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from constitution import cli
from constitution.build import bundle_editions, pipeline


@pytest.mark.parametrize("given, expected", [([], "current"), (["--offline-editions", "all"], "all"),
                                             (["--offline-editions", "current"], "current")],
                         ids=["default", "all", "current"])
def test_site_builds_the_bundle_the_option_names(monkeypatch, tmp_path, given, expected):
    seen = []

    def build(source, out, dist, deploy=None, offline_editions=None):
        seen.append(offline_editions)
        return SimpleNamespace(downloads=[])

    monkeypatch.setattr(pipeline, "site", build)
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    assert cli.main(["site", "--out", str(tmp_path / "site"), *given]) == 0
    assert seen == [expected] and expected in bundle_editions.CHOICES


@pytest.mark.parametrize("command", ["site", "offline"])
def test_another_value_is_refused_naming_the_choices(tmp_path, capsys, command):
    with pytest.raises(SystemExit) as stopped:
        cli.main([command, "--out", str(tmp_path / "x"), "--offline-editions", "every"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--offline-editions: invalid choice: 'every'" in err and all(value in err for value in bundle_editions.CHOICES)


def test_offline_runs_the_pipeline_with_the_choice(monkeypatch, tmp_path):
    seen = []

    def run(build, until=None):
        seen.append((build.offline_editions, until))
        raise pipeline.BuildError(["stopped here"])

    monkeypatch.setattr(pipeline, "run", run)
    assert cli.main(["offline", "--out", str(tmp_path / "b.zip"), "--offline-editions", "all"]) == 1
    assert seen == [("all", "offline")]
