"""A level described twice is reported at the second description, the one
to edit, in MyST, reStructuredText and data files (issue 20, item 9)."""

from __future__ import annotations

from conftest import has_warning, parse_warnings
from helpers import build

RST = """\
Levels
======

.. skill:: sql
   :title: SQL

   .. skill-level:: 1

      Basic joins.

   .. skill-level:: learning

      Again.

.. team-import:: data.yaml
"""

DATA = """\
skills:
  - id: py
    title: Python
    levels:
      1: Scripts.
      learning: Again.
"""

MYST = """# Levels

::::{skill} go
:title: Go

:::{skill-level} learning
Reads Go.
:::

:::{skill-level} 1
Again.
:::
::::
"""


def test_the_second_description_is_the_one_reported(tmp_path):
    conf = (
        'extensions = ["myst_parser", "sphinx_teamext"]\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    (tmp_path / "conf.py").write_text(conf + 'teamext_coverage = "off"\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text(RST + "\n.. toctree::\n\n   myst\n", encoding="utf-8")
    (tmp_path / "myst.md").write_text(MYST, encoding="utf-8")
    (tmp_path / "data.yaml").write_text(DATA, encoding="utf-8")
    app = build(tmp_path)
    found = parse_warnings(app.warning.getvalue())
    message = "level 1 (learning) is described twice; the first description is used"
    assert has_warning(found, "index.rst", 11, f"skill: {message}", "teamext.level"), found
    assert has_warning(
        found, "data.yaml", 6, f"data.yaml: skills[0].levels.learning: {message}", "teamext.level"
    ), found
    assert has_warning(found, "myst.md", 10, f"skill: {message}", "teamext.level"), found
    assert len(found) == 3, found
    # the first description is the one kept
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Basic joins." in html and "Scripts." in html
