"""Diagrams as pictures for the formats that run no scripts: LaTeX and the EPUB.

A web page draws its mermaid diagrams in the reader's browser; a PDF and an
e-reader cannot. There mermaid-cli (``mermaid_cmd``) draws each diagram while
the book is built:

- LaTeX: sphinxcontrib-mermaid draws a PDF per diagram itself.
- EPUB: this module draws a PNG per diagram into the book's ``_images/`` (a
  white background, twice the pixels, for sharp text on small screens) and
  shows it as an ``<img>`` whose alternative text names the diagram's boxes.

Without mermaid-cli, or with ``teamext_diagrams = "fallback"``, org charts and
team shapes are shown in words (:func:`drawing_available`, asked by the views),
and a plain ``mermaid`` block by its description: never as source.

Drawings are cached under a hash of their code, which leaves out the drawing
settings (``mermaid_params``) and the installed mermaid-cli: the settings are
recorded next to the drawings, and the drawings dropped when they change.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shlex
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from ..lines import line_of
from ..warnings import warn

logger = logging.getLogger(__name__)

#: Builders that write an EPUB (the book is a zip: no scripts, local files only).
EPUB_BUILDERS = frozenset({"epub"})
STAMP = ".mermaid-settings.json"
IMAGES = "_images"
#: What an EPUB picture needs beyond ``mermaid_params``; a setting given there wins.
EPUB_EXTRA = (("--backgroundColor", "-b", "white"), ("--scale", "-s", "2"))
#: ``mermaid_params`` that only mean something for a PDF.
PDF_ONLY = frozenset({"--pdfFit", "-f"})
#: Box labels in mermaid code: ``id["label"]``, ``id[label]``, ``id("label")``, ``id{label}``.
LABEL = re.compile(r"""\w[\[({]+(?:"([^"]*)"|([^"\])}]+))[\])}]+""")
#: A diagram's title line (``title ...`` or ``accTitle: ...``).
TITLE = re.compile(r"^\s*(?:title\s+|accTitle:\s*)(.+)$", re.M)


def draws_pictures(builder: Builder) -> bool:
    """Whether diagrams in this builder's output must be pictures drawn while building."""
    return builder.format == "latex" or builder.name in EPUB_BUILDERS


def drawing_tool(config: Any) -> str | None:
    """The program ``mermaid_cmd`` runs, when it can be found; else None."""
    cmd = getattr(config, "mermaid_cmd", "mmdc") or "mmdc"
    try:
        args = shlex.split(cmd) if isinstance(cmd, str) else [str(a) for a in cmd]
    except ValueError:
        return None
    if not args:
        return None
    program = args[0]
    if Path(program).parent != Path():  # a path: it must be there and runnable
        path = Path(program)
        if not path.is_absolute():
            path = Path(getattr(config, "confdir", "") or ".") / path
        return str(path) if path.is_file() and shutil.which(str(path)) else None
    return shutil.which(program)


def drawing_available(builder: Builder, location: Any) -> bool:
    """Whether a diagram in a picture-drawing builder (:func:`draws_pictures`) is
    drawn. ``teamext_diagrams = "fallback"`` says no on purpose, quietly; a
    missing mermaid-cli says no once per build, as a ``teamext.diagram``
    warning at ``location`` (a node or ``(docname, line)``)."""
    config = builder.config
    if getattr(config, "teamext_diagrams", "auto") == "fallback":
        return False
    known = getattr(builder, "_teamext_drawing_tool", None)
    if known is None:
        known = drawing_tool(config) is not None
        builder._teamext_drawing_tool = known  # type: ignore[attr-defined]
        if not known:
            if isinstance(location, tuple):
                location = (location[0], line_of(builder.env, location))
            cmd = getattr(config, "mermaid_cmd", "mmdc")
            warn(
                f"cannot draw diagrams for {builder.name}: the drawing tool {cmd!r} "
                "(mermaid_cmd, mermaid-cli) was not found; org charts are shown as "
                "reporting trees, team shapes as their tables and other diagrams by "
                "their description. Install mermaid-cli, set mermaid_cmd, or set "
                'teamext_diagrams = "fallback" to choose this on purpose',
                "diagram",
                location,
            )
    return bool(known)


def epub_params(config: Any) -> list[str]:
    """mermaid-cli's arguments for an EPUB picture: ``mermaid_params`` without the
    PDF-only ones, plus a white background and twice the pixels unless set."""
    params = [str(p) for p in getattr(config, "mermaid_params", None) or []]
    params = [p for p in params if p not in PDF_ONLY]
    for long, short, value in EPUB_EXTRA:
        if long not in params and short not in params:
            params += [long, value]
    return params


def installed_versions(cmd: str) -> dict[str, str]:
    """Versions of mermaid-cli and mermaid next to ``node_modules/.bin/mmdc``."""
    modules = Path(cmd).parent.parent
    versions = {}
    for package in ("@mermaid-js/mermaid-cli", "mermaid"):
        try:
            meta = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict):
            versions[package] = str(meta.get("version", ""))
    return versions


