"""Serve mermaid from the built site instead of a public CDN.

sphinxcontrib-mermaid loads mermaid from a CDN unless ``mermaid_use_local``
names a file under the static path. This handbook-local extension takes the
ESM bundle from the npm package pinned in ``package.json`` and copies only
what the browser loads (the entry module and its chunks, no source maps).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)

ENTRY = "mermaid.esm.min.mjs"
CHUNKS = Path("chunks") / "mermaid.esm.min"
TARGET = "mermaid"  # under _static/


def find_dist(confdir: Path) -> Path | None:
    for base in (confdir, *confdir.parents):
        dist = base / "node_modules" / "mermaid" / "dist"
        if (dist / ENTRY).is_file():
            return dist
    return None


def on_config_inited(app: Sphinx, config: Config) -> None:
    dist = find_dist(Path(app.confdir))
    app._local_mermaid_dist = dist  # type: ignore[attr-defined]
    if dist is None:
        logger.info(
            "mermaid: node_modules/mermaid not found (run `npm ci`); "
            "diagrams will load mermaid from a public CDN"
        )
        return
    config.mermaid_use_local = f"{TARGET}/{ENTRY}"


def copy_bundle(app: Sphinx, exc: Exception | None) -> None:
    dist = getattr(app, "_local_mermaid_dist", None)
    # The EPUB (format "html" too) draws its diagrams as pictures: no script in a book.
    if exc or dist is None or app.builder.format != "html" or app.builder.name == "epub":
        return
    dest = Path(app.outdir) / "_static" / TARGET
    files = [dist / ENTRY, *sorted((dist / CHUNKS).glob("*.mjs"))]
    for src in files:
        out = dest / src.relative_to(dist)
        if out.exists() and out.stat().st_size == src.stat().st_size:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out)


def drop_unused_loader(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """sphinxcontrib-mermaid loads mermaid on pages built without a doctree
    (search, indices, 404); no diagram there, so no mermaid code either."""
    if doctree is not None:
        return
    files = context.get("script_files", [])
    files[:] = [js for js in files if "mermaid" not in str(js.attributes.get("body", ""))]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", on_config_inited, priority=600)
    app.connect("html-page-context", drop_unused_loader, priority=900)
    app.connect("build-finished", copy_bundle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
