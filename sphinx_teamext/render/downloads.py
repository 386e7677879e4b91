"""CSV files that views offer beside the page, and the links to them."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .context import RenderContext

#: Builders whose pages link CSV files (not the EPUB: a book links no files
#: outside itself).
CSV_BUILDERS = ("html", "dirhtml", "singlehtml")
#: Under the output folder: the CSV files of views.
CSV_DIR = "_teamext"


def view_csv_path(docname: str, anchor: str, suffix: str = "") -> str:
    """Where a view's CSV lives under the output folder: named by page and view."""
    return f"{CSV_DIR}/{docname.replace('/', '-')}-{anchor}{suffix}.csv"


def download(ctx: RenderContext, path: str, label: str) -> nodes.reference | None:
    """A link to the CSV at ``path`` (under the output folder), for builders
    that write it; None for the others."""
    if ctx.builder.name not in CSV_BUILDERS:
        return None
    if ctx.builder.name == "singlehtml":  # one page at the output's root
        uri = path
    else:
        uri = relative_uri(ctx.builder.get_target_uri(ctx.docname), path)
    return nodes.reference("", "", nodes.Text(label), refuri=uri, classes=["teamext-download"])


def downloads_para(*links: nodes.reference | None) -> list[nodes.paragraph]:
    """The links that exist, in one paragraph (none when there is nothing to link)."""
    found = [link for link in links if link is not None]
    if not found:
        return []
    para = nodes.paragraph(classes=["teamext-map-download"])
    for i, link in enumerate(found):
        if i:
            para += nodes.Text(" · ")
        para += link
    return [para]