def settings_of(builder: Builder) -> str:
    config = builder.config
    params = epub_params(config) if builder.name in EPUB_BUILDERS else config.mermaid_params
    tool = drawing_tool(config) or ""
    return json.dumps(
        {"params": [str(p) for p in params], "versions": installed_versions(tool)},
        sort_keys=True,
    )


def check_stamp(app: Sphinx) -> None:
    """Drop the drawings of the PDF or the EPUB when the settings that drew them changed."""
    builder = app.builder
    if builder.format == "latex":
        drawings = Path(builder.outdir)
        pattern = "mermaid-*.pdf"
        stamp = drawings / STAMP
    elif builder.name in EPUB_BUILDERS:
        drawings = Path(builder.outdir) / IMAGES
        pattern = "mermaid-*.png"
        # Not in the book's folder: every file there goes into the EPUB.
        stamp = Path(builder.doctreedir) / f"{builder.name}{STAMP}"
    else:
        return
    now = settings_of(builder)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == now:
        return
    stale = sorted(drawings.glob(pattern))
    for path in stale:
        path.unlink()
    if stale:
        logger.info("mermaid: settings changed, %d diagram(s) will be drawn again", len(stale))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(now, encoding="utf-8")


def describe(code: str) -> str:
    """A diagram in words: its title and the labels of its boxes (or the entries
    of a timeline), in order. The alternative text of its picture."""
    body = code.split("\n---\n", 1)[1] if code.startswith("---\n") else code  # front matter
    texts = [m[1] for m in TITLE.finditer(body)]
    if body.lstrip().startswith("timeline"):
        for line in body.splitlines()[1:]:
            if not TITLE.match(line):
                texts += line.split(" : ")
    texts += [m[1] if m[1] is not None else m[2] for m in LABEL.finditer(body)]
    labels: list[str] = []
    for text in texts:
        text = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text)  # mermaid's entity codes
        label = " ".join(re.sub(r"<br\s*/?>", " ", text).strip(" :").split())
        if label and label not in labels:
            labels.append(label)
    return "Diagram: " + "; ".join(labels) if labels else "Diagram"


def run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def draw_png(builder: Builder, code: str, options: dict[str, Any]) -> str:
    """Draw ``code`` as a PNG in the book's ``_images/`` unless it is there; its URI."""
    config = builder.config
    key = (code + json.dumps(options, sort_keys=True, default=str)).encode("utf-8")
    name = f"mermaid-{hashlib.sha1(key, usedforsecurity=False).hexdigest()}.png"
    out = Path(builder.outdir) / IMAGES / name
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        cmd = config.mermaid_cmd
        args = shlex.split(cmd) if isinstance(cmd, str) else [str(a) for a in cmd]
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "diagram.mmd"
            source.write_text(code, encoding="utf-8")
            args += [*epub_params(config), "-i", str(source), "-o", str(out)]
            try:
                done: subprocess.CompletedProcess[str] | None = run_cli(args)
            except OSError:
                done = None
        if done is None or done.returncode != 0 or not out.is_file():
            why = "it cannot be run" if done is None else done.stderr.strip()[-500:]
            raise RuntimeError(f"mermaid-cli ({cmd}) did not draw the diagram: {why}")
    return posixpath.join(str(getattr(builder, "imgpath", IMAGES)), name)


def visit_mermaid(translator: Any, node: nodes.Element) -> None:
    """In an EPUB a diagram is a picture (or, without one, its description);
    every other HTML builder leaves it to sphinxcontrib-mermaid."""
    from sphinxcontrib.mermaid import html_visit_mermaid

    builder = translator.builder
    if builder.name not in EPUB_BUILDERS or builder.config.mermaid_output_format != "raw":
        html_visit_mermaid(translator, node)
        return
    code = node["code"]
    alt = node.get("alt") or describe(code)
    if drawing_available(builder, node):
        try:
            uri = draw_png(builder, code, node.get("options", {}))
        except RuntimeError as error:
            warn(str(error), "diagram", node)
        else:
            translator.body.append(
                f'<div class="mermaid-drawing"><img src="{escape(uri)}" alt="{escape(alt)}" />'
                "</div>\n"
            )
            raise nodes.SkipNode
    translator.body.append(f'<p class="mermaid-description">{escape(alt)}</p>\n')
    raise nodes.SkipNode


def latex_visit_mermaid(translator: Any, node: nodes.Element) -> None:
    """In LaTeX sphinxcontrib-mermaid has mermaid-cli draw a PDF; without the
    tool, or with the fallback chosen, the diagram is shown by its description."""
    from sphinxcontrib.mermaid import latex_visit_mermaid as draw

    if drawing_available(translator.builder, node):
        draw(translator, node)
        return
    alt = node.get("alt") or describe(node["code"])
    translator.body.append("\n\\par\\emph{" + translator.encode(alt) + "}\\par\n")
    raise nodes.SkipNode


def setup_pictures(app: Sphinx) -> None:
    from sphinxcontrib.mermaid import mermaid

    app.add_node(
        mermaid, override=True, html=(visit_mermaid, None), latex=(latex_visit_mermaid, None)
    )
    app.connect("builder-inited", check_stamp)
