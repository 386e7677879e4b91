"""Serve mermaid from the built site instead of a public CDN.

Team charts and team shapes are ``sphinxcontrib.mermaid`` diagrams, drawn in
the reader's browser by the mermaid library. sphinxcontrib-mermaid loads that
library from a public CDN unless ``mermaid_use_local`` names a file under the
static path. This module finds a pinned copy of the npm package instead:

- ``teamext_mermaid_path`` (relative to the configuration directory), the
  package folder or its ``dist/`` folder; or else
- ``node_modules/mermaid`` next to ``conf.py`` or in any folder above it (where
  ``npm install mermaid`` or ``npm ci`` puts it).

When it finds one, HTML builds copy mermaid's classic (non-module) build,
``mermaid.min.js``, to ``_static/mermaid/`` and the pages load it with a plain
``<script>``: a site opened from disk (``file://``) then draws too, where
Chromium refuses to import a module file. sphinxcontrib-mermaid's loader is
itself an inline module, which needs no file; its one ``import`` of mermaid
is turned into a read of the global the classic build defines. When it finds
none, one info line says so (not a warning: ``-W`` builds pass) and diagrams
load mermaid from the CDN as before. A project that sets ``mermaid_use_local``
itself, or draws diagrams at build time (``mermaid_output_format`` other than
``"raw"``), is left alone.

Pages written without a doctree (search, the indices, a 404 page) never hold
a diagram; sphinxcontrib-mermaid loads mermaid on them anyway, so that loader
is dropped there.

npm's ``node_modules`` folder is never part of the handbook: it is added to
``exclude_patterns`` (:func:`leave_out_node_modules`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .config import CONFIG_VALUES, conf_location
from .warnings import warn

logger = logging.getLogger(__name__)

#: mermaid's classic build: one file, a global ``mermaid``, loadable from ``file://``.
ENTRY = "mermaid.min.js"
TARGET = "mermaid"  # under _static/
#: The import in sphinxcontrib-mermaid's loader (an inline module script).
IMPORT = re.compile(r"""import mermaid from (["'])(?P<url>[^"']*)\1;?""")
GLOBAL = "const mermaid = globalThis.mermaid;"
CONFIG = "teamext_mermaid_path"
#: npm's folder, next to conf.py or deeper: never pages of the handbook.
NODE_MODULES = ("node_modules", "**/node_modules")


def bundle_in(folder: Path) -> Path | None:
    """The ``dist`` folder of the mermaid package at ``folder`` (or ``folder``
    itself when it is a ``dist`` folder), if it holds the classic bundle."""
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
    if config.mermaid_output_format != "raw" or config.mermaid_use_local:
        return  # drawn at build time, or the project chose its own copy
    configured = config[CONFIG]
    confdir = Path(app.confdir)
    if configured:
        folder = (confdir / str(configured)).resolve()
        dist = bundle_in(folder)
        if dist is None:  # the user's mistake: said at conf.py, and the build goes on
            warn(
                f"{CONFIG} = {configured!r} is not accepted: no {ENTRY} in {folder} or in "
                "its dist/ folder (npm install mermaid there, or leave the value unset); "
                "node_modules/mermaid is looked for as without it",
                "config",
                conf_location(app, CONFIG),
            )
            dist = find_bundle(confdir)
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


def copy_bundle_to(dist: Path, outdir: Path) -> None:
    """Copy the classic bundle into ``_static/mermaid/`` unless an equal copy is there.

    Written to a temporary name first: with ``-j`` several write processes may
    copy it at once, and none may see half a file."""
    src = dist / ENTRY
    out = outdir / "_static" / TARGET / ENTRY
    if out.is_file() and out.stat().st_size == src.stat().st_size:
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".mermaid-")
    os.close(fd)
    shutil.copyfile(src, tmp)
    Path(tmp).replace(out)


def load_classic_bundle(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """On a page with a diagram: load the classic bundle with a plain script
    before sphinxcontrib-mermaid's loader, which then reads the global instead
    of importing a file. The bundle is copied first, so that the script's
    ``?v=`` checksum is the same in a clean and in an incremental build."""
    how, dist = getattr(app, "_teamext_mermaid", ("off", None))
    if how != "local" or dist is None or doctree is None or not is_html(app):
        return
    files = context.get("script_files")
    if not isinstance(files, list):
        return
    local = f"_static/{TARGET}/{ENTRY}"
    for i, js in enumerate(files):
        attributes = dict(getattr(js, "attributes", {}) or {})
        body = str(attributes.get("body", ""))
        found = IMPORT.search(body)
        if not found or not found["url"].endswith(local):
            continue
        copy_bundle_to(dist, Path(app.outdir))
        attributes["body"] = body[: found.start()] + GLOBAL + body[found.end() :]
        loader = type(js)(js.filename, priority=js.priority, **attributes)
        # The same kind of entry Sphinx makes, in front of the loader.
        files[i : i + 1] = [type(js)(local, priority=js.priority), loader]
        return


def refresh_bundle(app: Sphinx, exc: Exception | None) -> None:
    """Refresh a copy an earlier build made (an unchanged file is not copied again):
    pages not rewritten by this build still load it."""
    how, dist = getattr(app, "_teamext_mermaid", ("off", None))
    if exc or how != "local" or dist is None or not is_html(app):
        return
    if (Path(app.outdir) / "_static" / TARGET / ENTRY).is_file():
        copy_bundle_to(dist, Path(app.outdir))


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
    app.connect("html-page-context", drop_unused_loader, priority=900)
    # After sphinxcontrib-mermaid's install_js (500) added the loader.
    app.connect("html-page-context", load_classic_bundle, priority=900)
    app.connect("build-finished", refresh_bundle)


def setup(app: Sphinx) -> dict[str, Any]:
    """Loaded by :func:`sphinx_teamext.setup` with ``app.setup_extension``."""
    setup_mermaid_assets(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
