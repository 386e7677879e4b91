"""The EPUB handbook under an outside judge: EPUBCheck, and what an e-reader needs.

The handbook is built with the EPUB builder (as ``nox -s epub`` does) and the
book is checked by EPUBCheck (Debian's ``epubcheck``, a Java program): no fatal
error and no error; its warnings are printed. Beyond what EPUBCheck checks, the
book holds no script and no form control, links to nothing outside itself,
shows each diagram as a picture drawn by mermaid-cli, and lists task items as
text.

Marked ``epub``: EPUBCheck, node, mermaid-cli and Chromium come from
scripts/install-system-deps.sh and ``npm ci``. Locally a missing tool skips with
the reason; in CI (``CI=true``) it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.epub

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
NAME = "ml-team-handbook"  # epub_basename in docs/conf.py
MMDC = ROOT / "node_modules" / ".bin" / "mmdc"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")  # Debian's epubcheck
#: ``ERROR(RSC-005): path/file.xhtml(12,3): message``
MESSAGE = re.compile(
    r"^(?P<level>FATAL|ERROR|WARNING|USAGE|INFO)\((?P<code>[A-Z]+-\d+)\): (?P<text>.*)$"
)
FORM_CONTROLS = ("script", "input", "button", "select", "textarea", "form", "iframe", "object")


def epubcheck_command() -> list[str] | None:
    """``java -jar`` on Debian's jar (its /usr/bin wrapper needs binfmt, absent in
    containers); the ``epubcheck`` command elsewhere."""
    if shutil.which("java") and EPUBCHECK.is_file():
        return ["java", "-jar", str(EPUBCHECK)]
    found = shutil.which("epubcheck")
    return [found] if found else None


def require_tools() -> list[str]:
    found = {
        "EPUBCheck and Java": epubcheck_command(),
        "node": shutil.which("node"),
        "node_modules/.bin/mmdc (npm ci)": MMDC.exists(),
        "/usr/bin/chromium": Path("/usr/bin/chromium").exists(),
    }
    missing = [name for name, ok in found.items() if not ok]
    if missing:
        reason = "the EPUB needs " + ", ".join(missing) + " (scripts/install-system-deps.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    command = epubcheck_command()
    assert command is not None
    return command


@dataclass
class Book:
    app: SphinxTestApp
    path: Path
    names: set[str] = field(repr=False)
    pages: dict[str, BeautifulSoup] = field(repr=False)
    diagrams: int = 0
    warnings: str = field(default="", repr=False)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    require_tools()
    from sphinxcontrib.mermaid import mermaid

    builddir = tmp_path_factory.mktemp("epub")
    app = SphinxTestApp(
        "epub", srcdir=DOCS, builddir=builddir, status=StringIO(), warning=StringIO(),
        freshenv=True,
    )  # fmt: skip
    counted: list[int] = []
    # Counted after every transform, so generated diagrams (org charts) count too.
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: counted.append(len(list(doctree.findall(mermaid)))),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0
    path = Path(app.outdir) / f"{NAME}.epub"
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        pages = {
            n: BeautifulSoup(z.read(n).decode("utf-8"), "html.parser")
            for n in names
            if n.endswith(".xhtml")
        }
    return Book(app, path, names, pages, sum(counted), app.warning.getvalue())


def test_the_book_builds_without_warnings(book: Book) -> None:
    assert "WARNING" not in book.warnings and "ERROR" not in book.warnings, book.warnings
    assert book.path.stat().st_size > 50_000


def test_epubcheck_finds_no_error(book: Book) -> None:
    done = subprocess.run(
        [*require_tools(), str(book.path)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    out = done.stdout + done.stderr
    found = [MESSAGE.match(line.strip()) for line in out.splitlines()]
    messages = [m for m in found if m]
    errors = [m[0] for m in messages if m["level"] in ("FATAL", "ERROR")]
    warnings = [m[0] for m in messages if m["level"] == "WARNING"]
    print(f"EPUBCheck: {len(warnings)} warning(s)", *warnings, sep="\n  ")
    assert "Messages:" in out, out[-3000:]  # it ran to the end
    assert not errors, f"{len(errors)} error(s):\n" + "\n".join(errors)
    assert done.returncode == 0, out[-3000:]


def test_metadata(book: Book) -> None:
    with zipfile.ZipFile(book.path) as z:
        opf = z.read("content.opf").decode("utf-8")
    config = book.app.config
    assert f"<dc:title>{config.project}</dc:title>" in opf
    assert "<dc:language>en</dc:language>" in opf
    assert f"<dc:creator>{config.author}</dc:creator>" in opf
    assert re.search(r'<dc:identifier id="ml-team-handbook">ml-team-handbook</dc:identifier>', opf)


def test_no_script_and_no_form_control(book: Book) -> None:
    found = [
        f"{name}: <{tag.name}>"
        for name, soup in sorted(book.pages.items())
        for tag in soup.find_all(FORM_CONTROLS)
    ]
    assert found == []
    assert not [n for n in book.names if n.endswith((".js", ".mjs"))]


def test_links_stay_inside_the_book(book: Book) -> None:
    """Relative links and pictures name files in the book; no link to the PDF."""
    outside = []
    for name, soup in book.pages.items():
        for tag in soup.find_all(["a", "img", "link"]):
            ref = tag.get("href") or tag.get("src")
            if not isinstance(ref, str) or not ref or ref.startswith("#"):
                continue
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = os.path.normpath(PurePosixPath(name).parent / unquote(parts.path))
            if parts.scheme or target not in book.names:
                outside.append(f"{name}: {ref}")
    assert outside == []
    assert not any(".pdf" in str(a.get("href")) for s in book.pages.values() for a in s("a"))


def test_every_diagram_is_a_picture_drawn_by_mermaid_cli(book: Book) -> None:
    pictures = [
        (name, img)
        for name, soup in book.pages.items()
        for img in soup.select(".mermaid-drawing img")
    ]
    assert book.diagrams >= 2
    assert len(pictures) == book.diagrams
    assert not [n for n, s in book.pages.items() if s.select("pre.mermaid, .mermaid-description")]
    with zipfile.ZipFile(book.path) as z:
        for name, img in pictures:
            src = os.path.normpath(PurePosixPath(name).parent / str(img["src"]))
            data = z.read(src)
            assert data.startswith(b"\x89PNG"), src
            assert len(data) > 2000, src
            alt = str(img.get("alt", ""))
            assert alt.startswith("Diagram: ") and len(alt) > 20, (src, alt)


def test_task_lists_are_text(book: Book) -> None:
    items = [li for soup in book.pages.values() for li in soup.select("li.task-list-item")]
    assert items
    for li in items:
        assert li.get_text().lstrip().startswith(("☐ ", "☑ ")), li


def test_unchanged_rebuild_draws_no_diagram_again(book: Book, monkeypatch: Any) -> None:
    from sphinx_teamext.render import pictures

    calls: list[Any] = []

    def no_drawing(args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        raise FileNotFoundError(args[0])

    monkeypatch.setattr(pictures, "run_cli", no_drawing)
    before = {p.name: p.stat().st_mtime_ns for p in (book.path.parent / "_images").glob("*.png")}
    assert before
    app = SphinxTestApp(
        "epub", srcdir=DOCS, builddir=book.path.parent.parent, status=StringIO(),
        warning=StringIO(), freshenv=True,
    )  # fmt: skip
    try:
        app.build()
    finally:
        app.cleanup()
    assert calls == []
    assert "mermaid" not in app.warning.getvalue()
    after = {p.name: p.stat().st_mtime_ns for p in (book.path.parent / "_images").glob("*.png")}
    assert after == before
