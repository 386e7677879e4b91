"""The PDF handbook: LaTeX for cards and maps, the download link, and the PDF itself.

Tests marked ``pdf`` need latexmk, pdflatex, node, mermaid-cli and Chromium.
Locally they skip, naming what is missing; in CI (``CI=true``) a missing tool
is a failure, so the PDF is always checked there. The real handbook is built
once per module (LaTeX builder, one latexmk run) and read back with pypdf.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from helpers import build, copy_root
from sphinx.testing.util import SphinxTestApp

from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.render.skill_map import MapData
from sphinx_teamext.views import view_data

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
NAME = "ml-team-handbook"
MMDC = ROOT / "node_modules" / ".bin" / "mmdc"


def missing_tools() -> list[str]:
    found = {
        "latexmk": shutil.which("latexmk"),
        "pdflatex": shutil.which("pdflatex"),
        "node": shutil.which("node"),
        "node_modules/.bin/mmdc (npm ci)": MMDC.exists(),
        "/usr/bin/chromium": Path("/usr/bin/chromium").exists(),
    }
    return [name for name, ok in found.items() if not ok]


def require_tools() -> None:
    """Skip with the reason locally; fail in CI, where the PDF must be tested."""
    missing = missing_tools()
    if missing:
        reason = "the PDF needs " + ", ".join(missing) + " (scripts/install-system-deps.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def latexmk(texdir: Path, texname: str) -> None:
    result = subprocess.run(
        ["latexmk", "-pdf", "-dvi-", "-ps-", "-silent", "-interaction=nonstopmode",
         "-halt-on-error", texname],
        cwd=texdir, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "LATEXOPTS": ""},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def norm(text: str) -> str:
    """Text as compared: no whitespace or hyphens (line breaks and hyphenation
    differ between the source and the page), plain quotes, no ligatures."""
    text = unicodedata.normalize("NFKC", text)
    for fancy, plain in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("\u00ad", "")):
        text = text.replace(fancy, plain)
    return re.sub(r"[\s\-]+", "", text).lower()


# -- the small root: LaTeX text only, no latexmk -------------------------------------------


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("pdf-cards", tmp_path_factory.mktemp("cards")), "latex")


def tex_of(app: SphinxTestApp) -> str:
    return (app.outdir / "cards.tex").read_text(encoding="utf-8")


def test_every_card_is_a_box_of_its_kind(cards: SphinxTestApp) -> None:
    tex = tex_of(cards)
    domain = cards.env.get_domain("team")
    assert isinstance(domain, TeamDomain)
    records = domain.records()
    assert {r.kind for r in records} == {"skill", "stage", "role", "person"}
    assert tex.count(r"\begin{sphinxuseclass}{teamext-card}") == len(records)
    for record in records:
        # the kind opens first (it sets the colour), then the box with its anchor and title
        label = rf"\label{{\detokenize{{{record.docname}:{record.anchor}}}}}"
        opening = "\n".join([
            rf"\begin{{sphinxuseclass}}{{teamext-{record.kind}}}",
            rf"\begin{{sphinxuseclass}}{{teamext-card}}\phantomsection{label}",
            r"\begin{sphinxuseclass}{teamext-card-title}",
        ])  # fmt: skip
        assert opening in tex, record.id
        start = tex.index(opening)
        title = record.title.replace("-", r"\sphinxhyphen{}")
        assert title in tex[start : start + 400], record.id


def test_links_to_cards_resolve_on_the_right_page(cards: SphinxTestApp) -> None:
    tex = tex_of(cards)
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    targets = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex)
    team = [t for t in targets if ":team-" in t]
    assert len(team) > 20
    assert [t for t in targets if t not in labels] == []
    # a link on the people page to a role defined on the index page
    assert r"\hyperref[\detokenize{index:team-role-mle}]" in tex.split(r"\chapter{People}")[1]


def test_style_file_is_shipped_and_loaded(cards: SphinxTestApp) -> None:
    tex = tex_of(cards)
    preamble = tex.split(r"\begin{document}")[0]
    assert r"\usepackage{sphinxteamext}" in preamble
    sty = (cards.outdir / "sphinxteamext.sty").read_text(encoding="utf-8")
    for env in ("teamext-card", "teamext-card-title", "teamext-role", "teamext-person",
                "teamext-stage", "teamext-skill", "teamext-skill-map", "teamext-scorecard",
                "sd-card"):  # fmt: skip
        assert rf"\newenvironment{{sphinxclass{env}}}" in sty, env
    assert "tcolorbox" in sty and "breakable" in sty
    # the level squares and the scorecard box have glyphs under pdflatex
    for code in ("25A0", "25A1", "2610"):
        assert rf"\DeclareUnicodeCharacter{{{code}}}" in sty
    assert re.search(r"sphinxclassteamext-scorecard\}\{\\clearpage", sty)


def test_skill_maps_are_tables_that_fit_the_line(cards: SphinxTestApp) -> None:
    tex = tex_of(cards)
    specs = re.findall(
        r"\\begin\{tabular\}\[t\]\{((?:>\{\\raggedright\\arraybackslash\}\\Y\{[\d.]+\})+)\}", tex
    )
    assert len(specs) == 2  # the roles map and the people map
    for spec in specs:
        widths = [float(w) for w in re.findall(r"\\Y\{([\d.]+)\}", spec)]
        assert abs(sum(widths) - 1) < 0.01
    columns = sorted(len(re.findall(r"\\Y", spec)) for spec in specs)
    assert columns == [3, 7]  # people: 2 skills; roles: 6 skills
    # six skill columns are wide: a smaller font
    wide = tex.index(r"\begin{sphinxuseclass}{teamext-skill-map-wide}")
    assert tex.index(r"\sphinxcaption{Roles against skills}") > wide


def test_scorecard_and_design_components_keep_their_hooks(cards: SphinxTestApp) -> None:
    tex = tex_of(cards)
    body = tex.split(r"\begin{sphinxuseclass}{teamext-scorecard}")[1]
    assert "☐ Strong yes" in body.split(r"\end{sphinxuseclass}")[0]
    for text in ("Design card title", "First tab", "Second tab", "Hidden content of the dropdown"):
        assert text in tex
    assert r"\begin{sphinxuseclass}{sd-card}" in tex


def test_html_is_untouched_by_the_latex_polish(tmp_path: Path) -> None:
    app = build(copy_root("pdf-cards", tmp_path), "html")
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = soup.find(id="team-role-mle")
    assert card is not None and "teamext-card" in card["class"]
    assert card["class"].index("teamext-card") < card["class"].index("teamext-role")
    assert soup.select(".teamext-card-title") and not soup.select("div.teamext-card-title")


# -- the download link in the HTML ------------------------------------------------------


def test_home_page_offers_the_pdf_when_built(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    src = copy_root("pdf-download", tmp_path)
    app = build(src, "html", confoverrides={"handbook_pdf": str(src / "handbook.pdf")})
    assert (app.outdir / "ml-team-handbook.pdf").read_bytes() == (src / "handbook.pdf").read_bytes()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("a.handbook-pdf-link")
    assert link is not None and link["href"] == "ml-team-handbook.pdf"
    assert "PDF" in link.get_text()
    # above the contents, on the home page only
    toc = soup.select_one(".toctree-wrapper")
    assert toc is not None and link.find_next(class_="toctree-wrapper") is toc
    other = (app.outdir / "page.html").read_text(encoding="utf-8")
    assert "handbook-pdf-link" not in other


def test_no_link_without_a_pdf(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    src = copy_root("pdf-download", tmp_path)
    app = build(src, "html", confoverrides={"handbook_pdf": str(src / "missing.pdf")})
    assert not (app.outdir / "ml-team-handbook.pdf").exists()
    assert "handbook-pdf-link" not in (app.outdir / "index.html").read_text(encoding="utf-8")
    assert app.warning.getvalue() == ""


# -- the small root through pdflatex ------------------------------------------------------


@pytest.mark.pdf
def test_cards_root_compiles_with_boxes_and_a_page_per_scorecard(tmp_path: Path) -> None:
    require_tools()
    from pypdf import PdfReader

    app = build(copy_root("pdf-cards", tmp_path), "latex")
    latexmk(app.outdir, "cards.tex")
    log = (app.outdir / "cards.log").read_text(encoding="latin-1")
    assert "undefined" not in log.replace("\n", "")
    pages = [p.extract_text() for p in PdfReader(app.outdir / "cards.pdf").pages]
    [page] = [p for p in pages if "Scorecard: take-home exercise" in p]
    assert "Some text before the scorecard" not in page
    assert "☐ Strong yes" in page or "□ Strong yes" in page
    text = norm("".join(pages))
    for title in ("Machine learning engineer", "Ada Example", "Take-home exercise"):
        assert norm(title) in text
    assert norm("■■■□ fluent (3/4)") in text


# -- the real handbook ------------------------------------------------------------------------


@dataclass
class Handbook:
    app: SphinxTestApp
    outdir: Path
    tex: str
    pages: list[str]
    text: str
    outline: list[str]
    reader: Any
    diagrams: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def domain(self) -> TeamDomain:
        domain = self.app.env.get_domain("team")
        assert isinstance(domain, TeamDomain)
        return domain

    def included(self) -> list[str]:
        """Pages in the PDF, in order: the root's toctrees, depth first."""
        includes = self.app.env.toctree_includes
        order: list[str] = []
        stack = list(reversed(includes.get("index", [])))
        while stack:
            doc = stack.pop()
            if doc not in order:
                order.append(doc)
                stack.extend(reversed(includes.get(doc, [])))
        return order


