"""Every builder renders the records without crashing; text and LaTeX stay readable."""

from __future__ import annotations

import pytest
from helpers import build, copy_root

#: Each builder the extension has visitors for, and a file its build must write.
BUILDERS = {
    "html": "roles.html",
    "dirhtml": "roles/index.html",
    "singlehtml": "index.html",
    "epub": "*.epub",
    "latex": "*.tex",
    "text": "roles.txt",
    "man": "*.1",
    "texinfo": "*.texi",
    "gettext": "roles.pot",
}


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builder_builds_cleanly(tmp_path, buildername):
    app = build(copy_root("core-myst", tmp_path), buildername)
    warnings = app.warning.getvalue()
    # An exception in the extension propagates out of app.build(); here the build
    # finished, so it must also have succeeded and written its output.
    assert app.statuscode == 0
    assert list(app.outdir.glob(BUILDERS[buildername])), f"no {BUILDERS[buildername]}"
    # epub complains about its own metadata only
    assert [w for w in warnings.splitlines() if "teamext" in w or "team" in w.lower()] == []


def test_text_output_keeps_cards_and_maps_readable(tmp_path):
    app = build(copy_root("core-myst", tmp_path), "text")
    roles = (app.outdir / "roles.txt").read_text(encoding="utf-8")
    assert "Role **Machine Learning Engineer**" in roles
    assert "Low-level API design for web services — ■■■□ fluent (3/4)" in roles
    index = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "First hires" in index
    assert "■■■■ expert (4/4)" in index and "Person A" in index


def test_latex_output_has_cards_tables_and_links(tmp_path):
    app = build(copy_root("core-myst", tmp_path), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{sphinxuseclass}{teamext-card}" in tex
    assert r"\begin{sphinxuseclass}{teamext-role}" in tex
    assert "Machine Learning Engineer" in tex
    # the person card's title, bold after its kind (not only a link to it)
    assert r"\DUrole{teamext-kind}{Person} \sphinxstylestrong{Person A}" in tex
    # cross-references become hyperrefs to the record's label
    assert r"\hyperref[\detokenize{roles:team-role-mle}]" in tex
    assert "First hires" in tex


def test_texinfo_output_mentions_every_record_and_links_to_it(tmp_path):
    app = build(copy_root("core-myst", tmp_path), "texinfo")
    texi = next(app.outdir.glob("*.texi")).read_text(encoding="utf-8")
    for title in ("Machine Learning Engineer", "Person A", "Programming challenge"):
        assert title in texi
    assert "Low-level API design for web services" in texi
    assert "@ref{" in texi  # cross-references stay links in Info


def test_man_output_mentions_every_record(tmp_path):
    app = build(copy_root("core-myst", tmp_path), "man")
    page = next(app.outdir.glob("*.1")).read_text(encoding="utf-8")
    for title in ("Machine Learning Engineer", "Person A", "Programming challenge"):
        assert title in page


def test_gettext_catalog_collects_card_text(tmp_path):
    app = build(copy_root("core-myst", tmp_path), "gettext")
    pot = (app.outdir / "roles.pot").read_text(encoding="utf-8")
    assert "Owns models end to end." in pot
