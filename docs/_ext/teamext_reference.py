"""Reference tables generated from sphinx_teamext itself, so they cannot drift.

- ``docs/reference/_generated/config.md`` and ``warnings.md``: every
  configuration value (``CONFIG_VALUES``) and every warning subtype
  (``SUBTYPES``) as a Markdown table, committed so that they can be read in
  the repository too, and included by the reference page. Regenerate them
  after changing either with ``python docs/_ext/teamext_reference.py``;
  ``tests/test_reference.py`` fails while they are stale.
- ``teamext-options <directive>``: the directive's options, from its
  ``known_options``; the body is a definition list describing each option, and
  a described option the directive does not know (or the reverse) is an error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_teamext.config import CONFIG_VALUES
from sphinx_teamext.warnings import SUBTYPES

logger = logging.getLogger(__name__)


def _table(header: list[str], rows: list[list[nodes.Node | str]], widths: list[int]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for cell in header:
        row += nodes.entry("", nodes.paragraph("", cell))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            node = nodes.paragraph("", "", nodes.Text(cell)) if isinstance(cell, str) else cell
            row += nodes.entry("", node)
        body += row
    return table


def _code(text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.literal(text, text))


class OptionsTable(SphinxDirective):
    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        directive, _messages = directives.directive(
            name, self.state.memo.language, self.state.document
        )
        known = tuple(getattr(directive, "known_options", ()))
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        described: dict[str, nodes.Node] = {}
        for item in container.findall(nodes.definition_list_item):
            term = item[0].astext().strip().strip(":")
            described[term] = item[1]
        missing = [o for o in known if o not in described]
        extra = [o for o in described if o not in known]
        if missing or extra:
            logger.warning(
                "teamext-options %s: undocumented options %s; documented but unknown %s",
                name,
                missing,
                extra,
                location=(self.env.docname, self.lineno),
            )
        required = set(getattr(directive, "required_options", ()))
        rows: list[list[nodes.Node | str]] = []
        for option in known:
            desc = nodes.container()
            desc += described.get(option, nodes.paragraph()).children
            rows.append([_code(f":{option}:"), "yes" if option in required else "no", desc])
        if not rows:
            return [nodes.paragraph("", f"{name} takes no options.")]
        return [_table(["Option", "Required", "Value"], rows, [18, 10, 72])]


# -- the committed tables --------------------------------------------------------------

GENERATED = Path(__file__).parent.parent / "reference" / "_generated"
HEADER = (
    "<!-- Generated from sphinx_teamext/{source} by docs/_ext/teamext_reference.py: "
    "do not edit; run `python docs/_ext/teamext_reference.py` -->\n\n"
)


def _cell(text: str) -> str:
    """reStructuredText's ``code`` as Markdown's `code`, on one line, pipes escaped."""
    text = re.sub(r"``(.+?)``", r"`\1`", " ".join(text.split()))
    return text.replace("|", "\\|")


def _default(value: object) -> str:
    """A default as code; one computed from other settings in words."""
    return _cell(repr(value)) if callable(value) else f"`{_cell(repr(value))}`"


def config_table() -> str:
    rows = [f"| `{v.name}` | {_default(v.default)} | {_cell(v.doc)} |" for v in CONFIG_VALUES]
    head = "| Name | Default | Meaning |\n| --- | --- | --- |\n"
    return HEADER.format(source="config.py (CONFIG_VALUES)") + head + "\n".join(rows) + "\n"


def warning_table() -> str:
    rows = [f"| `teamext.{name}` | {_cell(text)} |" for name, text in SUBTYPES.items()]
    head = "| Subtype | Reported when |\n| --- | --- |\n"
    return HEADER.format(source="warnings.py (SUBTYPES)") + head + "\n".join(rows) + "\n"


def generated() -> dict[Path, str]:
    """Each committed table and the text it should hold."""
    return {GENERATED / "config.md": config_table(), GENERATED / "warnings.md": warning_table()}


def write() -> list[Path]:
    """Rewrite the tables that changed; the paths rewritten."""
    changed = []
    for path, text in generated().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("teamext-options", OptionsTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path}")
    sys.exit(0)
