"""An expectation's lists stay lists wherever it shows: on the card, in skill
maps with ``:cells:``, under "Expected of" on the skill's card; in CSV as
text with its numbering (issue 20, item 4)."""

from __future__ import annotations

import csv

import pytest
from bs4 import BeautifulSoup
from helpers import build

MYST = """# Team

:::{skill} sql
:title: SQL
:::

:::{skill} py
:title: Python
:::

::::{role-card} analyst
:title: Analyst
:skills: sql=fluent, py=proficient

:::{expectation} sql
Reads a plan:

1. Writes the join.
2. Checks the plan.
   - with EXPLAIN
:::

:::{expectation} py
Ships a script.
:::
::::

:::{skill-map}
:cells: both
:caption: Both
:::

:::{skill-map}
:cells: expectation
:caption: Expectations
:::
"""

RST = """Team
====

.. skill:: sql
   :title: SQL

.. role-card:: analyst
   :title: Analyst
   :skills: sql=fluent

   .. expectation:: sql

      a. Writes the join.
      b. Checks the plan.
"""

CSV_TEXT = "Reads a plan:\n1. Writes the join.\n2. Checks the plan.\n   - with EXPLAIN"


def project(tmp_path, name, text, suffix):
    src = tmp_path / name
    src.mkdir(parents=True)
    conf = (
        'extensions = ["myst_parser", "sphinx_teamext"]\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    (src / "conf.py").write_text(conf + 'teamext_coverage = "off"\n', encoding="utf-8")
    (src / f"index{suffix}").write_text(text, encoding="utf-8")
    return build(src)


@pytest.fixture(scope="module")
def myst(tmp_path_factory):
    return project(tmp_path_factory.mktemp("lists"), "myst", MYST, ".md")


def page(app) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def items(node) -> list[str]:
    return [" ".join(li.find("p").get_text(" ", strip=True).split()) for li in node.find_all("li")]


def test_the_card_shows_the_list_as_a_list(myst):
    assert myst.warning.getvalue() == ""
    card = page(myst).find(id="team-role-analyst")
    box = card.select_one("div.teamext-expectation")
    assert box.find("p").get_text() == "Reads a plan:"
    ol = box.find("ol")
    assert items(ol) == ["Writes the join.", "Checks the plan.", "with EXPLAIN"]
    assert ol.find("ul") is not None  # the nested list is nested
    # a one-paragraph expectation is the paragraph it always was
    assert [p.get_text() for p in card.select("p.teamext-expectation")] == ["Ships a script."]


def test_skill_maps_keep_the_list(myst):
    both, expectations = page(myst).select(".teamext-skill-map table")
    for table in (both, expectations):
        cell = table.select("tbody td")[1]  # after the row's head
        assert items(cell.find("ol")) == ["Writes the join.", "Checks the plan.", "with EXPLAIN"]
    # with :cells: expectation, a plain expectation stays in the cell's paragraph
    assert expectations.select("tbody td")[2].get_text(strip=True) == "Ships a script."


def test_the_skill_card_keeps_the_list_under_expected_of(myst):
    card = page(myst).find(id="team-skill-sql")
    li = next(li for li in card.select("dl.teamext-backlinks li") if "Expected of" in li.text)
    assert li.find("p").get_text(" ", strip=True) == "Expected of Analyst :"
    assert items(li.find("ol")) == ["Writes the join.", "Checks the plan.", "with EXPLAIN"]


def test_csv_cells_keep_the_numbering(myst):
    path = next((myst.outdir / "_teamext").glob("index-*.csv"))
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == CSV_TEXT
    assert rows[1][4] == "Ships a script."


def test_restructuredtext_keeps_its_own_numbering(tmp_path):
    app = project(tmp_path, "rst", RST, ".rst")
    assert app.warning.getvalue() == ""
    card = page(app).find(id="team-role-analyst")
    ol = card.select_one("div.teamext-expectation ol")
    assert "loweralpha" in ol["class"]
    assert items(ol) == ["Writes the join.", "Checks the plan."]
    record = app.env.get_domain("team").lookup("role", "analyst")
    from sphinx_teamext.outline import outline_text

    assert outline_text(record.expectations[0].outline) == (
        "a. Writes the join.\nb. Checks the plan."
    )