def flatten(outline: list[Any]) -> list[str]:
    out: list[str] = []
    for item in outline:
        if isinstance(item, list):
            out += flatten(item)
        else:
            out.append(str(item.title))
    return out


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    require_tools()
    from pypdf import PdfReader
    from sphinxcontrib.mermaid import mermaid

    builddir = tmp_path_factory.mktemp("handbook")
    app = SphinxTestApp(
        "latex", srcdir=DOCS, builddir=builddir, status=StringIO(), warning=StringIO(),
        freshenv=True,
    )  # fmt: skip
    diagrams: list[str] = []
    # Counted after every transform, so generated diagrams (org charts) count too.
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: diagrams.extend(n["code"] for n in doctree.findall(mermaid)),
    )
    seconds = {}
    start = time.monotonic()
    try:
        app.build()
    finally:
        app.cleanup()
    seconds["sphinx"] = time.monotonic() - start
    warnings = app.warning.getvalue()
    assert "WARNING" not in warnings and "ERROR" not in warnings, warnings
    start = time.monotonic()
    latexmk(app.outdir, f"{NAME}.tex")
    seconds["latexmk"] = time.monotonic() - start
    reader = PdfReader(app.outdir / f"{NAME}.pdf")
    pages = [page.extract_text() for page in reader.pages]
    return Handbook(
        app=app,
        outdir=app.outdir,
        tex=(app.outdir / f"{NAME}.tex").read_text(encoding="utf-8"),
        pages=pages,
        text=norm("\n".join(pages)),
        outline=[norm(t) for t in flatten(reader.outline)],
        reader=reader,
        diagrams=diagrams,
        seconds=seconds,
    )


