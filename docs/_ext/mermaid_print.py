"""Keep the PDF's rendered diagrams in step with the settings that drew them.

sphinxcontrib-mermaid names each rendered diagram by a hash of its code and
options and reuses the file when it exists, so an unchanged rebuild draws
nothing. The hash leaves out ``mermaid_params`` (theme, size, browser) and the
installed mermaid-cli: after a change there, the old drawings would stay. This
handbook-local extension records both next to the drawings and drops the
drawings when they differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

STAMP = ".mermaid-settings.json"


def installed_versions(cmd: str) -> dict[str, str]:
    """Versions of mermaid-cli and mermaid next to ``node_modules/.bin/mmdc``."""
    modules = Path(cmd).parent.parent
    versions = {}
    for package in ("@mermaid-js/mermaid-cli", "mermaid"):
        manifest = modules / package / "package.json"
        if manifest.is_file():
            versions[package] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return versions


def settings_of(app: Sphinx) -> str:
    config = app.config
    cmd = config.mermaid_cmd if isinstance(config.mermaid_cmd, str) else ""
    return json.dumps(
        {"params": list(config.mermaid_params), "versions": installed_versions(cmd)},
        sort_keys=True,
    )


def check_stamp(app: Sphinx) -> None:
    if app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    stamp = outdir / STAMP
    now = settings_of(app)
    if stamp.exists() and stamp.read_text(encoding="utf-8") == now:
        return
    stale = sorted(outdir.glob("mermaid-*.pdf"))
    for path in stale:
        path.unlink()
    if stale:
        logger.info("mermaid: settings changed, %d diagram(s) will be drawn again", len(stale))
    outdir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(now, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", check_stamp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
