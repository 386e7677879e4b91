"""HTML polish: the stylesheet, added only for HTML builders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.fileutil import copy_asset_file

STATIC = Path(__file__).parent.parent / "static"
CSS = "teamext.css"


def add_css(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(CSS)


def copy_css(app: Sphinx, env: BuildEnvironment) -> None:
    # Only the stylesheet: the static folder also holds the LaTeX style file.
    # Copied before pages are written: Sphinx adds ``?v=<checksum>`` to a link only
    # when the file is already in the output, so a clean and an incremental build
    # would otherwise link it differently.
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(STATIC / CSS, static, force=True)


def epub_index_groups(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Group names of the team indices become ids and fragments ("cap-<name>").
    The domain writes their spaces as no-break spaces, valid in HTML; an EPUB
    wants plain ASCII in a fragment, so there a hyphen joins the words."""
    if app.builder.name != "epub" or templatename != "domainindex.html":
        return
    if not pagename.startswith("team-"):
        return
    context["content"] = [
        (str(group).replace("\u00a0", "-"), entries) for group, entries in context["content"]
    ]


def setup_html(app: Sphinx) -> None:
    app.connect("html-page-context", epub_index_groups)
    app.connect("builder-inited", add_css)
    app.connect("env-updated", copy_css)
