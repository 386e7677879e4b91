"""The reference appendix: its examples build cleanly, its tables match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import build_pages

from sphinx_teamext.config import CONFIG_VALUES
from sphinx_teamext.warnings import SUBTYPES

REFERENCE = Path(__file__).parent.parent / "docs" / "reference"
FENCE = re.compile(r"^(`{3,})markdown\n(.*?)^\1$", re.S | re.M)


def examples() -> list[tuple[str, str]]:
    found = []
    for page in [REFERENCE / "index.md", REFERENCE / "growth.md"]:
        for i, match in enumerate(FENCE.finditer(page.read_text(encoding="utf-8"))):
            found.append((f"{page.stem}-{i}", match[2]))
    return found


def test_reference_has_examples():
    assert len(examples()) >= 5


def test_every_example_builds_without_warnings(tmp_path):
    """All examples together form one small handbook: links between them resolve."""
    app = build_pages(tmp_path / "examples", dict(examples()))
    assert app.warning.getvalue() == ""
    html = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob("*.html"))
    assert "team-role-mle" in html and "teamext-skill-map-table" in html


@pytest.fixture(scope="module")
def reference_html(handbook_html) -> str:
    assert handbook_html.returncode == 0, handbook_html.output
    return handbook_html.page("reference/index")


def test_warning_table_lists_every_subtype(reference_html):
    for name in SUBTYPES:
        assert f"teamext.{name}" in reference_html


def test_config_table_lists_every_value(reference_html):
    for value in CONFIG_VALUES:
        assert value.name in reference_html
