"""Diagrams in every builder are the extension's, not the handbook's: an adopter's
EPUB and LaTeX get pictures drawn by mermaid-cli, or, without it, the reporting
tree and the table with one ``teamext.diagram`` warning; never mermaid source.
``teamext_diagrams = "fallback"`` picks the words on purpose, with no warning.

mermaid-cli itself is stood in for by a small script that writes a picture
(the real one is exercised by the handbook's PDF and EPUB tests)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_root

#: The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
#: What the first word of diagram source looks like: a reader must never see it.
SOURCE = re.compile(r"flowchart (TB|LR)|radar-beta|click n\d+ href|accTitle")


def fake_mmdc(folder: Path) -> Path:
    """A stand-in for mermaid-cli: writes a picture to ``-o`` and logs its arguments."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "mmdc"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "args = sys.argv[1:]\n"
        "out = pathlib.Path(args[args.index('-o') + 1])\n"
        f"out.write_bytes({PNG!r} if out.suffix == '.png' else b'%PDF-1.4 stand-in')\n"
        "with open(pathlib.Path(__file__).with_name('calls.log'), 'a') as log:\n"
        "    log.write(' '.join(args) + '\\n')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def chart_and_shape(dest: Path) -> Path:
    """A project with an org chart and a team shape, ready for an EPUB."""
    return copy_root("diagram-pictures", dest)


def book_pages(app) -> dict[str, str]:
    (path,) = Path(app.outdir).glob("*.epub")
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xhtml")}


def test_epub_with_mermaid_cli_has_pictures(tmp_path: Path) -> None:
    tool = fake_mmdc(tmp_path / "bin")
    app = build(chart_and_shape(tmp_path), "epub", confoverrides={"mermaid_cmd": str(tool)})
    assert app.warning.getvalue() == ""
    pages = book_pages(app)
    index = BeautifulSoup(pages["index.xhtml"], "html.parser")
    pictures = index.select(".mermaid-drawing img")
    assert len(pictures) == 2  # the chart and the radar
    for img in pictures:
        assert re.fullmatch(r"_images/mermaid-[0-9a-f]{40}\.png", img["src"])
        assert (Path(app.outdir) / img["src"]).read_bytes() == PNG
    assert pictures[0]["alt"] == "Diagram: Who reports to whom; ML lead; ML engineer; Ana; Ben"
    legend = " ".join(t.get_text(" ", strip=True) for t in index.select(".teamext-legend"))
    assert "Roles are drawn as boxes and people as rounded boxes." in legend
    assert "links to its card" not in legend  # a picture cannot be clicked
    assert not [name for name, html in pages.items() if SOURCE.search(html)]
    calls = (tmp_path / "bin" / "calls.log").read_text().splitlines()
    assert len(calls) == 2 and all("--backgroundColor white --scale 2" in c for c in calls)


def test_epub_without_mermaid_cli_shows_words_and_says_so_once(tmp_path: Path, warnings_of) -> None:
    missing = tmp_path / "nowhere" / "mmdc"
    app = build(chart_and_shape(tmp_path), "epub", confoverrides={"mermaid_cmd": str(missing)})
    found = warnings_of(app)
    assert [(f, line, sub) for f, line, _m, sub in found] == [("index.md", 7, "teamext.diagram")]
    assert "teamext_diagrams" in found[0][2]
    pages = book_pages(app)
    assert not [name for name, html in pages.items() if SOURCE.search(html)]
    index = BeautifulSoup(pages["index.xhtml"], "html.parser")
    assert len(index.select("ul.teamext-chart-tree")) == 1
    assert index.select_one(".teamext-team-shape table") is not None
    assert index.select_one("img") is None


@pytest.mark.parametrize("builder", ["epub", "latex"])
def test_fallback_on_purpose_passes_w(tmp_path: Path, builder: str) -> None:
    """No mermaid-cli, -W, and teamext_diagrams = "fallback": words, no warning."""
    src = chart_and_shape(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-q", "-d", str(tmp_path / "dt"),
         "-D", "mermaid_cmd=/nonexistent/mmdc", "-D", "teamext_diagrams=fallback",
         str(src), str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    if builder == "latex":
        tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
        assert "mermaid" not in tex.lower() and r"\begin{itemize}" in tex
    else:
        (book,) = out.glob("*.epub")
        with zipfile.ZipFile(book) as z:
            index = z.read("index.xhtml").decode("utf-8")
        assert "teamext-chart-tree" in index and not SOURCE.search(index)


def test_fallback_on_purpose_draws_nothing_even_with_mermaid_cli(tmp_path: Path) -> None:
    tool = fake_mmdc(tmp_path / "bin")
    app = build(
        chart_and_shape(tmp_path),
        "epub",
        confoverrides={"mermaid_cmd": str(tool), "teamext_diagrams": "fallback"},
    )
    assert app.warning.getvalue() == ""
    assert not (tmp_path / "bin" / "calls.log").exists()


def test_html_still_draws_in_the_browser_with_fallback(tmp_path: Path) -> None:
    app = build(chart_and_shape(tmp_path), confoverrides={"teamext_diagrams": "fallback"})
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert html.count('class="mermaid"') == 2


def test_a_plain_mermaid_block_in_an_epub_is_a_picture_or_its_description(tmp_path: Path) -> None:
    src = tmp_path / "plain"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinx_teamext"]\n')
    (src / "index.md").write_text(
        '# Plain\n\n```{mermaid}\nflowchart LR\n  a["Start"] --> b["Finish"]\n```\n'
    )
    app = build(src, "epub", confoverrides={"mermaid_cmd": str(tmp_path / "none")})
    html = book_pages(app)["index.xhtml"]
    assert "Diagram: Start; Finish" in html and not SOURCE.search(html)
    assert app.warning.getvalue().count("[teamext.diagram]") == 1
    tool = fake_mmdc(tmp_path / "bin")
    app = build(src, "epub", confoverrides={"mermaid_cmd": str(tool)}, freshenv=True)
    html = book_pages(app)["index.xhtml"]
    assert 'alt="Diagram: Start; Finish"' in html and "mermaid-drawing" in html


def test_a_plain_mermaid_block_in_latex_without_a_picture_is_its_description(
    tmp_path: Path,
) -> None:
    """Without mermaid-cli: one typed warning (not sphinxcontrib-mermaid's untyped
    one) and the description; with the fallback chosen: no warning at all."""
    src = tmp_path / "plain"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinx_teamext"]\n')
    (src / "index.md").write_text(
        '# Plain\n\n```{mermaid}\nflowchart LR\n  a["Start"] --> b["Finish"]\n```\n'
    )
    app = build(src, "latex", confoverrides={"mermaid_cmd": str(tmp_path / "none")})
    warnings = app.warning.getvalue()
    assert warnings.count("WARNING") == 1 and "[teamext.diagram]" in warnings, warnings
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\emph{Diagram: Start; Finish}" in tex and not SOURCE.search(tex)
    app = build(src, "latex", confoverrides={"teamext_diagrams": "fallback"}, freshenv=True)
    assert app.warning.getvalue() == ""
