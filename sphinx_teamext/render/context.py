"""What rendering needs from the build: the builder, the page, the scale.

Links are made here once, as finished reference nodes: the view already
knows where its target lives, so nothing is left for Sphinx's resolver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from ..views import Ref


@dataclass
class RenderContext:
    builder: Builder
    #: The page that shows the view (also inside a book that LaTeX or
    #: singlehtml assembles from many pages).
    docname: str
    scale: Sequence[str]
    depth: int

    @classmethod
    def of(cls, builder: Builder, docname: str) -> RenderContext:
        config = builder.config
        return cls(builder, docname, list(config.teamext_levels), int(config.teamext_depth_level))

    @property
    def config(self) -> Any:
        return self.builder.config

    @property
    def format(self) -> str:
        return str(self.builder.format)

    def uri(self, ref: Ref) -> str | None:
        """The URI of ``ref``'s card from this page, or None where there is none."""
        if ref.docname is None:
            return None
        try:
            uri = str(self.builder.get_relative_uri(self.docname, ref.docname))
        except NoUri:
            return None
        # One page for the whole book (singlehtml): "#document-x" gives way to the anchor.
        return "#" + ref.anchor if "#" in uri else f"{uri}#{ref.anchor}"

    def link(self, ref: Ref) -> nodes.Node:
        """A link to ``ref``'s card, or its title as plain text when it has none."""
        text = nodes.inline(
            ref.title, ref.title, classes=["teamext-ref", f"teamext-ref-{ref.kind}"]
        )
        if ref.docname is None:
            text["classes"].append("teamext-unresolved")
            return text
        try:
            node = make_refnode(
                self.builder, self.docname, ref.docname, ref.anchor, text, ref.title
            )
        except NoUri:  # a builder without pages for the target (LaTeX, excluded docs)
            return text
        uri = node.get("refuri", "")
        if uri.count("#") > 1:  # singlehtml: "#document-x#anchor" -> "#anchor"
            node["refuri"] = uri[uri.rfind("#") :]
        return node
