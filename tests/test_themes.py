"""The extension as a product: examples/minimal under the themes other teams use.

Each theme builds the example with no warning, links the extension's CSS and
shows the cards and the skill map; in a browser the CSS takes effect and the
text in cards and maps keeps WCAG AA contrast, in light and (where the theme
has one) dark mode.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import PageWatch, Server, attr, launch, low_contrast, one
from bs4 import BeautifulSoup
from helpers import build

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "minimal"
CSS = ROOT / "sphinx_teamext" / "static" / "teamext.css"

#: theme -> (module that provides it, localStorage key for the reader's mode or None)
THEMES = {
    "furo": ("furo", "theme"),
    "sphinx_book_theme": ("sphinx_book_theme", "mode"),
    "pydata_sphinx_theme": ("pydata_sphinx_theme", "mode"),
    "alabaster": ("alabaster", None),
}
CARDS = ".teamext-card, .teamext-skill-map"


def need_theme(theme: str) -> None:
    if importlib.util.find_spec(THEMES[theme][0]) is None:
        reason = f"{theme} is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Any]:
    """``example(theme)``: the example built under ``theme`` (once per module)."""
    cache: dict[str, Any] = {}

    def get(theme: str) -> Any:
        need_theme(theme)
        if theme not in cache:
            src = tmp_path_factory.mktemp(theme) / "minimal"
            shutil.copytree(EXAMPLE, src)
            cache[theme] = build(src, confoverrides={"html_theme": theme})
        return cache[theme]

    return get


def page(app: Any, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def test_guide_shows_every_file_of_the_example() -> None:
    """docs/reference/own-handbook.md includes the example's files, not copies of them."""
    guide = (ROOT / "docs" / "reference" / "own-handbook.md").read_text(encoding="utf-8")
    included = re.findall(r"^```\{literalinclude\} \.\./\.\./examples/minimal/(\S+)$", guide, re.M)
    files = sorted(p.name for p in EXAMPLE.iterdir() if p.is_file())
    assert sorted(included) == files


@pytest.mark.parametrize("theme", THEMES)
def test_example_builds_without_warnings(example: Callable[[str], Any], theme: str) -> None:
    app = example(theme)
    assert app.config.html_theme == theme
    assert app.warning.getvalue().strip() == ""


@pytest.mark.parametrize("theme", THEMES)
def test_css_is_linked_and_copied(example: Callable[[str], Any], theme: str) -> None:
    app = example(theme)
    copied = app.outdir / "_static" / "teamext.css"
    assert copied.read_text(encoding="utf-8") == CSS.read_text(encoding="utf-8")
    for name in ("index.html", "roles.html", "skills.html", "hiring.html"):
        hrefs = [attr(link, "href") for link in page(app, name).select('link[rel="stylesheet"]')]
        assert any(h.split("?")[0] == "_static/teamext.css" for h in hrefs), (name, hrefs)


@pytest.mark.parametrize("theme", THEMES)
def test_cards_and_skill_map_render(example: Callable[[str], Any], theme: str) -> None:
    app = example(theme)
    roles = page(app, "roles.html")
    titles = [
        one(c, ".teamext-card-title strong").get_text() for c in roles.select(".teamext-role")
    ]
    assert titles == ["Team lead", "Engineer"]
    engineer = one(roles, "#team-role-engineer")
    assert "Builds and runs the team's services." in engineer.get_text()
    assert engineer.select_one('a[href="#team-role-lead"]') is not None  # reports to
    skills = page(app, "skills.html").select(".teamext-skill")
    assert [c["id"] for c in skills] == [
        "team-skill-python",
        "team-skill-testing",
        "team-skill-modelling",
    ]
    stages = page(app, "hiring.html").select(".teamext-stage")
    assert [c["id"] for c in stages] == ["team-stage-pairing", "team-stage-modelling-talk"]

    table = one(page(app, "index.html"), ".teamext-skill-map table.teamext-skill-map-table")
    header = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert header == ["Role", "Python programming", "Automated testing", "Statistical modelling"]
    rows = {one(tr, "td").get_text(strip=True): tr for tr in table.select("tbody tr")}
    assert set(rows) == {"Team lead", "Engineer"}
    depth = [td.get_text(" ", strip=True) for td in rows["Engineer"].select("td.teamext-depth")]
    assert depth == ["■■■□ fluent (3/4)", "■■■□ fluent (3/4)"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_readable_in_a_browser(example: Callable[[str], Any], browser: Any, theme: str) -> None:
    """The CSS applies (cards get their accent border) and text in cards and the
    skill map keeps AA contrast, in each of the theme's colour modes."""
    app = example(theme)
    key = THEMES[theme][1]
    modes = ["light", "dark"] if key else ["light"]
    problems = []
    with Server(app.outdir) as server:
        for mode in modes:
            watch = PageWatch(browser, mode, theme_key=key or "theme")
            try:
                for name in ("roles.html", "index.html"):
                    watch.page.goto(server.url + name)
                    if key:  # the theme took the reader's mode from localStorage
                        shown = watch.page.evaluate(
                            "document.documentElement.dataset.theme || document.body.dataset.theme"
                        )
                        assert shown == mode, (name, shown)
                    border = watch.page.eval_on_selector(
                        ".teamext-card, .teamext-skill-map td.teamext-depth",
                        "(el) => getComputedStyle(el).borderLeftWidth + ' ' + getComputedStyle(el).boxShadow",
                    )
                    assert border.startswith("4px") or "inset" in border, (name, border)
                    count, bad = low_contrast(watch.page, CARDS)
                    assert count > 5, name
                    problems += [f"{mode} {name}: {line}" for line in bad]
                assert not watch.errors, watch.errors
            finally:
                watch.close()
    assert not problems, f"low contrast under {theme}:\n" + "\n".join(problems)
