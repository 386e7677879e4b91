"""The extension's own node classes and their visitors for every builder."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


class team_view(nodes.General, nodes.Element):
    """Placeholder for data from other pages; replaced before any writer sees it."""


class level_pips(nodes.inline):
    """The visual of a level (filled and empty squares); hidden from screen readers."""


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _html_visit_pips(self: Any, node: nodes.Element) -> None:
    self.body.append(
        self.starttag(node, "span", "", CLASS="teamext-pips", **{"aria-hidden": "true"})
    )


def _html_depart_pips(self: Any, node: nodes.Element) -> None:
    self.body.append("</span>")


def _visit_inline(self: Any, node: nodes.Element) -> None:
    self.visit_inline(node)


def _depart_inline(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)


def setup_nodes(app: Sphinx) -> None:
    skip = (_skip, None)
    inline = (_visit_inline, _depart_inline)
    app.add_node(team_view, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(
        level_pips,
        html=(_html_visit_pips, _html_depart_pips),
        latex=inline,
        text=inline,
        man=inline,
        texinfo=inline,
    )
