"""Fresh pages under every builder: what a page showed when it was written
belongs to that output, so builders that share one doctree folder, and a
write that fails half-way, never leave a page showing old data."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp

MINIMAL = Path(__file__).parent.parent / "examples" / "minimal"
TITLE = "Head of machine learning"
OLD, NEW = ":title: Team lead", f":title: {TITLE}"


def build(
    src: Path,
    builddir: Path,
    buildername: str = "html",
    boom: str = "",
    written: list[str] | None = None,
) -> SphinxTestApp:
    """Build ``src`` into ``builddir/<builder>`` with doctrees in ``builddir/doctrees``.

    ``boom`` names a page whose writing raises, as a crashing extension would;
    ``written`` collects the pages written.
    """
    app = SphinxTestApp(
        buildername,
        srcdir=src,
        builddir=builddir,
        status=StringIO(),
        warning=StringIO(),
        confoverrides={"html_theme": "alabaster"},
    )

    def explode(app: object, doctree: object, docname: str) -> None:
        if written is not None:
            written.append(docname)
        if docname == boom:
            raise RuntimeError(f"an extension failed while writing {docname}")

    app.connect("doctree-resolved", explode)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def pages(outdir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.html"))}


@pytest.fixture()
def minimal(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(MINIMAL, src)
    return src


def retitle(src: Path) -> None:
    page = src / "roles.md"
    text = page.read_text(encoding="utf-8")
    assert OLD in text
    page.write_text(text.replace(OLD, NEW), encoding="utf-8")


def clean_html(src: Path, tmp_path: Path) -> dict[str, str]:
    return pages(build(src, tmp_path / "clean").outdir)


@pytest.mark.parametrize("other", ["text", "latex"])
def test_another_builder_in_between_leaves_no_stale_html(minimal, tmp_path, other):
    out = tmp_path / "out"
    build(minimal, out)
    retitle(minimal)
    build(minimal, out, other)  # reads the change first, on the shared doctrees
    html = build(minimal, out)
    got = pages(html.outdir)
    assert "Head of machine learning" in got["hiring.html"]
    assert "Team lead" not in got["hiring.html"]
    assert got == clean_html(minimal, tmp_path)


def test_the_other_builder_is_fresh_too(minimal, tmp_path):
    out = tmp_path / "out"
    build(minimal, out, "text")
    retitle(minimal)
    build(minimal, out)
    text = build(minimal, out, "text")
    hiring = (text.outdir / "hiring.txt").read_text(encoding="utf-8")
    assert "Head of machine learning" in hiring and "Team lead" not in hiring


def test_an_interrupted_write_is_finished_by_the_next_build(minimal, tmp_path):
    out = tmp_path / "out"
    build(minimal, out)
    retitle(minimal)
    # The environment is saved before writing; the first page then fails.
    with pytest.raises(ExtensionError, match="while writing hiring"):
        build(minimal, out, boom="hiring")
    html = build(minimal, out)
    got = pages(html.outdir)
    assert "Head of machine learning" in got["hiring.html"]
    assert got == clean_html(minimal, tmp_path)


def test_rebuilds_write_exactly_the_pages_that_show_a_change(minimal, tmp_path):
    out = tmp_path / "out"
    build(minimal, out)
    written: list[str] = []
    build(minimal, out, written=written)
    assert written == []
    retitle(minimal)
    build(minimal, out, written=written)
    # exactly the card's own page and the pages that show its title
    # (generated pages such as the role index are written by every build)
    docs = {p.stem for p in minimal.glob("*.md")}
    clean = clean_html(minimal, tmp_path)
    showing = [name[:-5] for name, html in clean.items() if TITLE in html and name[:-5] in docs]
    assert len(showing) > 1
    assert sorted(written) == showing


def test_a_build_of_named_pages_leaves_the_others_to_the_next_build(minimal, tmp_path):
    out = tmp_path / "out"
    build(minimal, out)
    retitle(minimal)
    # `sphinx-build ... roles.md` writes only the page named
    app = SphinxTestApp(
        "html",
        srcdir=minimal,
        builddir=out,
        status=StringIO(),
        warning=StringIO(),
        confoverrides={"html_theme": "alabaster"},
    )
    try:
        app.build(filenames=[str(minimal / "roles.md")])
    finally:
        app.cleanup()
    assert TITLE not in (app.outdir / "hiring.html").read_text(encoding="utf-8")
    written: list[str] = []
    html = build(minimal, out, written=written)
    assert "hiring" in written
    assert pages(html.outdir) == clean_html(minimal, tmp_path)
