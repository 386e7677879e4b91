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

from ..config import first_number
from ..data.form import form_levels, read_form
from ..data.importer import Entry, Reader
from ..data.loader import SUFFIXES, LoadError, Text, load
from ..fields import assessment_fields, parse_by, record_fields
from ..locale import _
from ..model import Assessment, Record
from ..parsing import Problem, parse_choice, parse_id, parse_level
from ..render.cards import AnchorsView
from ..warnings import warn
from .base import TeamDirective
from .body import (
    assessment_block,
    expectation_block,
    flags_markup,
    level_block,
    parse_body,
    plain,
    raw_as_text,
    red_flags_block,
)
from .cards import add_record, claim_anchor, collect_fields, finish_card

CARDS = ("all", "none")


class TeamImportDirective(TeamDirective):
    directive_label = "team-import"
    #: ``:cards:`` for a data file; ``:person:``, ``:by:`` and ``:date:`` for a
    #: filled-in assessment form (``.csv``).
    known_options = ("cards", "person", "by", "date")
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
        suffix = Path(self.path).suffix.lower()
        fmt = SUFFIXES.get(suffix)
        if fmt is None and suffix != ".csv":
            self.report(
                [
                    Problem(
                        "option",
                        f"{self.file}: unknown file type: use .yaml, .yml or .json (or .csv "
                        "for a filled-in assessment form)",
                    )
                ]
            )
            return []
        try:
            text = Path(self.path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.report([Problem("option", f"cannot read {self.file}: {reason}")])
            return []
        if fmt is None:
            self.import_form(text)
            return []
        for name in ("person", "by", "date"):
            if name in self.options:
                self.report(
                    [Problem("option", f":{name}: is for a .csv assessment form; ignored", name)]
                )
        try:
            root = load(text, fmt)
        except LoadError as exc:
            self.warn_at(exc.message, "option", exc.line)
            return []
        reader = Reader()
        entries = reader.read(root)
        self.numbers_from = self.first(reader)
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

    def first(self, reader: Reader) -> int:
        """The number of the first level in this file (0 in version 1 files)."""
        numbers_from = reader.numbers_from
        return first_number(self.config) if numbers_from is None else numbers_from

    def import_form(self, text: str) -> None:
        """A filled-in assessment form: one assessment of ``:person:``."""
        problems: list[Problem] = []
        person, errs = parse_id(self.option("person"), ":person: id")
        problems += [Problem(p.subtype, p.message, "person") for p in errs]
        by, errs = parse_by(self.option("by"))
        problems += [Problem(p.subtype, p.message, "by") for p in errs]
        fields, errs = assessment_fields(
            {"by": self.option("by") or "", "date": self.option("date") or ""},
            self.config.teamext_levels,
            first_number(self.config),
        )
        problems += [p for p in errs if p.option == "date"]
        self.report(problems)
        rows, form_problems = read_form(text)
        for problem in form_problems:
            self.warn_at(problem.message, "option", problem.line)
        if person is None or by is None or fields is None:
            return
        filled, cells = form_levels(rows, self.config.teamext_levels, first_number(self.config))
        for cell in cells:
            self.warn_at(cell.message, cell.subtype, cell.line)
        self.domain.add_assessment(
            Assessment(
                person=person,
                by=by,
                date=str(fields["date"]),
                skills=filled.skills,
                evidence=filled.evidence,
                docname=self.env.docname,
                lineno=self.lineno,
                seq=sum(a.docname == self.env.docname for a in self.domain.imported_assessments()),
                origin=self.file,
                places=tuple(
                    (f"skills:{sid}", f"{self.path}:{line}") for sid, line in filled.lines
                ),
            )
        )

    def assessment_blocks(self, entry: Entry, first: int) -> list[nodes.Node]:
        """A person's ``assessments`` from the file, as the card's blocks."""
        blocks: list[nodes.Node] = []
        for item in entry.assessments:
            fields, errs = assessment_fields(item.options, self.config.teamext_levels, first)
            for problem in errs:
                key = ".".join(x for x in (item.path, problem.option, problem.item) if x)
                self.warn_at(
                    join_path(key, problem.message),
                    problem.subtype,
                    item.line_of(problem.option, problem.item),
                )
            if fields is None:
                continue
            inner = (
                self.parsed(item.body, ["teamext-assessment-body"])
                if item.body is not None
                else nodes.container(classes=["teamext-assessment-body"])
            )
            evidence = []
            for sid, text in item.evidence:
                ident, errs = parse_id(sid, "skill id")
                for problem in errs:
                    self.warn_at(
                        join_path(f"{item.path}.evidence.{sid}", problem.message),
                        problem.subtype,
                        text.line,
                    )
                if ident is not None:
                    evidence.append((ident, " ".join(text.text.split())))
            block = assessment_block(
                fields, inner, item.body.text if item.body else "", self.lineno, evidence
            )
            places = {"by": item.line_of("by")}
            for sid, _level in fields["skills"]:
                places[f"skills:{sid}"] = item.line_of("skills", sid)
            block["teamext_assessment"]["places"] = {
                key: f"{self.path}:{line}" for key, line in places.items() if line
            }
            blocks.append(block)
        return blocks

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
        fields, errs = record_fields(kind, entry.options, scale, first=self.numbers_from)
        for p in errs:
            key = ".".join(x for x in (p.option, p.item) if x)
            problems.append((p, key, entry.line_of(p.option, p.item)))
        body = nodes.container(classes=["teamext-body"])
        if entry.body is not None:
            parse_body(self, kind, self.lines(entry.body), self.content_offset, body)
        for key, text in entry.levels:
            value, errs = parse_level(key, scale, first=self.numbers_from)
            problems += [(p, f"levels.{key}", text.line) for p in errs]
            if value is not None:
                inner = self.parsed(text, ["teamext-skill-level-body"])
                body += level_block(
                    value,
                    key,
                    inner,
                    text.text,
                    scale,
                    first=self.numbers_from,
                    line=text.line or 0,
                )
        if entry.red_flags:
            flags = StringList(flags_markup([t.text for t in entry.red_flags]), self.path)
            body += red_flags_block(self, flags, self.content_offset)
        if kind == "person":
            for block in self.assessment_blocks(entry, self.numbers_from):
                body += block
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
            problems.append((p, key, p.line or entry.line_of(p.option, p.item)))
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
