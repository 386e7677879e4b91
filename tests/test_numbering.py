"""One numbering everywhere: without a none level, the source counts from 1,
as the pages do (legend, cards, skill-level labels, warnings, depth level)."""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup
from conftest import has_warning, parse_warnings
from helpers import build_pages

LADDER = {
    "teamext_levels": ["junior", "mid", "senior", "staff"],
    "teamext_none_level": None,
    "teamext_depth_level": 3,
    "teamext_coverage": "off",
}

PAGE = """
:::{skill} sql
:title: SQL

```{skill-level} 1
Writes a join.
```

```{skill-level} 0
Nothing at all.
```
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=1, rust=senior, go=0
:::

:::{role-card} lead
:title: Lead
:skills: sql=staff
:::

:::{skill} rust
:title: Rust
:::

:::{skill} go
:title: Go
:::

:::{skill-map}
:::
"""


def text(node) -> str:
    node = copy.copy(node)
    for hidden in node.select(".teamext-visually-hidden"):
        hidden.decompose()
    return " ".join(node.get_text(" ", strip=True).split())


def build_ladder(tmp_path, conf=LADDER):
    app = build_pages(tmp_path, {"ladder": PAGE}, confoverrides=conf)
    html = (app.outdir / "ladder.html").read_text(encoding="utf-8")
    return app, BeautifulSoup(html, "html.parser")


def test_without_a_none_level_numbers_count_from_one(tmp_path):
    app, page = build_ladder(tmp_path)
    found = parse_warnings(app.warning.getvalue())
    # 0 is off the scale, with a hint saying where numbers start
    assert has_warning(
        found,
        "ladder.md",
        18,
        "role-card: level 0 is outside the scale 1-4 (1=junior, 2=mid, 3=senior, 4=staff); "
        "on a scale without a none level numbers count from 1, so 'junior' is 1",
        "teamext.level",
    ), found
    assert has_warning(
        found, "ladder.md", 11, "skill-level: level 0 is outside the scale 1-4", "teamext.level"
    ), found
    assert len(found) == 2, found
    # the card: sql=1 is the first name, junior (1/4)
    analyst = page.find(id="team-role-analyst")
    skills = text(analyst.select_one("dl.field-list > dd"))
    assert skills == "SQL — ■□□□ junior (1/4) Rust — ■■■□ senior (3/4)"
    # the skill-level label counts as the source does
    assert [text(b) for b in page.select(".teamext-skill-level-label")] == ["1 · junior", "0"]
    # the legend, and the depth level (3 = senior) in the same numbers
    legend = text(page.select_one(".teamext-legend"))
    assert legend == (
        "Scale: 1 junior, 2 mid, 3 senior, 4 staff. Cells at depth (level 3 of 4 or more) "
        "are in bold; a dash means not recorded."
    )
    bold = [text(td) for td in page.select(".teamext-skill-map td.teamext-depth")]
    assert bold == ["■■■□ senior (3/4)", "■■■■ staff (4/4)"]


def test_a_none_level_keeps_counting_from_zero(tmp_path):
    conf = {**LADDER, "teamext_none_level": "junior"}
    app, page = build_ladder(tmp_path, conf)
    found = parse_warnings(app.warning.getvalue())
    assert found == [], found  # 0 is junior here
    analyst = page.find(id="team-role-analyst")
    skills = text(analyst.select_one("dl.field-list > dd"))
    assert skills == "SQL — ■□□ mid (1/3) Rust — ■■□ senior (2/3) Go — □□□ junior (0/3)"
    assert [text(b) for b in page.select(".teamext-skill-level-label")] == [
        "1 · mid",
        "0 · junior",
    ]
    legend = text(page.select_one(".teamext-legend"))
    assert legend.startswith("Scale: 0 junior, 1 mid, 2 senior, 3 staff. Cells at depth (level 3")


def test_depth_level_counts_as_the_pages_do(tmp_path):
    # 4 is staff on a ladder counted from 1: only staff cells are at depth
    _app, page = build_ladder(tmp_path, {**LADDER, "teamext_depth_level": 4})
    bold = [text(td) for td in page.select(".teamext-skill-map td.teamext-depth")]
    assert bold == ["■■■■ staff (4/4)"]
