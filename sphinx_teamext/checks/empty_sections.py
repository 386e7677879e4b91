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


class written_here(nodes.Invisible, nodes.Element):
    """Left by a team directive that shows nothing: the author put something
    there (an import that failed, and said so; records placed without cards),
    so its section is not empty. Removed once the check has run; invisible,
    so no target moves its ids onto it."""


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
        return False  # content of its own (a directive's mark too), or a subsection
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
    try:
        if app.config.teamext_empty_sections != "off":
            report_empty(app, doctree)
    finally:
        for marker in list(doctree.findall(written_here)):
            parent = marker.parent
            parent.remove(marker)
            if "teamext-body" in parent.get("classes", ()) and not len(parent):
                parent.parent.remove(parent)  # a card body that held only the mark


def report_empty(app: Sphinx, doctree: nodes.document) -> None:
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
