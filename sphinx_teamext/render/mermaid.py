"""Mermaid source for insight charts: labels that show text literally, links to cards.

Charts are plain ``sphinxcontrib.mermaid`` nodes, so the HTML page draws them
in the browser and the PDF build renders them with mermaid-cli like any other
diagram. Builders that cannot draw get the chart's data in words instead
(:func:`can_draw`): text, manual pages and Texinfo always, LaTeX when
mermaid-cli (``mermaid_cmd``) is missing, which is then reported once.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes

from ..lines import line_of
from ..views import Ref
from ..warnings import warn
from .context import RenderContext

#: Builder formats that show no pictures: charts are always shown in words there.
TEXT_FORMATS = frozenset({"text", "man", "texinfo"})
#: Builder formats whose pictures mermaid-cli draws while building.
DRAWN_FORMATS = frozenset({"latex"})


def drawing_tool(config: Any) -> str | None:
    """The program ``mermaid_cmd`` runs, when it can be found; else None."""
    cmd = getattr(config, "mermaid_cmd", "mmdc") or "mmdc"
    try:
        args = shlex.split(cmd) if isinstance(cmd, str) else [str(a) for a in cmd]
    except ValueError:
        return None
    if not args:
        return None
    program = args[0]
    if Path(program).parent != Path():  # a path: it must be there and runnable
        path = Path(program)
        if not path.is_absolute():
            path = Path(getattr(config, "confdir", "") or ".") / path
        return str(path) if path.is_file() and shutil.which(str(path)) else None
    return shutil.which(program)


def can_draw(ctx: RenderContext, location: tuple[str, int]) -> bool:
    """Whether this builder shows a mermaid drawing; when it would call a
    drawing tool that is missing, say so once per build, at ``location``."""
    fmt = ctx.format
    if fmt in TEXT_FORMATS:
        return False
    if fmt not in DRAWN_FORMATS:
        return True  # HTML: the browser draws
    builder: Any = ctx.builder
    known = getattr(builder, "_teamext_drawing_tool", None)
    if known is None:
        known = drawing_tool(ctx.config) is not None
        builder._teamext_drawing_tool = known
        if not known:
            cmd = getattr(ctx.config, "mermaid_cmd", "mmdc")
            warn(
                f"cannot draw team charts and team shapes for {builder.name}: the drawing "
                f"tool {cmd!r} (mermaid_cmd, mermaid-cli) was not found; charts are shown "
                "as reporting trees and shapes as their tables. Install mermaid-cli or set "
                "mermaid_cmd",
                "diagram",
                (location[0], line_of(builder.env, location)),
            )
    return bool(known)


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
    """The URL of ``ref``'s card for a click in the drawing; None off HTML, where
    a drawing (the PDF's) has no use for links to HTML pages."""
    url = ctx.uri(ref) if ctx.format == "html" else None
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
