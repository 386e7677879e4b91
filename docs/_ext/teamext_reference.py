"""Reference tables generated from sphinx_teamext itself, so they cannot drift.

- ``teamext-warning-table``: every warning subtype, from ``SUBTYPES``.
- ``teamext-config-table``: every configuration value, from ``CONFIG_VALUES``.
- ``teamext-options <directive>``: the directive's options, from its
  ``known_options``; the body is a definition list describing each option, and
  a described option the directive does not know (or the reverse) is an error.
"""

from __future__ import annotations

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


class WarningTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [_code(f"teamext.{name}"), " ".join(text.replace("``", "").split())]
            for name, text in SUBTYPES.items()
        ]
        return [_table(["Subtype", "Reported when"], rows, [22, 78])]


class ConfigTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows: list[list[nodes.Node | str]] = [
            [_code(v.name), _code(repr(v.default)), v.doc.replace("``", "")] for v in CONFIG_VALUES
        ]
        return [_table(["Name", "Default", "Meaning"], rows, [25, 30, 45])]


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


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("teamext-warning-table", WarningTable)
    app.add_directive("teamext-config-table", ConfigTable)
    app.add_directive("teamext-options", OptionsTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