@pytest.mark.pdf
def test_title_page_has_version_and_build_date(handbook: Handbook) -> None:
    from sphinx.locale import _
    from sphinx.util.i18n import format_date

    config = handbook.app.config
    first = norm(handbook.pages[0])
    assert norm(config.project) in first
    assert norm(f"Version {config.release}") in first
    assert (
        norm(format_date(str(config.today_fmt or _("%b %d, %Y")), language=config.language))
        in first
    )


@pytest.mark.pdf
def test_every_chapter_is_in_the_text_and_the_bookmarks(handbook: Handbook) -> None:
    env = handbook.app.env
    chapters = handbook.app.env.toctree_includes["index"]
    assert len(chapters) >= 5
    for doc in chapters:
        title = norm(env.titles[doc].astext())
        assert title in handbook.text, doc
        assert any(title in entry for entry in handbook.outline), doc


@pytest.mark.pdf
def test_every_section_has_a_bookmark(handbook: Handbook) -> None:
    env = handbook.app.env
    missing = []
    for doc in handbook.included():
        for ref in env.tocs[doc].findall(nodes.reference):
            title = norm(ref.astext())
            if not any(title in entry for entry in handbook.outline):
                missing.append((doc, ref.astext()))
    assert missing == []


@pytest.mark.pdf
def test_indices_are_in_the_pdf(handbook: Handbook) -> None:
    for name in ("Role index", "Skill index"):
        assert norm(name) in handbook.outline


@pytest.mark.pdf
def test_every_card_title_is_in_the_text(handbook: Handbook) -> None:
    docs = set(handbook.included())
    records = [r for r in handbook.domain.records() if r.docname in docs]
    assert {r.kind for r in records} >= {"role", "skill"}
    assert [r.title for r in records if norm(r.title) not in handbook.text] == []
    # each card is one box: LaTeX wraps it in the card environment
    assert handbook.tex.count(r"\begin{sphinxuseclass}{teamext-card}") == len(records)


@pytest.mark.pdf
def test_every_skill_map_cell_is_in_the_text(handbook: Handbook) -> None:
    domain, config = handbook.domain, handbook.app.config
    scale = list(config.teamext_levels)
    top = len(scale) - 1
    docs = handbook.included()
    maps = [
        data
        for doc in docs
        for view in domain.views_by_doc().get(doc, [])
        if view.what == "map"
        for data in [view_data(domain, view)]
        if isinstance(data, MapData) and data.rows and data.skills
    ]
    assert maps, "the handbook has skill maps"
    # Each map's legend follows its table: the text before legend i holds map i.
    legend = norm("Scale: " + ", ".join(f"{i} {name}" for i, name in enumerate(scale)))
    segments = handbook.text.split(legend)
    assert len(segments) == len(maps) + 1
    for data, segment in zip(maps, segments, strict=False):
        expected = Counter(norm(ref.title) for ref in data.skills)
        for row in data.rows:
            expected[norm(row.head.title)] += 1
            for value in row.levels:
                expected["–" if value is None else norm(f"{scale[value]} ({value}/{top})")] += 1
        short = {cell: n for cell, n in expected.items() if segment.count(cell) < n}
        assert short == {}, data.caption


