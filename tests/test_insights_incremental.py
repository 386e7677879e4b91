"""Incremental builds: an edited card redraws exactly the insights that show it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root
from test_insights_chart import parse_flowchart
from test_insights_shape import parse_radar, table_rows

WRITTEN = re.compile(r"writing output\.\.\. \[\s*\d+%\] (\S+)")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def written(app) -> set[str]:
    """The pages the build wrote, from its status output."""
    return set(WRITTEN.findall(COLOUR.sub("", app.status.getvalue())))


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def shape_of(app) -> tuple[list[list[str]], dict[str, object]]:
    shape = page(app, "shape").select_one(".teamext-team-shape")
    return table_rows(shape), parse_radar(shape.select_one("pre.mermaid").get_text())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture()
def srcdir(tmp_path):
    root = copy_root("insight-incremental", tmp_path)
    first = build(root)
    assert first.warning.getvalue() == ""
    assert written(first) == {"index", "skills", "people", "shape", "chart"}
    return root


def test_unchanged_project_writes_nothing(srcdir):
    assert written(build(srcdir)) == set()


def test_a_level_change_redraws_the_team_shape_but_not_the_chart(srcdir):
    before = build(srcdir)
    rows, radar = shape_of(before)
    assert rows[1] == [
        "API design",
        "■■□□ proficient (2/4)",
        "0 of 2",
        "■■■□ fluent (3/4)",
        "nobody at depth",
    ]
    assert radar["curves"]["Person A"] == [2, 3, 0]
    chart = page(before, "chart").select_one("pre.mermaid").get_text()

    edit(srcdir / "people.md", "api-design=2, code-quality=3", "api-design=4, code-quality=3")
    after = build(srcdir)
    assert after.warning.getvalue() == ""
    # people.md was edited; shape.md and skills.md show its levels; chart.md does not.
    # (Sphinx rewrites index.md, the toctree parent, whenever a child is rewritten.)
    assert written(after) == {"index", "people", "shape", "skills"}
    rows, radar = shape_of(after)
    assert rows[1] == ["API design", "■■■■ expert (4/4)", "1 of 2", "■■■□ fluent (3/4)", "–"]
    assert radar["curves"]["Person A"] == [4, 3, 0]
    assert "API design" not in page(after, "shape").select_one(".teamext-next-hire").get_text()
    assert page(after, "chart").select_one("pre.mermaid").get_text() == chart


def test_a_title_or_manager_change_redraws_the_chart(srcdir):
    edit(srcdir / "people.md", ":title: Person B", ":title: Person <B>")
    after = build(srcdir)
    assert written(after) == {"index", "people", "shape", "skills", "chart"}
    chart = parse_flowchart(page(after, "chart").select_one("pre.mermaid").get_text())
    assert chart["edges"] == [("MLE", "Person A"), ("Person A", "Person <B>")]

    edit(srcdir / "people.md", ":reports-to: person-a", ":reports-to: mle")
    again = build(srcdir)
    assert written(again) == {"index", "people", "chart"}
    chart = parse_flowchart(page(again, "chart").select_one("pre.mermaid").get_text())
    assert chart["edges"] == [("MLE", "Person A"), ("MLE", "Person <B>")]


def test_moving_a_card_to_another_page_updates_the_chart_links(srcdir):
    people = srcdir / "people.md"
    text = people.read_text(encoding="utf-8")
    start = text.index(":::{person-card} person-b")
    card = text[start:]
    people.write_text(text[:start], encoding="utf-8")
    skills = srcdir / "skills.md"
    skills.write_text(skills.read_text(encoding="utf-8") + "\n" + card, encoding="utf-8")
    after = build(srcdir)
    assert "chart" in written(after)
    links = parse_flowchart(page(after, "chart").select_one("pre.mermaid").get_text())["links"]
    assert links["Person B"] == "skills.html#team-person-person-b"
