"""One mistake, one warning (issue 20, item 8): a value dropped for a reported
reason triggers no second finding, and a failed import leaves its section
not "empty"."""

from __future__ import annotations

from conftest import has_warning, parse_warnings
from helpers import build_pages

CARD = """
:::{skill} sql
:title: SQL
:::

::::{role-card} analyst
:title: Analyst
:skills: sql=9

:::{expectation} sql
Writes joins.
:::
::::
"""

IMPORT = """
## Records from a file

```{team-import} broken.yaml
```

## Placed without cards

```{team-import} good.yaml
:cards: none
```

## Nothing here
"""


def test_an_out_of_scale_level_is_reported_once(tmp_path):
    app = build_pages(tmp_path, {"card": CARD}, confoverrides={"teamext_coverage": "off"})
    found = parse_warnings(app.warning.getvalue())
    assert has_warning(
        found,
        "card.md",
        10,
        "role-card: level 9 is outside the scale 0-4",
        "teamext.level",
    ), found
    assert len(found) == 1, found  # no "is not listed in the card's :skills:"


def test_an_expectation_for_an_unlisted_skill_is_still_reported(tmp_path):
    page = CARD.replace("sql=9", "sql=9, py=1")
    app = build_pages(tmp_path, {"card": page}, confoverrides={"teamext_coverage": "off"})
    text = app.warning.getvalue()
    assert "is not listed in the card's :skills:" not in text
    page = CARD.replace(":skills: sql=9", ":skills: py=1")
    app = build_pages(tmp_path / "b", {"card": page}, confoverrides={"teamext_coverage": "off"})
    assert "skill 'sql' is not listed in the card's :skills:" in app.warning.getvalue()


def test_a_failed_import_adds_no_empty_section_warning(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "broken.yaml").write_text("skills: [\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_text("skills:\n  - id: go\n    title: Go\n", encoding="utf-8")
    app = build_pages(tmp_path, {"data": IMPORT}, confoverrides={"teamext_coverage": "off"})
    found = parse_warnings(app.warning.getvalue())
    assert [(f, line, sub) for f, line, _m, sub in found] == [
        ("broken.yaml", 2, "teamext.option"),
        ("data.md", 15, "teamext.empty_section"),  # the one section really empty
    ], found
    # the marks that kept the sections from counting as empty are gone
    html = (app.outdir / "data.html").read_text(encoding="utf-8")
    assert "written_here" not in html
    doctree = app.env.get_doctree("data")
    assert not [n for n in doctree.findall() if type(n).__name__ == "written_here"]
