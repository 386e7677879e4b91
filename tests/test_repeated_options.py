"""An option given twice keeps its first value, as data files do: in MyST the
second is ``teamext.option`` at its own line; in reStructuredText docutils'
own error stands (issue 20, item 6)."""

from __future__ import annotations

from conftest import has_warning, parse_warnings
from helpers import build, build_pages

PAGE = """
:::{skill} sql
:title: First title
:group: Data
:title: Second title
:::

:::{skill} py
---
title: "One: yes"
group: Code
title: Two
---
:::

:::{role-card} analyst
:title: Analyst
:skills: sql=1, py=2
:skills: sql=4
:::
"""


def test_myst_keeps_the_first_value_and_reports_the_second_at_its_line(tmp_path):
    app = build_pages(tmp_path, {"dup": PAGE}, confoverrides={"teamext_coverage": "off"})
    found = parse_warnings(app.warning.getvalue())
    # the page starts "# dup", a blank line, then PAGE (whose first line is blank)
    assert has_warning(
        found,
        "dup.md",
        7,
        "skill: option :title: is given twice (first at line 5); the first value is used "
        "(skill 'sql')",
        "teamext.option",
    ), found
    assert has_warning(
        found,
        "dup.md",
        14,
        "skill: option :title: is given twice (first at line 12); the first value is used",
        "teamext.option",
    ), found
    assert has_warning(
        found,
        "dup.md",
        21,
        "role-card: option :skills: is given twice (first at line 20)",
        "teamext.option",
    ), found
    assert len(found) == 3, found
    html = (app.outdir / "dup.html").read_text(encoding="utf-8")
    assert "First title" in html and "Second title" not in html
    assert "One: yes" in html and ">Two<" not in html
    # the first :skills: is the one read
    assert "learning (1/4)" in html and "proficient (2/4)" in html
    assert "expert (4/4)" not in html


RST = """\
Dup
===

.. skill:: sql
   :title: First
   :title: Second
"""


def test_restructuredtext_reports_its_own_error(tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_teamext"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text(RST, encoding="utf-8")
    app = build(tmp_path)
    text = app.warning.getvalue()
    assert 'duplicate option "title"' in text
    assert "[teamext.option]" not in text  # docutils' error stands alone
