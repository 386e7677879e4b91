"""HTML polish: the stylesheet, added only for HTML builders."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

STATIC = Path(__file__).parent.parent / "static"
CSS = "teamext.css"


def add_static(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file(CSS)


def setup_html(app: Sphinx) -> None:
    app.connect("builder-inited", add_static)
