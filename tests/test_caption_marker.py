"""A skill map whose every value is a suggestion carries one guidance marker,
on its caption, with the same accessible text, instead of one per value; only
where that is true (issue 19, item 6)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from helpers import build_pages

PAGE = """
:::{skill} sql
:title: SQL
:::

:::{skill} py
:title: Python
:::

:::{role-card} a
:title: A
:skills: sql=fluent, py=learning
:guidance: skills
:::

:::{role-card} b
:title: B
:skills: sql=expert
:guidance: skills
:::

:::{role-card} c
:title: C
:skills: py=fluent
:::

:::{role-card} empty
:title: Nothing recorded
:guidance: skills
:::

:::{skill-map}
:rows: a, b, empty
:caption: All suggested
:::

:::{skill-map}
:rows: a, c
:caption: Some suggested
:::

:::{skill-map}
:rows: a, b
:::
"""


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    app = build_pages(
        tmp_path_factory.mktemp("caption"),
        {"maps": PAGE},
        confoverrides={"teamext_coverage": "off"},
    )
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    html = (app.outdir / "maps.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select(".teamext-skill-map")


def markers(node) -> list:
    return node.select(".teamext-guidance")


def test_every_value_suggested_puts_one_marker_on_the_caption(maps):
    caption = maps[0].find("caption")
    [mark] = markers(caption)
    cell_marks = markers(maps[0].find("tbody"))
    assert cell_marks == []
    # the same accessible text as the marker on a single value
    [single] = markers(maps[1].find("tbody"))[:1]
    assert mark.get("title") == single.get("title") == "suggested"
    assert mark.get_text(" ", strip=True) == single.get_text(" ", strip=True)


def test_some_values_suggested_keep_a_marker_each(maps):
    assert markers(maps[1].find("caption")) == []
    assert len(markers(maps[1].find("tbody"))) == 2  # row A's two values, not C's


def test_a_map_without_a_caption_keeps_a_marker_each(maps):
    assert maps[2].find("caption") is None
    assert len(markers(maps[2].find("tbody"))) == 3
