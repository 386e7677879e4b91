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


def reference_tables():
    """docs/_ext/teamext_reference.py, which writes the committed tables."""
    import importlib.util

    path = REFERENCE.parent / "_ext" / "teamext_reference.py"
    spec = importlib.util.spec_from_file_location("teamext_reference_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_tables_match_the_code():
    """The configuration and warning tables are committed so the repository shows
    them; after adding a value or a subtype, regenerate them with
    ``python docs/_ext/teamext_reference.py``."""
    stale = [
        path.relative_to(REFERENCE.parent.parent).as_posix()
        for path, text in reference_tables().generated().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], (
        f"stale: {stale}; run python docs/_ext/teamext_reference.py and commit the result"
    )


def test_committed_tables_name_every_value_and_subtype():
    config = (REFERENCE / "_generated" / "config.md").read_text(encoding="utf-8")
    warnings = (REFERENCE / "_generated" / "warnings.md").read_text(encoding="utf-8")
    rows = [line for line in config.splitlines() if line.startswith("| `teamext_")]
    assert [row.split("`")[1] for row in rows] == [v.name for v in CONFIG_VALUES]
    rows = [line for line in warnings.splitlines() if line.startswith("| `teamext.")]
    assert [row.split("`")[1] for row in rows] == [f"teamext.{name}" for name in SUBTYPES]
    assert "``" not in config + warnings  # Markdown code, not reStructuredText's


def test_a_new_value_makes_the_tables_stale(monkeypatch):
    module = reference_tables()
    before = module.generated()
    monkeypatch.setitem(SUBTYPES, "brand_new", "A subtype added after the tables were written.")
    after = module.generated()
    assert [p.name for p in before if before[p] != after[p]] == ["warnings.md"]
    assert (
        "| `teamext.brand_new` | A subtype added after the tables were written. |"
        in (after[REFERENCE / "_generated" / "warnings.md"])
    )


def test_warning_table_lists_every_subtype(reference_html):
    for name in SUBTYPES:
        assert f"teamext.{name}" in reference_html


def test_config_table_lists_every_value(reference_html):
    for value in CONFIG_VALUES:
        assert value.name in reference_html
