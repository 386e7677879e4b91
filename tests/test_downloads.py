"""The PDF and EPUB downloads of the site (docs/_ext/pdf_download.py and the sidebar
template docs/_templates/sidebar/downloads.html), on a small project under furo.

Each built file is offered in the sidebar of every page and on the home page,
and copied next to the home page; a file that was not built is not offered;
the EPUB builder gets no download link and no copy (a book links to nothing
outside itself).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PDF, EPUB = "ml-team-handbook.pdf", "ml-team-handbook.epub"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    src = copy_root("pdf-download", tmp_path)
    (src / "sub").mkdir()
    (src / "sub" / "nested.rst").write_text("Nested\n======\n\nA page one folder down.\n")
    with (src / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n.. toctree::\n   :hidden:\n\n   sub/nested\n")
    (src / "handbook.epub").write_bytes(b"PK" + b"\0" * 2_000_000)
    return src


def site(src: Path, pdf: str, epub: str, builder: str = "html") -> Any:
    from pdf_download import furo_sidebars  # docs/_ext: the handbook's own sidebar list

    overrides = {
        "html_theme": "furo",
        "templates_path": [str(DOCS / "_templates")],
        "html_sidebars": {"**": furo_sidebars()},
        "handbook_pdf": pdf,
        "handbook_epub": epub,
    }
    return build(src, builder, confoverrides=overrides)


def soup(app: Any, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def sidebar(app: Any, page: str) -> list[tuple[str, str]]:
    links = soup(app, page).select(".sidebar-drawer .sidebar-downloads a")
    return [(str(a["href"]), a.get_text(" ", strip=True)) for a in links]


def test_both_files_in_the_sidebar_of_every_page_and_on_the_home_page(project: Path) -> None:
    app = site(project, str(project / "handbook.pdf"), str(project / "handbook.epub"))
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    for name, source in ((PDF, "handbook.pdf"), (EPUB, "handbook.epub")):
        assert (app.outdir / name).read_bytes() == (project / source).read_bytes()
    assert sidebar(app, "index.html") == [(PDF, "PDF (0.0 MB)"), (EPUB, "EPUB (2.0 MB)")]
    assert sidebar(app, "page.html") == sidebar(app, "index.html")
    assert sidebar(app, "sub/nested.html") == [
        (f"../{PDF}", "PDF (0.0 MB)"),
        (f"../{EPUB}", "EPUB (2.0 MB)"),
    ]
    # after furo's navigation tree, inside the sidebar's scrolling part
    drawer = soup(app, "page.html").select_one(".sidebar-scroll")
    assert drawer is not None
    parts = list(drawer.find_all("div", recursive=False))
    assert [p["class"][-1] for p in parts][:2] == ["sidebar-tree", "sidebar-downloads"]
    line = soup(app, "index.html").select_one("p.handbook-downloads")
    assert line is not None
    assert " ".join(line.get_text().split()) == (
        "Reading offline? Download the whole handbook as a PDF (0.0 MB) "
        "or an EPUB (2.0 MB, for e-readers)."
    )
    assert [a["href"] for a in line.select("a")] == [PDF, EPUB]


def test_only_the_files_that_exist(project: Path) -> None:
    app = site(project, str(project / "missing.pdf"), str(project / "handbook.epub"))
    assert not (app.outdir / PDF).exists()
    assert sidebar(app, "page.html") == [(EPUB, "EPUB (2.0 MB)")]
    line = soup(app, "index.html").select_one("p.handbook-downloads")
    assert line is not None and "as an EPUB" in line.get_text() and "PDF" not in line.get_text()


def test_nothing_offered_without_files(project: Path) -> None:
    app = site(project, "", "")
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    assert soup(app, "page.html").select(".sidebar-downloads") == []
    assert soup(app, "index.html").select(".handbook-downloads") == []
    assert not (app.outdir / PDF).exists() and not (app.outdir / EPUB).exists()


def test_the_epub_holds_no_download(project: Path) -> None:
    app = site(project, str(project / "handbook.pdf"), str(project / "handbook.epub"), "epub")
    assert app.statuscode == 0
    assert not (app.outdir / PDF).exists() and not (app.outdir / EPUB).exists()
    for page in ("index.xhtml", "page.xhtml"):
        text = (app.outdir / page).read_text(encoding="utf-8")
        assert "handbook-download" not in text and ".pdf" not in text
