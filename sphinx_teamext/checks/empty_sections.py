"""The empty-section lint: a heading with nothing under it.

Checked when a page is read, so the warning comes back each time the page is
re-read and goes away once the section has content. A section holding only
subsections is not empty; one holding only comments, labels or index entries
is, since a reader sees none of them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import FiletypeNotFoundError
from sphinx.util import get_filetype

from ..warnings import warn

#: Nodes that produce nothing a reader sees, plus the heading itself.
SKIPPED = (
    nodes.title,
    nodes.subtitle,
    nodes.comment,
    nodes.target,
    nodes.substitution_definition,
    addnodes.index,
)


def is_empty(section: nodes.section) -> bool:
    for child in section.children:
        if isinstance(child, SKIPPED):
            continue
        return False  # content of its own, or a subsection
    return True


def heading_line(app: Sphinx, docname: str, section: nodes.section) -> int | None:
    """The line of the heading's text: docutils numbers an RST section by its underline."""
    title = section.next_node(nodes.title)
    line = (title.line if title is not None else None) or section.line
    if not line:
        return None
    try:
        filetype = get_filetype(app.config.source_suffix, app.env.doc2path(docname))
    except FiletypeNotFoundError:
        return line
    return line - 1 if filetype == "restructuredtext" and line > 1 else line


def check_sections(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.teamext_empty_sections == "off":
        return
    docname = app.env.docname
    page = str(app.env.doc2path(docname))
    for section in doctree.findall(nodes.section):
        if not is_empty(section):
            continue
        title = section.next_node(nodes.title)
        text = title.astext() if title is not None else ""
        line = heading_line(app, docname, section)
        source = section.source or (title.source if title is not None else None)
        location: object = (docname, line) if line else docname
        if source and line and source != page:  # a section from an included file
            location = f"{source}:{line}"
        warn(
            f"section {text!r} is empty: it has no content of its own and no subsection",
            "empty_section",
            location,
        )


def setup_empty_sections(app: Sphinx) -> None:
    app.connect("doctree-read", check_sections)
