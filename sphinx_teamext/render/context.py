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

from ..config import depth_index, guidance_label, has_none
from ..locale import _
from ..model import Ref
from .nodes import MARK, guidance_marker


@dataclass
class RenderContext:
    builder: Builder
    #: The page that shows the view (also inside a book that LaTeX or
    #: singlehtml assembles from many pages).
    docname: str
    scale: Sequence[str]
    depth: int
    #: False when the scale has no level meaning "nothing" (``teamext_none_level = None``).
    has_none: bool = True

    @classmethod
    def of(cls, builder: Builder, docname: str) -> RenderContext:
        config = builder.config
        return cls(
            builder,
            docname,
            list(config.teamext_levels),
            depth_index(config),
            has_none(config),
        )

    @property
    def guidance_label(self) -> str:
        return guidance_label(self.config)

    def marker(self) -> guidance_marker:
        """The mark on a value that is only the authors' suggestion."""
        return guidance_marker(MARK, MARK, label=self.guidance_label)

    def legend(self) -> nodes.paragraph:
        """One line that explains the marker; a page that shows it carries one."""
        para = nodes.paragraph(classes=["teamext-guidance-legend"])
        # The label follows in words, so the dagger here is only for the eye.
        para += guidance_marker(MARK, MARK, label=self.guidance_label, decorative=True)
        para += nodes.Text(
            " "
            + self.guidance_label
            + ": "
            + _("a value the authors suggest; not established fact or policy.")
        )
        return para

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

    def link(self, ref: Ref, mark: bool = True) -> nodes.Node:
        """A link to ``ref``'s card (or its title as plain text when it has none),
        with the guidance marker when ``ref`` is suggested and ``mark`` is true."""
        node = self._link(ref)
        if mark and ref.suggested:
            return nodes.inline("", "", node, self.marker())
        return node

    def _link(self, ref: Ref) -> nodes.Node:
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
