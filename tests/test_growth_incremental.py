"""Incremental builds of ladders and growth tables, and ``-j 2``.

One project (``growth-incremental``) is edited step by step. After each edit,
the rebuild writes exactly the pages whose HTML a clean build changes (the
card's own page, and each page whose ladder or growth table shows the edited
value), every page equals a clean build's, and a second rebuild writes
nothing. The assessment is imported from a form on its own page; the person
card and the growth table that show it are on two others.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from helpers import ROOTS
from helpers import build as build_app
from sphinx.testing.util import SphinxTestApp
from test_incremental import replace

PAGES = ("skills", "roles", "ladder", "ladder-lead", "growth", "people", "forms", "other")


def build(src: Path, out: Path, written: list[str] | None = None, **kwargs) -> SphinxTestApp:
    app = SphinxTestApp(
        "html", srcdir=src, builddir=out, status=StringIO(), warning=StringIO(), **kwargs
    )
    if written is not None:
        app.connect("doctree-resolved", lambda _app, _tree, docname: written.append(docname))
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    return app


def pages(app: SphinxTestApp) -> dict[str, str]:
    out = Path(app.outdir)
    return {name: (out / f"{name}.html").read_text(encoding="utf-8") for name in PAGES}


#: (edit, pages that must be rewritten, pages that must not)
EDITS = {
    "a level only the whole ladder shows": (
        replace(
            "roles.md",
            ":skills: python=2, sql=1\n:next: mle-2",
            ":skills: python=1, sql=1\n:next: mle-2",
        ),
        {"roles", "ladder"},
        {"ladder-lead", "growth", "people", "forms", "other"},
    ),
    "an expectation of the growth target": (
        replace("roles.md", "Sets the team's Python practice.", "Owns the team's Python practice."),
        {"roles", "ladder", "growth"},
        {"ladder-lead", "people", "forms", "other"},
    ),
    "a level both ladders show": (
        replace("roles.md", ":skills: python=4", ":skills: python=3"),
        {"roles", "ladder", "ladder-lead"},
        {"growth", "people", "forms", "other"},
    ),
    "a level of the growth target": (
        replace("roles.md", ":skills: python=3, sql=3", ":skills: python=3, sql=4"),
        {"roles", "ladder", "growth"},
        {"ladder-lead", "people", "forms", "other"},
    ),
    "the order of the tracks, which moves the default target": (
        replace("roles.md", ":next: senior, lead", ":next: lead, senior"),
        {"roles", "ladder", "growth"},
        {"ladder-lead", "people", "forms", "other"},
    ),
    "a cell of the imported form": (
        replace("form.csv", "sql,SQL,proficient,fluent,2,", "sql,SQL,proficient,fluent,expert,"),
        {"people", "growth"},
        {"roles", "ladder", "ladder-lead", "other"},
    ),
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-growth-incremental", src)
    return src


def test_an_unchanged_rebuild_writes_nothing(project, tmp_path):
    out = tmp_path / "out"
    first: list[str] = []
    build(project, out, first)
    assert set(PAGES) <= set(first)
    again: list[str] = []
    build(project, out, again)
    assert again == []


@pytest.mark.parametrize("name", EDITS)
def test_an_edit_rewrites_exactly_the_pages_that_show_it(project, tmp_path, name):
    edit, must, must_not = EDITS[name]
    out = tmp_path / "out"
    before = pages(build(project, out))
    edit(project)
    written: list[str] = []
    after = pages(build(project, out, written))
    clean = pages(build(project, tmp_path / "clean"))
    assert after == clean, "the incremental build differs from a clean one"
    changed = {page for page in PAGES if before[page] != clean[page]}
    assert must <= changed and not must_not & changed  # the test's own premise
    # a page whose source changed is read and written again, shown or not
    reread = {"forms"} if name == "a cell of the imported form" else set()
    assert set(written) & set(PAGES) == changed | reread
    again: list[str] = []
    build(project, out, again)
    assert again == []


def test_the_form_updates_the_card_on_another_page(project, tmp_path):
    out = tmp_path / "out"
    build(project, out)
    assert "Self assessment (2026-04-01)" in pages(build(project, out))["people"]
    (project / "forms.md").write_text(
        (project / "forms.md").read_text(encoding="utf-8").replace("2026-04-01", "2026-06-30"),
        encoding="utf-8",
    )
    written: list[str] = []
    after = pages(build(project, out, written))
    assert "Self assessment (2026-06-30)" in after["people"]
    assert "Self (2026-06-30)" in after["growth"]
    assert {"forms", "people", "growth"} <= set(written)
    assert not {"roles", "ladder", "ladder-lead", "other"} & set(written)
    # and when the import goes, so does the assessment
    (project / "forms.md").write_text("# Forms\n\nNone yet.\n", encoding="utf-8")
    after = pages(build(project, out))
    assert "Self assessment" not in after["people"]
    assert "Self (" not in after["growth"]


# -- -j 2 ------------------------------------------------------------------------------


def mixed(root: Path) -> Path:
    """``growth-rules`` with the pages of ``growth-warnings`` beside it, so the
    parallel build reads ladders, growth views, forms and mistakes in chunks."""
    src = root / "src"
    shutil.copytree(ROOTS / "test-growth-rules", src)
    warnings = ROOTS / "test-growth-warnings"
    for name in ("ladder.md", "people.md"):
        shutil.copy(warnings / name, src / f"w-{name}")
    for name in ("filled.csv", "clean.csv"):
        shutil.copy(warnings / name, src / name)
    index = (src / "index.md").read_text(encoding="utf-8")
    (src / "index.md").write_text(index.replace("views\n", "views\nw-ladder\nw-people\n"), "utf-8")
    return src


def outputs(app: SphinxTestApp) -> dict[str, bytes]:
    out = Path(app.outdir)
    found = [*out.glob("*.html"), *out.glob("_teamext/*.csv"), out / "teamext.json"]
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(found)}


@pytest.mark.slow
def test_parallel_build_equals_serial(tmp_path):
    src = mixed(tmp_path)
    runs = {}
    for jobs in (0, 2):
        app = build_app(src, builddir=tmp_path / f"out-{jobs}", freshenv=True, parallel=jobs)
        assert app.statuscode == 0
        runs[jobs] = (app, outputs(app), app.warning.getvalue())
    parallel_app = runs[2][0]
    assert parallel_app.is_parallel_allowed("read") and parallel_app.is_parallel_allowed("write")
    serial, parallel = runs[0][1], runs[2][1]
    assert len([n for n in serial if n.endswith(".csv")]) == 18
    assert serial.keys() == parallel.keys()
    assert [n for n in serial if serial[n] != parallel[n]] == []
    serial_warnings, parallel_warnings = runs[0][2].splitlines(), runs[2][2].splitlines()
    assert len([w for w in serial_warnings if "[teamext." in w]) >= 10
    assert sorted(serial_warnings) == sorted(parallel_warnings)
    # the project-wide checks run once, after reading: the same order too
    project_wide = ("[teamext.cycle]", "[teamext.unknown]")
    assert [w for w in serial_warnings if w.endswith(project_wide)] == [
        w for w in parallel_warnings if w.endswith(project_wide)
    ]
