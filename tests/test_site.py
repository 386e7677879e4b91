"""The handbook as a contributor builds it: clean, complete, and CDN-free."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import CHAPTERS as BOOK_CHAPTERS

DOCS = Path(__file__).parent.parent / "docs"
CHAPTERS = [*BOOK_CHAPTERS, "reference/index"]
CDN = re.compile(r"https?://(cdn\.jsdelivr\.net|unpkg\.com|cdnjs)[^\"']*mermaid", re.I)


def test_handbook_builds_with_warnings_as_errors(handbook_html):
    assert handbook_html.returncode == 0, handbook_html.output


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_exists_in_order(handbook_html, chapter):
    html = handbook_html.page(chapter)
    assert "<h1>" in html
    index = handbook_html.page("index")
    assert f'href="{chapter}.html"' in index


def test_chapters_appear_in_the_documented_order(handbook_html):
    index = handbook_html.page("index")
    positions = [index.index(f'href="{c}.html"') for c in CHAPTERS]
    assert positions == sorted(positions)


def mermaid_pages(handbook_html) -> tuple[list[str], list[str]]:
    with_diagram, without = [], []
    for page in sorted(handbook_html.outdir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        (with_diagram if 'class="mermaid"' in html else without).append(html)
    return with_diagram, without


@pytest.mark.skipif(
    shutil.which("npm") is None, reason="npm is missing: mermaid comes from the CDN"
)
def test_diagram_pages_load_the_local_bundle_and_no_cdn(handbook_html):
    with_diagram, _ = mermaid_pages(handbook_html)
    assert with_diagram, "at least one page has a mermaid diagram"
    for html in with_diagram:
        assert "_static/mermaid/mermaid.min.js" in html  # the classic build: file:// draws
        assert not CDN.search(html)
    bundle = handbook_html.outdir / "_static" / "mermaid"
    assert [p.name for p in bundle.rglob("*")] == ["mermaid.min.js"], "no maps, no modules"


def test_pages_without_a_diagram_load_no_mermaid(handbook_html):
    _, without = mermaid_pages(handbook_html)
    assert without
    for html in without:
        assert "import mermaid" not in html and "mermaid.min.js" not in html
