"""Serve mermaid from the built site instead of a public CDN.

Team charts and team shapes are ``sphinxcontrib.mermaid`` diagrams, drawn in
the reader's browser by the mermaid library. sphinxcontrib-mermaid loads that
library from a public CDN unless ``mermaid_use_local`` names a file under the
static path. This module finds a pinned copy of the npm package instead:

- ``teamext_mermaid_path`` (relative to the configuration directory), the
  package folder or its ``dist/`` folder; or else
- ``node_modules/mermaid`` next to ``conf.py`` or in any folder above it (where
  ``npm install mermaid`` or ``npm ci`` puts it).

When it finds one, HTML builds copy only what the browser loads (the ESM entry
module and its chunks, no source maps) to ``_static/mermaid/`` and the pages
import it from there. When it finds none, one info line says so (not a
warning: ``-W`` builds pass) and diagrams load mermaid from the CDN as before.
A project that sets ``mermaid_use_local`` itself, or draws diagrams at build
time (``mermaid_output_format`` other than ``"raw"``), is left alone.

Pages written without a doctree (search, the indices, a 404 page) never hold
a diagram; sphinxcontrib-mermaid loads mermaid on them anyway, so that loader
is dropped there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinxcontrib.mermaid import mermaid

from .config import CONFIG_VALUES

logger = logging.getLogger(__name__)

ENTRY = "mermaid.esm.min.mjs"
CHUNKS = Path("chunks") / "mermaid.esm.min"
TARGET = "mermaid"  # under _static/
CONFIG = "teamext_mermaid_path"
#: npm's folder, next to conf.py or deeper: never pages of the handbook.
NODE_MODULES = ("node_modules", "**/node_modules")


def bundle_in(folder: Path) -> Path | None:
    """The ``dist`` folder of the mermaid package at ``folder`` (or ``folder``
    itself when it is a ``dist`` folder), if it holds the ESM bundle."""
    for dist in (folder / "dist", folder):
        if (dist / ENTRY).is_file():
            return dist
    return None


def find_bundle(confdir: Path) -> Path | None:
    """``node_modules/mermaid/dist`` in ``confdir`` or the nearest folder above it."""
    for base in (confdir, *confdir.parents):
        dist = bundle_in(base / "node_modules" / "mermaid")
        if dist is not None:
            return dist
    return None


def bundle_version(dist: Path) -> str:
    try:
        meta = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "unknown"
    return str(meta.get("version", "unknown")) if isinstance(meta, dict) else "unknown"


def leave_out_node_modules(app: Sphinx, config: Config) -> None:
    """Never read ``node_modules`` as pages: ``npm install mermaid`` next to conf.py
    puts a hundred package READMEs there, each of which Sphinx would build."""
    patterns = list(config.exclude_patterns)
    added = [p for p in NODE_MODULES if p not in patterns]
    config.exclude_patterns = patterns + added
    if added and (Path(app.srcdir) / "node_modules").is_dir():
        logger.info("teamext: node_modules is left out of the build (exclude_patterns)")


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Point sphinxcontrib-mermaid at the local bundle (here, not later, so that an
    incremental build compares the same configuration as the build before it)."""
    app._teamext_mermaid = ("off", None)  # type: ignore[attr-defined]
    app._teamext_mermaid_pages = False  # type: ignore[attr-defined]
    if config.mermaid_output_format != "raw" or config.mermaid_use_local:
        return  # drawn at build time, or the project chose its own copy
    configured = config[CONFIG]
    confdir = Path(app.confdir)
    if configured:
        folder = (confdir / str(configured)).resolve()
        dist = bundle_in(folder)
        if dist is None:
            raise ConfigError(
                f"{CONFIG}: no {ENTRY} in {folder} or in its dist/ folder "
                "(npm install mermaid there, or leave the value unset)"
            )
    else:
        dist = find_bundle(confdir)
    if dist is None:
        app._teamext_mermaid = ("cdn", None)  # type: ignore[attr-defined]
        return
    app._teamext_mermaid = ("local", dist)  # type: ignore[attr-defined]
    config.mermaid_use_local = f"{TARGET}/{ENTRY}"


def is_html(app: Sphinx) -> bool:
    """Whether the builder writes web pages that run scripts (an EPUB runs none)."""
    return app.builder.format == "html" and app.builder.name != "epub"


def say_where(app: Sphinx) -> None:
    """One line for web pages: where mermaid comes from."""
    how, dist = getattr(app, "_teamext_mermaid", ("off", None))
    if not is_html(app):
        return
    if how == "cdn":
        logger.info(
            "mermaid: no node_modules/mermaid next to conf.py or above it, and no %s: "
            "diagrams load mermaid from a public CDN",
            CONFIG,
        )
    elif how == "local" and dist is not None:
        logger.verbose("mermaid: serving mermaid %s from %s", bundle_version(dist), dist)


def note_diagrams(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remember whether a page written by this build has a diagram (doctrees are
    resolved in the main process, also when ``-j`` writes pages in parallel)."""
    if doctree.next_node(mermaid) is not None:
        app._teamext_mermaid_pages = True  # type: ignore[attr-defined]


def copy_bundle(app: Sphinx, exc: Exception | None) -> None:
    """Copy the bundle into ``_static/mermaid/`` when a page needs it (or an
    earlier build copied it: refresh it, an unchanged file is not copied again)."""
    how, dist = getattr(app, "_teamext_mermaid", ("off", None))
    if exc or how != "local" or dist is None or not is_html(app):
        return
    dest = Path(app.outdir) / "_static" / TARGET
    if not (getattr(app, "_teamext_mermaid_pages", False) or dest.is_dir()):
        return
    for src in [dist / ENTRY, *sorted((dist / CHUNKS).glob("*.mjs"))]:
        out = dest / src.relative_to(dist)
        if out.is_file() and out.stat().st_size == src.stat().st_size:
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out)


def drop_unused_loader(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """No diagram on a page without a doctree (search, indices, 404): no mermaid there."""
    if doctree is not None:
        return
    files = context.get("script_files")
    if isinstance(files, list):
        files[:] = [
            js
            for js in files
            if "mermaid" not in str(getattr(js, "attributes", {}).get("body", ""))
        ]


def setup_mermaid_assets(app: Sphinx) -> None:
    """Register the handlers; ``teamext_mermaid_path`` is registered with the other
    configuration values (:mod:`.config`)."""
    app.setup_extension("sphinxcontrib.mermaid")
    if CONFIG not in app.config:  # loaded on its own, without sphinx_teamext's setup
        value = next(v for v in CONFIG_VALUES if v.name == CONFIG)
        app.add_config_value(CONFIG, value.default, value.rebuild, types=value.types)  # type: ignore[arg-type]
    # After sphinxcontrib-mermaid's own handlers and a conf.py's config-inited ones.
    app.connect("config-inited", on_config_inited, priority=600)
    app.connect("config-inited", leave_out_node_modules)
    app.connect("builder-inited", say_where)
    app.connect("doctree-resolved", note_diagrams, priority=900)
    app.connect("html-page-context", drop_unused_loader, priority=900)
    app.connect("build-finished", copy_bundle)


def setup(app: Sphinx) -> dict[str, Any]:
    """Loaded by :func:`sphinx_teamext.setup` with ``app.setup_extension``."""
    setup_mermaid_assets(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