@pytest.mark.pdf
def test_no_unresolved_references(handbook: Handbook) -> None:
    assert "??" not in handbook.text
    log = (handbook.outdir / f"{NAME}.log").read_text(encoding="latin-1").replace("\n", "")
    assert not re.search(r"(Hyper )?[Rr]eference `[^']*' on page \d+ undefined", log)
    links = sum(
        1
        for page in handbook.reader.pages
        for annot in page.get("/Annots", []) or []
        if annot.get_object().get("/Subtype") == "/Link"
    )
    assert links > 100  # cross-references are clickable


def mermaid_forms(reader: Any) -> dict[str, Any]:
    """Form XObjects pdflatex made from the diagram PDFs, by source file name."""
    forms: dict[str, Any] = {}
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            name = str(obj.get("/PTEX.FileName", ""))
            if obj.get("/Subtype") == "/Form" and "mermaid-" in name:
                forms[Path(name).name] = obj
    return forms


@pytest.mark.pdf
def test_every_diagram_is_vector_graphics_in_the_pdf(handbook: Handbook) -> None:
    sources = sum(
        len(re.findall(r"^(?:```|:::)\{mermaid\}", path.read_text(encoding="utf-8"), re.M))
        for doc in handbook.included()
        for path in [DOCS / f"{doc}.md"]
        if path.exists()
    )
    assert len(handbook.diagrams) >= sources >= 1
    included = re.findall(r"\\sphinxincludegraphics\{(mermaid-[0-9a-f]+\.pdf)\}", handbook.tex)
    assert len(included) == len(handbook.diagrams)
    for name in included:
        assert (handbook.outdir / name).stat().st_size > 1000
    forms = mermaid_forms(handbook.reader)
    assert set(forms) == set(included)
    for name, form in forms.items():
        ops = form.get_data()
        # paths drawn and filled or stroked: vectors, not a picture of the diagram
        assert re.search(rb"(^|\s)(m|l|c|re)\s", ops), name
        assert re.search(rb"(^|\s)(f|f\*|S|B|b)\s", ops), name


@pytest.mark.pdf
def test_unchanged_rebuild_draws_no_diagram_again(handbook: Handbook, monkeypatch: Any) -> None:
    import sphinxcontrib.mermaid

    files = sorted(handbook.outdir.glob("mermaid-*.pdf"))
    assert files
    before = {f.name: f.stat().st_mtime_ns for f in files}
    calls: list[list[str]] = []

    def no_drawing(args: list[str], **kwargs: Any) -> Any:
        calls.append(args)
        raise FileNotFoundError(args[0])

    monkeypatch.setattr(sphinxcontrib.mermaid, "Popen", no_drawing)
    app = SphinxTestApp(
        "latex", srcdir=DOCS, builddir=handbook.outdir.parent, status=StringIO(),
        warning=StringIO(),
    )  # fmt: skip
    start = time.monotonic()
    try:
        app.build()
    finally:
        app.cleanup()
    handbook.seconds["rebuild"] = time.monotonic() - start
    assert calls == []
    assert "mermaid" not in app.warning.getvalue()
    after = {f.name: f.stat().st_mtime_ns for f in handbook.outdir.glob("mermaid-*.pdf")}
    assert after == before
    tex = (handbook.outdir / f"{NAME}.tex").read_text(encoding="utf-8")
    assert sorted(re.findall(r"mermaid-[0-9a-f]+\.pdf", tex)) == sorted(
        re.findall(r"mermaid-[0-9a-f]+\.pdf", handbook.tex)
    )
    print(f"PDF build seconds: {handbook.seconds}")


def test_new_drawing_settings_drop_old_drawings(tmp_path: Path) -> None:
    from sphinx_teamext.render.pictures import check_stamp

    drawing = tmp_path / "mermaid-0123abcd.pdf"
    drawing.write_bytes(b"%PDF-1.4")
    config = SimpleNamespace(mermaid_cmd=str(MMDC), mermaid_params=["--theme", "neutral"])
    builder = SimpleNamespace(format="latex", name="latex", outdir=tmp_path, config=config)
    app: Any = SimpleNamespace(builder=builder)
    check_stamp(app)  # no record of the settings: drawn again
    assert not drawing.exists()
    drawing.write_bytes(b"%PDF-1.4")
    check_stamp(app)  # same settings: kept
    assert drawing.exists()
    config.mermaid_params = ["--theme", "default"]
    check_stamp(app)
    assert not drawing.exists()
