"""Incremental builds: exactly the right pages are re-read and rewritten, and the
result equals a clean build; project-wide problems are reported again."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from conftest import parse_warnings
from helpers import copy_root
from sphinx.testing.util import SphinxTestApp


class Build:
    """One build of ``srcdir`` that records which pages were read and written."""

    def __init__(self, srcdir: Path, outdir: Path | None = None, **kwargs) -> None:
        self.read: list[str] = []
        self.written: list[str] = []
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=outdir,
            status=StringIO(),
            warning=StringIO(),
            **kwargs,
        )
        app.connect("env-before-read-docs", lambda a, e, docs: self.read.extend(docs))
        app.connect("doctree-resolved", lambda a, tree, doc: self.written.append(doc))
        try:
            app.build()
        finally:
            app.cleanup()
        self.app = app
        self.warnings = parse_warnings(app.warning.getvalue())

    def page(self, doc: str) -> str:
        html = (self.app.outdir / f"{doc}.html").read_text(encoding="utf-8")
        # The page body only: the sidebar lists every page and is not ours.
        return re.search(
            r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', html, re.S
        )[1]


@pytest.fixture()
def project(tmp_path):
    src = copy_root("core-myst", tmp_path)
    Build(src)  # the first, full build
    return src


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def assert_equals_clean_build(src: Path, incremental: Build, tmp_path: Path) -> None:
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = Build(clean_src)
    docs = sorted(
        p.stem
        for p in clean.app.outdir.glob("*.html")
        if not p.stem.startswith(("gen", "search", "team-"))
    )
    for doc in docs:
        assert incremental.page(doc) == clean.page(doc), f"{doc}.html differs from a clean build"
    assert sorted(incremental.warnings) == sorted(clean.warnings)


def test_no_change_reads_and_writes_nothing(project):
    again = Build(project)
    assert again.read == [] and again.written == []


def test_editing_a_skill_title_rewrites_every_page_that_shows_it(project, tmp_path):
    edit(project / "skills.md", ":title: Programming mindset and quality", ":title: Code quality")
    build = Build(project)
    assert build.read == ["skills"]
    assert sorted(build.written) == ["index", "roles", "skills"]
    assert "Code quality" in build.page("roles") and "Code quality" in build.page("index")
    assert_equals_clean_build(project, build, tmp_path)


def test_deleting_a_role_updates_links_maps_and_backlinks(project, tmp_path):
    text = (project / "roles.md").read_text(encoding="utf-8")
    start = text.index(":::{role-card} mle")
    end = text.index(":::\n", text.index("Owns models end to end.")) + 4
    (project / "roles.md").write_text(text[:start] + text[end:], encoding="utf-8")
    build = Build(project)
    assert build.read == ["roles"]
    assert sorted(build.written) == ["index", "roles", "skills"]
    assert "Machine Learning Engineer" not in build.page("skills")
    assert_equals_clean_build(project, build, tmp_path)


def test_moving_a_card_to_another_page_updates_links(project, tmp_path):
    text = (project / "roles.md").read_text(encoding="utf-8")
    start = text.index(":::{person-card} person-a")
    card = text[start:]
    (project / "roles.md").write_text(text[:start], encoding="utf-8")
    edit(project / "skills.md", "# Skills\n", "# Skills\n\n" + card + "\n")
    build = Build(project)
    assert sorted(build.read) == ["roles", "skills"]
    assert "index" in build.written  # its link to Person A now points at skills.html
    assert 'href="skills.html#team-person-person-a"' in build.page("index")
    assert_equals_clean_build(project, build, tmp_path)


def test_renaming_an_id_reports_the_old_one_everywhere(project, tmp_path):
    edit(project / "skills.md", ":::{skill} nlp-ml", ":::{skill} nlp")
    build = Build(project)
    assert build.read == ["skills"]
    assert (
        "roles.md",
        10,  # the :skills: line, known without re-reading roles.md
        "role 'mle': :skills: names unknown skill 'nlp-ml'",
        "teamext.unknown",
    ) in build.warnings
    assert_equals_clean_build(project, build, tmp_path)


def test_project_wide_problems_are_reported_again_on_any_reread(project):
    edit(project / "roles.md", ":skills: api-design=3,", ":skills: ghost=3, api-design=3,")
    first = Build(project)
    assert [w for w in first.warnings if w[3] == "teamext.unknown"]
    # an unrelated edit on another page: the problem on roles.md still exists
    edit(project / "skills.md", "A take-home exercise.", "A take-home task.")
    second = Build(project)
    assert second.read == ["skills"]
    assert (
        "roles.md",
        10,
        "role 'mle': :skills: names unknown skill 'ghost'",
        "teamext.unknown",
    ) in second.warnings
