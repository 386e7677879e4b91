"""Ladders and growth tables in every builder: text, LaTeX, EPUB and singlehtml
build without warnings and show the step tables and the growth table; no
builder gets raw mermaid, and only HTML pages offer the CSV downloads (the
other outputs have no files to link to)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root

#: Enough metadata for the EPUB builder's own checks to stay quiet.
EPUB_CONF = {"epub_copyright": "2026, the authors", "version": "1", "project": "Growth"}


def text_of(app, pattern: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(app.outdir).glob(pattern)))


@pytest.fixture(scope="module", params=["text", "latex", "epub", "singlehtml"])
def output(request, tmp_path_factory):
    src = copy_root("growth-myst", tmp_path_factory.mktemp(request.param))
    app = build(src, request.param, confoverrides=EPUB_CONF)
    pattern = {"text": "*.txt", "latex": "*.tex", "epub": "*.xhtml", "singlehtml": "index.html"}
    return request.param, app, text_of(app, pattern[request.param])


def test_builds_without_warnings(output):
    _name, app, _text = output
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""


def test_shows_the_step_tables_and_the_growth_table(output):
    name, _app, text = output
    text = text.replace(r"\sphinxhyphen{}", "-")
    arrow = r" \(\rightarrow\) " if name == "latex" else " → "
    for source, target in (
        ("MLE I", "MLE II"),
        ("MLE II", "Senior MLE"),
        ("MLE II", "ML Lead"),
        ("Senior MLE", "Staff MLE"),
        ("ML Lead", "Staff MLE"),
    ):
        assert f"{source}{arrow}{target}" in text, (source, target)
    for words in (
        "changed",  # "expectation changed", which text tables may wrap
        "lowered",
        "dropped",
        "Every rung",
        "Ana against Senior MLE",
        "calibrate",
        "Expected at Senior MLE",
        "tracks branch here",
        "Next level",
        "Previous level",
        "Self assessment (2026-04-01)",
    ):
        assert words in text, words
    assert "not recorded" in text and "mermaid" not in text.lower()


def test_only_html_offers_the_csv_files(output):
    name, app, text = output
    if name == "singlehtml":
        page = BeautifulSoup(text, "html.parser")
        links = [a["href"] for a in page.select("a.teamext-download")]
        assert links == [
            "_teamext/ladder-team-ladder.csv",
            "_teamext/ladder-team-ladder-mle-2.csv",
            "_teamext/growth-team-growth-ana.csv",
            "_teamext/growth-team-growth-ana-form.csv",
        ]
        assert all((Path(app.outdir) / link).is_file() for link in links)
    else:
        assert "Download" not in text
        assert not (Path(app.outdir) / "_teamext").exists()


def test_latex_keeps_the_tables_as_tables(tmp_path):
    app = build(copy_root("growth-myst", tmp_path), "latex")
    tex = text_of(app, "*.tex")
    assert tex.count(r"\sphinxcaption{") >= 7  # five steps, the matrix, the growth table
    assert r"\sphinxcaption{MLE II \(\rightarrow\) ML Lead}" in tex
    assert r"\sphinxcaption{Ana against Senior MLE}" in tex
    assert r"\DUrole{teamext-none}{not recorded}" in tex
