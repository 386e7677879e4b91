"""Fixes to Sphinx's and MyST's HTML for what axe-core reports as serious or critical.

- Toctree captions are ``<p role="heading">`` without ``aria-level``, which a
  heading role requires; they get level 2 (below the page title).
- MyST task-list checkboxes have no accessible name; each gets its item's
  first sentence, so a screen reader says what is (or is not) done.
- Code blocks, tables and diagrams scroll sideways when too wide (on a phone,
  often), so they take keyboard focus (``tabindex``).
- furo's navigation tree expands a section with a checkbox it marks
  ``role="switch"``; a switch must state ``aria-checked``, which furo leaves
  out (the W3C Nu validator's error). The role goes, so each is the plain
  checkbox it is: assistive technology reads its checked state from the input
  itself, and that state stays true when the reader expands or collapses it.

The browser tests (tests/test_browser.py) run axe on every page, and
tests/test_validators.py the Nu validator, to keep it so.
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
#: The role furo gives each expand/collapse checkbox of its navigation tree.
SWITCH = ' role="switch"'
#: What scrolls sideways when too wide: furo's table and equation wrappers and
#: mermaid diagrams (other extensions render these, so the page's tags are changed).
SCROLLER = re.compile(r'<(div|pre)\s+class="((?:table|math)-wrapper\b|mermaid")')


class Translator(HTML5Translator):
    def visit_title(self, node: nodes.title) -> None:
        super().visit_title(node)
        parent = node.parent
        if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
            # body[-2] is the caption's start tag, body[-1] its inner <span>.
            self.body[-2] = self.body[-2].replace('role="heading"', 'role="heading" aria-level="2"')

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        try:
            super().visit_literal_block(node)
        except nodes.SkipNode:
            # A code block wider than the column scrolls; keyboard users reach it by Tab.
            self.body[-1] = self.body[-1].replace("<pre>", '<pre tabindex="0">', 1)
            raise


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


def focusable_scrollers(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if context.get("body"):
        context["body"] = SCROLLER.sub(r'<\1 tabindex="0" class="\2', context["body"])


def plain_toctree_checkboxes(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = tree.replace(SWITCH, "")


def setup(app: Sphinx) -> dict[str, Any]:
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, Translator)
    app.add_post_transform(NameCheckboxes)
    app.connect("html-page-context", focusable_scrollers)
    # After furo's own handler (priority 500), which computes the navigation tree.
    app.connect("html-page-context", plain_toctree_checkboxes, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
