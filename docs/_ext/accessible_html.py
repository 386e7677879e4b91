"""Two fixes to Sphinx's and MyST's HTML that axe-core reports as critical.

- Toctree captions are ``<p role="heading">`` without ``aria-level``, which a
  heading role requires; they get level 2 (below the page title).
- MyST task-list checkboxes have no accessible name; each gets its item's
  first sentence, so a screen reader says what is (or is not) done.

The browser tests (tests/test_browser.py) run axe on every page to keep it so.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

CHECKBOX = '<input class="task-list-item-checkbox" '


class Translator(HTML5Translator):
    def visit_title(self, node: nodes.title) -> None:
        super().visit_title(node)
        parent = node.parent
        if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
            # body[-2] is the caption's start tag, body[-1] its inner <span>.
            self.body[-2] = self.body[-2].replace('role="heading"', 'role="heading" aria-level="2"')


class NameCheckboxes(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for raw in self.document.findall(nodes.raw):
            html = raw.astext()
            if not html.startswith(CHECKBOX) or "aria-label" in html:
                continue
            texts = raw.parent.findall(nodes.Text)
            words = [t.astext() for t in texts if not isinstance(t.parent, nodes.raw)]
            text = " ".join("".join(words).split())
            label = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0][:120] or "checklist item"
            label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            new = html.replace(CHECKBOX, f'{CHECKBOX}aria-label="{label}" ', 1)
            raw.replace_self(nodes.raw("", new, format="html"))


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, Translator)
    app.add_post_transform(NameCheckboxes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
