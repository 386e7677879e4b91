"""The extension's own node classes and their visitors for every builder."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class team_view(nodes.General, nodes.Element):
    """Placeholder for data from other pages; replaced before any writer sees it."""


class level_pips(nodes.inline):
    """The visual of a level (filled and empty squares); hidden from screen readers."""


class scroll_region(nodes.container):
    """A wide block that scrolls sideways; in HTML it takes keyboard focus so
    people without a mouse can scroll it too, and is named for screen readers."""


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _html_visit_pips(self: Any, node: nodes.Element) -> None:
    self.body.append(
        self.starttag(node, "span", "", CLASS="teamext-pips", **{"aria-hidden": "true"})
    )


def _html_depart_pips(self: Any, node: nodes.Element) -> None:
    self.body.append("</span>")


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
    skip = (_skip, None)
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
    app.add_node(team_view, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(
        level_pips,
        html=(_html_visit_pips, _html_depart_pips),
        latex=inline,
        text=inline,
        man=inline,
        texinfo=inline,
    )
