"""Diagrams drawn by mermaid-cli for the reading formats that cannot run scripts.

The PDF: sphinxcontrib-mermaid draws each diagram as a PDF next to the LaTeX
sources, named by a hash of its code and options, and reuses the file when it
exists, so an unchanged rebuild draws nothing. The hash leaves out
``mermaid_params`` (theme, size, browser) and the installed mermaid-cli: after
a change there, the old drawings would stay. So the settings are recorded next
to the drawings, and the drawings dropped when they differ.

The EPUB: e-readers run no scripts, so each diagram becomes a PNG picture drawn
by the same mermaid-cli (with ``mermaid_epub_params``: a white background, twice
the pixels for sharp text), cached the same way in the book's ``_images/``
folder under a hash of its code and options, and shown as an ``<img>`` whose
alternative text names the diagram's boxes.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shlex
import subprocess
import tempfile
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinxcontrib.mermaid import html_visit_mermaid, mermaid

logger = logging.getLogger(__name__)

STAMP = ".mermaid-settings.json"
#: Builders that write an EPUB (the book is a zip: no scripts, local files only).
EPUB_BUILDERS = frozenset({"epub"})
IMAGES = "_images"
#: Box labels in mermaid code: ``id["label"]``, ``id[label]``, ``id("label")``, ``id{label}``.
LABEL = re.compile(r"""\w[\[({]+(?:"([^"]*)"|([^"\])}]+))[\])}]+""")
#: A diagram's title line, and the entries of a timeline (``period : event : event``).
TITLE = re.compile(r"^\s*title\s+(.+)$", re.M)


def installed_versions(cmd: str) -> dict[str, str]:
    """Versions of mermaid-cli and mermaid next to ``node_modules/.bin/mmdc``."""
    modules = Path(cmd).parent.parent
    versions = {}
    for package in ("@mermaid-js/mermaid-cli", "mermaid"):
        manifest = modules / package / "package.json"
        if manifest.is_file():
            versions[package] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return versions


def params_of(app: Sphinx) -> list[str]:
    config = app.config
    if getattr(app.builder, "name", "") in EPUB_BUILDERS:
        return list(config.mermaid_epub_params)
    return list(config.mermaid_params)


def settings_of(app: Sphinx) -> str:
    config = app.config
    cmd = config.mermaid_cmd if isinstance(config.mermaid_cmd, str) else ""
    return json.dumps(
        {"params": params_of(app), "versions": installed_versions(cmd)},
        sort_keys=True,
    )


def check_stamp(app: Sphinx) -> None:
    """Drop the drawings of the PDF or the EPUB when the settings that drew them changed."""
    if app.builder.format == "latex":
        drawings = Path(app.outdir)
        pattern = "mermaid-*.pdf"
        stamp = drawings / STAMP
    elif app.builder.name in EPUB_BUILDERS:
        drawings = Path(app.outdir) / IMAGES
        pattern = "mermaid-*.png"
        # Not in the book's folder: every file there goes into the EPUB.
        stamp = Path(app.doctreedir) / f"{app.builder.name}{STAMP}"
    else:
        return
    now = settings_of(app)
    if stamp.exists() and stamp.read_text(encoding="utf-8") == now:
        return
    stale = sorted(drawings.glob(pattern))
    for path in stale:
        path.unlink()
    if stale:
        logger.info("mermaid: settings changed, %d diagram(s) will be drawn again", len(stale))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(now, encoding="utf-8")


def describe(code: str) -> str:
    """Alternative text for a diagram: its title and the labels of its boxes (or the
    entries of a timeline), in order."""
    body = code.split("\n---\n", 1)[1] if code.startswith("---\n") else code  # front matter
    texts = [m[1] for m in TITLE.finditer(body)]
    if body.lstrip().startswith("timeline"):
        for line in body.splitlines()[1:]:
            if not TITLE.match(line):
                texts += line.split(" : ")
    texts += [m[1] if m[1] is not None else m[2] for m in LABEL.finditer(body)]
    labels: list[str] = []
    for text in texts:
        label = " ".join(re.sub(r"<br\s*/?>", " ", text).strip(" :").split())
        if label and label not in labels:
            labels.append(label)
    return "Diagram: " + "; ".join(labels) if labels else "Diagram"


def run_cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def draw_png(translator: Any, code: str, options: dict[str, Any]) -> str:
    """Draw ``code`` as a PNG in the book's ``_images/`` unless it is there; its URI."""
    builder = translator.builder
    config = builder.config
    key = (code + json.dumps(options, sort_keys=True, default=str)).encode("utf-8")
    name = f"mermaid-{hashlib.sha1(key).hexdigest()}.png"
    out = Path(builder.outdir) / IMAGES / name
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        cmd = config.mermaid_cmd
        args = shlex.split(cmd) if isinstance(cmd, str) else list(cmd)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "diagram.mmd"
            source.write_text(code, encoding="utf-8")
            args += [*config.mermaid_epub_params, "-i", str(source), "-o", str(out)]
            try:
                done = run_cli(args)
            except FileNotFoundError:
                done = None
        if done is None or done.returncode != 0 or not out.is_file():
            why = "cannot be run" if done is None else done.stderr.strip()[-500:]
            raise RuntimeError(f"mermaid-cli ({cmd}) did not draw the diagram: {why}")
    return posixpath.join(builder.imgpath, name)


def visit_mermaid(translator: Any, node: nodes.Element) -> None:
    """In an EPUB a diagram is a picture; every other HTML builder draws it in the browser."""
    if translator.builder.name not in EPUB_BUILDERS:
        html_visit_mermaid(translator, node)
        return
    code = node["code"]
    try:
        uri = draw_png(translator, code, node.get("options", {}))
    except RuntimeError as error:
        logger.warning("%s", error, location=node, type="mermaid", subtype="epub")
        translator.body.append(f'<pre class="mermaid-source">{escape(code)}</pre>\n')
        raise nodes.SkipNode from None
    alt = node.get("alt") or describe(code)
    translator.body.append(
        f'<div class="mermaid-drawing"><img src="{escape(uri)}" alt="{escape(alt)}" /></div>\n'
    )
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinxcontrib.mermaid")
    app.add_config_value("mermaid_epub_params", [], "epub", types=frozenset({list}))
    app.add_node(mermaid, override=True, html=(visit_mermaid, None))
    app.connect("builder-inited", check_stamp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
