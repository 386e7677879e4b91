"""The extension's own node classes and their visitors for every builder."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: The guidance marker as text.
MARK = "†"


class team_view(nodes.General, nodes.Element):
    """Placeholder for a view: ``view`` (the typed view) and ``part`` (which
    part of it, for cards). The post-transform replaces it with the view's
    nodes, except under HTML builders for lazy views: there it keeps the data
    and a text child (so search indexes the words) and the HTML writer, which
    runs in the parallel write processes, expands it."""


class level_marker(nodes.inline):
    """A level as one element: its text (``■■■□ fluent (3/4)``) for search and
    plain-text builders; HTML and LaTeX draw the squares and name separately."""


class unnumbered_table(nodes.table):
    """A table without a number, written like any table (Sphinx's writers
    dispatch on the class hierarchy). Sphinx numbers only exact ``table``
    nodes and wants an id on each captioned one; ours carry no id, because
    themes that wrap tables (furo) copy it to the wrapper and the page then
    has it twice. The view's container around the table holds the id."""


class guidance_marker(nodes.inline):
    """The mark on a value that is the authors' suggestion: a dagger whose
    accessible name is the label (``label`` attribute, "suggested")."""


class scroll_region(nodes.container):
    """A wide block that scrolls sideways; in HTML it takes keyboard focus so
    people without a mouse can scroll it too, and is named for screen readers."""


def _html_visit_level(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))
    pips = self.encode(node["pips"])
    self.body.append(f'<span aria-hidden="true" class="teamext-pips">{pips}</span> ')
    self.body.append(f'<span class="teamext-level-name">{self.encode(node["name"])}</span>')
    self.body.append("</span>")
    raise nodes.SkipNode


def _latex_visit_level(self: Any, node: nodes.Element) -> None:
    classes = node["classes"]
    self.body.append(r"\DUrole{" + r"}{\DUrole{".join(classes) + "}{")
    self.body.append(self.encode(node["pips"]) + " ")
    self.body.append(r"\DUrole{teamext-level-name}{" + self.encode(node["name"]) + "}")
    self.body.append("}" * len(classes))
    raise nodes.SkipNode


def _html_visit_marker(self: Any, node: nodes.Element) -> None:
    if node.get("decorative"):
        self.body.append(f'<span aria-hidden="true" class="teamext-guidance-mark">{MARK}</span>')
        raise nodes.SkipNode
    label = self.attval(node["label"])
    self.body.append(
        f'<span class="teamext-guidance" title="{label}">'
        f'<span aria-hidden="true">{MARK}</span>'
        f'<span class="teamext-visually-hidden">{label}</span></span>'
    )
    raise nodes.SkipNode


def _latex_visit_marker(self: Any, node: nodes.Element) -> None:
    self.body.append(r"\textsuperscript{\textdagger}")
    raise nodes.SkipNode


def _html_visit_region(self: Any, node: nodes.Element) -> None:
    attrs = {"tabindex": "0", "role": "region", "aria-label": node.get("label", "")}
    self.body.append(self.starttag(node, "div", CLASS="docutils container", **attrs))


def _html_depart_region(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _visit_container(self: Any, node: nodes.Element) -> None:
    self.visit_container(node)


def _depart_container(self: Any, node: nodes.Element) -> None:
    self.depart_container(node)


def _visit_inline(self: Any, node: nodes.Element) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)


def setup_nodes(app: Sphinx) -> None:
    inline = (_visit_inline, _depart_inline)
    container = (_visit_container, _depart_container)
    app.add_node(
        scroll_region,
        html=(_html_visit_region, _html_depart_region),
        latex=container,
        text=container,
        man=container,
        texinfo=container,
    )
    app.add_node(
        guidance_marker,
        html=(_html_visit_marker, None),
        latex=(_latex_visit_marker, None),
        text=inline,
        man=inline,
        texinfo=inline,
    )
    app.add_node(
        level_marker,
        html=(_html_visit_level, None),
        latex=(_latex_visit_level, None),
        text=inline,
        man=inline,
        texinfo=inline,
    )
