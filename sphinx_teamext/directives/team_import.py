"""``team-import``: records from a YAML or JSON file, placed at the directive.

Each imported record is built as its directive would build it: the same
validator (:func:`..fields.record_fields`), the same card, bodies parsed as
the importing page's markup. A problem is reported with the file and key path
(``team.yaml: roles[3].skills.sql: ...``) at the file's line when the parser
knows it (YAML), else at the directive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx

from ..data.importer import Entry, Reader, Text
from ..data.loader import SUFFIXES, LoadError, load
from ..fields import record_fields
from ..locale import _
from ..model import Record
from ..parsing import Problem, parse_choice, parse_id, parse_level
from ..render.cards import AnchorsView
from ..warnings import warn
from .base import TeamDirective
from .records import (
    add_record,
    claim_anchor,
    collect_fields,
    expectation_block,
    finish_card,
    flags_markup,
    level_block,
    parse_body,
    plain,
    raw_as_text,
    red_flags_block,
)

CARDS = ("all", "none")


class TeamImportDirective(TeamDirective):
    directive_label = "team-import"
    known_options = ("cards",)
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:

        self.check_options()
        cards = "all"
        if self.option("cards") is not None:
            choice, errs = parse_choice(self.option("cards"), CARDS, ":cards:")
            self.report(errs)
            cards = choice or "all"
        if not self.arguments or not self.arguments[0].strip():
            self.report([Problem("option", "missing file argument (a .yaml, .yml or .json file)")])
            return []
        self.file = self.arguments[0].strip()
        rel, abs_path = self.env.relfn2path(self.file, self.env.docname)
        self.path = str(abs_path)
        self.env.note_dependency(rel)
        fmt = SUFFIXES.get(Path(self.path).suffix.lower())
        if fmt is None:
            self.report(
                [Problem("option", f"{self.file}: unknown file type: use .yaml, .yml or .json")]
            )
            return []
        try:
            text = Path(self.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.report([Problem("option", f"cannot read {self.file}: {reason}")])
            return []
        try:
            root = load(text, fmt)
        except LoadError as exc:
            self.warn_at(exc.message, "option", exc.line)
            return []
        reader = Reader()
        entries = reader.read(root)
        for issue in reader.issues:
            self.warn_at(join_path(issue.path, issue.message), issue.subtype, issue.line)
        out: list[nodes.Node] = []
        placed = []
        for entry in entries:
            new, record = self.build(entry, cards)
            out += new
            if record is not None and cards == "none":
                placed.append(record)
        if placed:
            self.domain.add_view(AnchorsView(self.env.docname, self.lineno, records=tuple(placed)))
        return out

    def warn_at(self, message: str, subtype: str, line: int | None) -> None:
        location: Any = f"{self.path}:{line}" if line else self.location
        warn(f"{self.file}: {message}", subtype, location)

    def build(self, entry: Entry, cards: str) -> tuple[list[nodes.Node], Record | None]:
        """The card of one record, or with ``:cards: none`` an anchor; and the record."""
        kind = entry.kind
        scale = self.config.teamext_levels
        # Each problem with the key it is about and the line of that key.
        problems: list[tuple[Problem, str, int | None]] = []
        ident, errs = parse_id(entry.ident, f"{kind} id")
        problems += [(p, "id", entry.line_of("id")) for p in errs]
        title = entry.options.pop("title", "").strip() or ident or _("Untitled")
        fields, errs = record_fields(kind, entry.options, scale)
        for p in errs:
            key = ".".join(x for x in (p.option, p.item) if x)
            problems.append((p, key, entry.line_of(p.option, p.item)))
        body = nodes.container(classes=["teamext-body"])
        if entry.body is not None:
            parse_body(self, kind, self.lines(entry.body), self.content_offset, body)
        for key, text in entry.levels:
            value, errs = parse_level(key, scale)
            problems += [(p, f"levels.{key}", text.line) for p in errs]
            if value is not None:
                inner = self.parsed(text, ["teamext-skill-level-body"])
                body += level_block(value, key, inner, text.text, scale)
        if entry.red_flags:
            flags = StringList(flags_markup([t.text for t in entry.red_flags]), self.path)
            body += red_flags_block(self, flags, self.content_offset)
        for key, text in entry.expectations:
            skill, errs = parse_id(key, "skill id")
            problems += [(p, f"expectations.{key}", text.line) for p in errs]
            inner = self.parsed(text, ["teamext-expectation-body"])
            if skill is not None and plain(inner):
                body += expectation_block(skill, key, inner, text.text, self.lineno)
        nested, errs, _spans = collect_fields(kind, body, fields["guidance"], self.config)
        fields.update(nested)
        for p in errs:
            key = ".".join(x for x in (p.option, p.item) if x)
            problems.append((p, key, entry.line_of(p.option, p.item)))
        fields["body"] = entry.body.text if entry.body is not None else ""
        fields["origin"] = f"{self.file}: {entry.path}"
        for problem, key, line in problems:
            path = ".".join(x for x in (entry.path, key) if x)
            self.warn_at(join_path(path, problem.message), problem.subtype, line)
        if ident is None:
            return [], None
        if cards == "all":
            new = finish_card(self, kind, ident, title, fields, body)
            return new, None
        record = add_record(self, kind, ident, title, fields)
        target = nodes.target("", "")
        claim_anchor(self, record, target)
        return ([target] if target["ids"] else []), record

    def lines(self, text: Text) -> StringList:
        """A text of the file as input lines that name the file and its line."""
        first = (text.line or self.lineno) - 1
        lines = text.text.splitlines()
        return StringList(lines, items=[(self.path, first + i) for i in range(len(lines))])

    def parsed(self, text: Text, classes: list[str]) -> nodes.container:
        inner = nodes.container(classes=classes)
        self.state.nested_parse(self.lines(text), self.content_offset, inner)
        raw_as_text(inner)
        return inner


def join_path(path: str, message: str) -> str:
    return f"{path}: {message}" if path else message


def setup_team_import(app: Sphinx) -> None:
    app.add_directive("team-import", TeamImportDirective)
