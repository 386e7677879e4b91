"""The empty-section lint, in MyST and RST, at the heading's line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build, copy_root

EXPECTED = [
    (
        "index.md",
        13,
        "section 'Only a comment' is empty: it has no content of its own and no subsection",
        "teamext.empty_section",
    ),
    (
        "index.md",
        17,
        "section 'Only a label' is empty: it has no content of its own and no subsection",
        "teamext.empty_section",
    ),
    (
        "index.md",
        21,
        "section 'Nothing at all' is empty: it has no content of its own and no subsection",
        "teamext.empty_section",
    ),
    (
        "page.rst",
        6,
        "section 'Empty in RST' is empty: it has no content of its own and no subsection",
        "teamext.empty_section",
    ),
    (
        "page.rst",
        19,
        "section 'Last empty' is empty: it has no content of its own and no subsection",
        "teamext.empty_section",
    ),
]


def test_empty_sections_are_reported_at_their_heading(tmp_path, warnings_of):
    app = build(copy_root("insight-empty", tmp_path))
    assert warnings_of(app) == EXPECTED
    # a section holding only subsections ("Only subsections", "Holds only subsections") is fine
    assert "Only subsections" not in app.warning.getvalue()


@pytest.mark.parametrize(
    "overrides",
    [{"teamext_empty_sections": "off"}, {"suppress_warnings": ["teamext.empty_section"]}],
    ids=["off", "suppressed"],
)
def test_off_or_suppressed(tmp_path, overrides):
    app = build(copy_root("insight-empty", tmp_path), confoverrides=overrides)
    assert app.warning.getvalue() == ""


def test_reported_again_when_the_page_is_reread_and_gone_once_fixed(tmp_path, warnings_of):
    srcdir = copy_root("insight-empty", tmp_path)
    build(srcdir)
    # an unchanged page is not re-read, so it is not re-reported
    assert warnings_of(build(srcdir)) == []
    page = Path(srcdir, "page.rst")
    page.write_text(page.read_text(encoding="utf-8") + "\nNew text.\n", encoding="utf-8")
    again = warnings_of(build(srcdir))
    # "Last empty" now holds the new paragraph; "Empty in RST" is still reported
    assert again == [EXPECTED[3]]
