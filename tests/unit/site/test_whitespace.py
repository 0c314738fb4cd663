"""The whitespace hook (site/hooks/whitespace.py) in-process: the theme's layout whitespace is
not printed, a template whose whitespace shows stops the build, and each template is compiled
once for the three languages' environments of a build (again only when its source changed)."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.exceptions import PluginError

from constitution.site.hooks import whitespace

LAYOUT = "<nav>\n  {% for item in items %}\n    <a>{{ item }}</a>\n  {% endfor %}\n</nav>\n"


def environment(templates: dict[str, str]) -> Environment:
    return whitespace.on_env(Environment(loader=DictLoader(templates)), config=None, files=None)


def counted(env: Environment) -> list[str]:
    """The names of the templates `env` compiles from here on."""
    compiled, compile_ = [], env.compile

    def compile_and_count(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile_(source, name, filename, *args, **kwargs)

    env.compile = compile_and_count
    return compiled


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    monkeypatch.setattr(whitespace, "COMPILED", whitespace.InMemory())


def test_layout_whitespace_is_not_printed_and_values_are_as_they_are():
    page = environment({"nav.html": LAYOUT}).get_template("nav.html").render(items=["a  b", "c\n  d"])
    assert page == "<nav>\n <a>a  b</a>\n <a>c\n  d</a>\n</nav>"  # a run of spaces after a tag: one


def test_a_template_whose_whitespace_shows_stops_the_build():
    with pytest.raises(PluginError, match="<pre> or <textarea>"):
        environment({"code.html": "<pre>\n  {{ x }}\n</pre>"}).get_template("code.html")


def test_each_template_is_compiled_once_for_every_language():
    compiled = []
    for _ in range(3):  # static-i18n: one environment per language's build
        env = environment({"nav.html": LAYOUT, "main.html": "{% include 'nav.html' %}"})
        compiled.append(counted(env))
        assert env.get_template("main.html").render(items=["x"]) == "<nav>\n <a>x</a>\n</nav>"
    assert compiled == [["main.html", "nav.html"], [], []]


def test_a_changed_template_is_compiled_again():
    environment({"nav.html": LAYOUT}).get_template("nav.html")
    env = environment({"nav.html": LAYOUT.replace("<a>", "<b>").replace("</a>", "</b>")})
    compiled = counted(env)
    assert env.get_template("nav.html").render(items=["x"]) == "<nav>\n <b>x</b>\n</nav>"
    assert compiled == ["nav.html"]
