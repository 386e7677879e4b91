"""HTML polish: the stylesheet, added only for HTML builders."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

STATIC = Path(__file__).parent.parent / "static"
CSS = "teamext.css"


def add_css(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(CSS)


def copy_css(app: Sphinx, exc: Exception | None) -> None:
    # Only the stylesheet: the static folder also holds the LaTeX style file.
    if exc is None and app.builder.format == "html":
        copy_asset_file(STATIC / CSS, Path(app.outdir) / "_static", force=True)


def setup_html(app: Sphinx) -> None:
    app.connect("builder-inited", add_css)
    app.connect("build-finished", copy_css)
