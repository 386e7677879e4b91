"""Where things are in the source: a directive's own line, each option's line,
a ``{team:*}`` role's line inside a MyST paragraph.

Parsers give less than a warning needs. MyST numbers a directive that opens a
container's body one line late per level of nesting (inside tabs, dropdowns,
admonitions), gives a role only its paragraph's first line, and no parser
tells a directive where each option sits. Every place here is worked out from
two texts the parser does give exactly: the directive's ``block_text`` (its
lines, verbatim from its opening line on) and the source file, which confirms
or corrects the opening line. When the source does not confirm a guess, the
parser's line is kept, so a line is never worse than the parser's.

A directive's place is stored per page (``env.teamext_places``), so the
project-wide checks after reading can point at an option of a record on
another page; ``clear_doc``-style purging and ``-j`` merging keep it exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: How far the source may be searched for a directive's opening line or a role.
NEAR = 12

#: ``:name: value`` (field-list form: MyST fences and reStructuredText).
FIELD = re.compile(r"^\s*:(?!:)([^:\s][^:]*?):(?:\s|$)")
#: ``name: value`` (MyST's YAML block between ``---`` lines).
YAML_KEY = re.compile(r"^(\s*)([A-Za-z0-9_][\w.-]*)\s*:(?:\s|$)")
FENCES = (":::", "```", "~~~")


@lru_cache(maxsize=64)
def _read(path: str, stamp: tuple[int, int]) -> tuple[str, ...]:
    try:
        return tuple(Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines())
    except OSError:
        return ()


def source_lines(path: str | None) -> tuple[str, ...]:
    """The lines of ``path`` as they are now (read once while unchanged)."""
    if not path:
        return ()
    try:
        st = Path(path).stat()
    except OSError:
        return ()
    return _read(path, (st.st_mtime_ns, st.st_size))


def find_opening(lines: Sequence[str], lineno: int, opening: str) -> int:
    """The line (1-based) of ``opening`` nearest ``lineno``: the parser's line
    when the source confirms it, else the nearest earlier, then later, match."""
    opening = opening.strip()
    if not opening or not lines:
        return lineno

    candidates: list[int] = [
        lineno,
        *range(lineno - 1, lineno - NEAR, -1),
        *range(lineno + 1, lineno + 4),
    ]
    for candidate in candidates:
        if 1 <= candidate <= len(lines) and lines[candidate - 1].rstrip().endswith(opening):
            return candidate
    return lineno


@dataclass(frozen=True)
class OptionPlace:
    name: str
    offset: int  # lines after the directive's opening line
    lines: tuple[str, ...]  # the key's line and its continuation lines


def option_places(block_text: str) -> list[OptionPlace]:
    """Each option of a directive with the lines it spans, from its ``block_text``.

    Handles ``:name: value`` lines (MyST fences, reStructuredText, with values
    continued on indented lines) and MyST's YAML block (``---`` ... ``---``).
    """
    lines = block_text.splitlines()
    if len(lines) < 2:
        return []
    opening = lines[0].lstrip()
    yaml = opening.startswith(FENCES) and lines[1].strip() == "---"
    found: list[tuple[str, int]] = []
    end = len(lines)
    if yaml:
        indent: int | None = None
        for i in range(2, len(lines)):
            if lines[i].strip().startswith("---"):
                end = i
                break
            m = YAML_KEY.match(lines[i])
            if m and (indent is None or len(m[1]) <= indent):
                indent = len(m[1])
                found.append((m[2], i))
    else:
        for i in range(1, len(lines)):
            if not lines[i].strip():
                end = i
                break
            if lines[i].lstrip().startswith(FENCES):  # a nested directive: the body
                end = i
                break
            m = FIELD.match(lines[i])
            if m:
                found.append((m[1].strip(), i))
    places = []
    for k, (name, i) in enumerate(found):
        stop = found[k + 1][1] if k + 1 < len(found) else end
        places.append(OptionPlace(name.lower(), i, tuple(lines[i:stop])))
    return places


def body_offset(block_text: str, content: Sequence[str]) -> int | None:
    """How many lines after the opening line the body (``content``) starts."""
    lines = block_text.splitlines()
    body = [line.strip() for line in content[:3]]
    if not body:
        return None
    for i in range(1, len(lines) - len(body) + 1):
        if [line.strip() for line in lines[i : i + len(body)]] == body:
            return i
    return None


def item_pattern(item: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(item) + r"(?![\w-])")


@dataclass(frozen=True)
class Place:
    """Where a directive is: its source file, its opening line, its options."""

    source: str
    line: int
    options: tuple[OptionPlace, ...] = ()

    def option(self, name: str) -> OptionPlace | None:
        for option in self.options:
            if option.name == name.lower():
                return option
        return None

    def option_line(self, name: str, item: str = "") -> int:
        """The line of option ``name`` (of ``item`` within it when given), else
        the directive's line."""
        option = self.option(name) if name else None
        if option is None:
            return self.line
        if item:
            pattern = item_pattern(item)
            for k, text in enumerate(option.lines):
                # on the key's line, look past the key itself
                if pattern.search(text if k else text.split(":", 2)[-1]):
                    return self.line + option.offset + k
        return self.line + option.offset


