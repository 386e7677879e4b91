"""Mermaid source for insight charts: labels that show text literally, links to cards.

Charts are plain ``sphinxcontrib.mermaid`` nodes, so the HTML page draws them
in the browser, and mermaid-cli draws them as pictures for the PDF and the
EPUB (:mod:`.pictures`). Builders that cannot draw get the chart's data in
words instead (:func:`can_draw`): text, manual pages and Texinfo always; LaTeX
and the EPUB when mermaid-cli (``mermaid_cmd``) is missing, which is then
reported once, or when ``teamext_diagrams = "fallback"`` asks for words.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes

from ..model import Ref
from .context import RenderContext
from .pictures import drawing_available, draws_pictures

#: Builder formats that show no pictures: charts are always shown in words there.
TEXT_FORMATS = frozenset({"text", "man", "texinfo"})


def can_draw(ctx: RenderContext, location: tuple[str, int]) -> bool:
    """Whether this builder shows a mermaid drawing: HTML pages draw in the
    browser; LaTeX and the EPUB when mermaid-cli draws pictures while building
    (:func:`.pictures.drawing_available`, which reports a missing tool once)."""
    if ctx.format in TEXT_FORMATS:
        return False
    if not draws_pictures(ctx.builder):
        return True
    return drawing_available(ctx.builder, location)


#: Characters a quoted label may hold as they are; anything else becomes an
#: entity code. Mermaid turns ``#34;`` into ``&#34;`` in the SVG it writes, so
#: quotes, brackets and ``<script>`` in a title show as text, never as markup.
_PLAIN = frozenset(" .,-_'()/:+!?")


def label(text: str) -> str:
    """``text`` as a quoted mermaid label, on one line."""
    out = [ch if ch.isalnum() or ch in _PLAIN else f"#{ord(ch)};" for ch in " ".join(text.split())]
    return '"' + "".join(out) + '"'


def plain(text: str) -> str:
    """Text for mermaid statements that take no quotes (``accTitle``): letters and spaces."""
    kept = "".join(ch if ch.isalnum() or ch in " .,-'()" else " " for ch in text)
    return " ".join(kept.split())


def card_url(ctx: RenderContext, ref: Ref) -> str | None:
    """The URL of ``ref``'s card for a click in the drawing; None where the
    drawing is a picture (the PDF's, the EPUB's), which cannot be clicked."""
    url = ctx.uri(ref) if ctx.format == "html" and not draws_pictures(ctx.builder) else None
    # Docnames arrive quoted by the builder; a stray quote must not end the string.
    return url.replace('"', "%22").replace("\\", "%5C") if url else None


def mermaid_node(code: str, config: Any, extra: dict[str, Any] | None = None) -> nodes.Element:
    """A ``sphinxcontrib.mermaid`` node, with the project's ``mermaid_config`` as
    front matter (as the ``mermaid`` directive adds it), merged with ``extra``
    per diagram type (``{"radar": {...}}``)."""
    from sphinxcontrib.mermaid import mermaid

    settings = dict(getattr(config, "mermaid_config", None) or {})
    for key, value in (extra or {}).items():
        old = settings.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            settings[key] = {**old, **value}
        elif key == "themeCSS" and isinstance(old, str):
            settings[key] = old + value  # the project's own CSS stays
        else:
            settings[key] = value
    if settings:  # JSON is YAML, so no YAML writer is needed
        code = f"---\nconfig: {json.dumps(settings)}\n---\n{code}"
    node: nodes.Element = mermaid()
    node["code"] = code
    node["options"] = {}
    return node