def repeated_options(place: Place) -> list[tuple[OptionPlace, OptionPlace]]:
    """``(first, again)`` for each option given a second (or later) time."""
    firsts: dict[str, OptionPlace] = {}
    found = []
    for option in place.options:
        if option.name in firsts:
            found.append((firsts[option.name], option))
        else:
            firsts[option.name] = option
    return found


def option_value(option: OptionPlace) -> str:
    """The value an option's lines give, read as MyST reads options (quotes,
    folded continuation lines); the text after the key when that fails."""
    lines = list(option.lines)
    first = lines[0].lstrip()
    if first.startswith(":"):  # field form: ":name: value" reads as "name: value"
        lines[0] = first[1:]
    try:
        from myst_parser.parsers.options import TokenizeError, options_to_items
    except ImportError:
        pass
    else:
        try:
            items, _state = options_to_items("\n".join(lines))
        except TokenizeError:
            items = []
        if items:
            return str(items[0][1])
    head = lines[0].split(":", 1)[-1]
    return " ".join(" ".join([head, *lines[1:]]).split())


def opens(line: str) -> bool:
    """Whether ``line`` opens a directive (a MyST fence or ``.. name::``)."""
    stripped = line.lstrip()
    return stripped.startswith(FENCES) or stripped.startswith("..")


def full_text(source: str | None, lineno: int, block_text: str) -> str:
    """The directive's text from its opening line on.

    Older MyST-Parser releases (4.0) give ``block_text`` as the body alone;
    the opening line and options are then read from the source, up to the
    fence that closes the block."""
    if block_text.strip() and opens(block_text.splitlines()[0]):
        return block_text
    lines = source_lines(source)
    if not 1 <= lineno <= len(lines) or not opens(lines[lineno - 1]):
        return block_text
    fence = re.match(r"\s*([:`~]{3,})", lines[lineno - 1])
    taken = [lines[lineno - 1]]
    for line in lines[lineno : lineno + 200]:
        taken.append(line)
        if fence and line.strip() == fence[1]:
            break
    return "\n".join(taken)


def place_of(source: str | None, lineno: int, block_text: str) -> Place:
    """The place of a directive the parser put at ``lineno`` of ``source``."""
    block_text = full_text(source, lineno, block_text)
    opening = block_text.splitlines()[0] if block_text.strip() else ""
    line = find_opening(source_lines(source), lineno, opening)
    return Place(source or "", line, tuple(option_places(block_text)))


# -- stored per page, for the checks after reading ------------------------------------

ATTR = "teamext_places"


def _store(env: BuildEnvironment) -> dict[str, dict[int, Place]]:
    store: dict[str, dict[int, Place]] | None = getattr(env, ATTR, None)
    if store is None:
        store = {}
        setattr(env, ATTR, store)
    return store


def remember(env: BuildEnvironment, docname: str, lineno: int, place: Place) -> None:
    """Keep ``place`` for the directive the parser put at ``lineno`` of ``docname``."""
    _store(env).setdefault(docname, {}).setdefault(lineno, place)


def recall(env: BuildEnvironment, docname: str, lineno: int) -> Place | None:
    return _store(env).get(docname, {}).get(lineno)


def line_of(
    env: BuildEnvironment, location: tuple[str, int], option: str = "", item: str = ""
) -> int:
    """The line of ``option`` (and ``item``) of the directive at ``location``
    (a record's or view's ``(docname, lineno)``); that line when unknown."""
    docname, lineno = location
    place = recall(env, docname, lineno)
    if place is None:
        return lineno
    return place.option_line(option, item)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _store(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: Any) -> None:
    mine, theirs = _store(env), _store(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def node_at(source: str, line: int) -> nodes.Element:
    """A location for a warning: ``source`` (a file, also an included one) and line."""
    node = nodes.Element()
    node.source, node.line = source, line
    return node


def setup_lines(app: Sphinx) -> None:
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
