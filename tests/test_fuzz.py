"""Property-based fuzzing: no input makes an option parser or a directive raise.

The default run tries a few dozen examples per property; a dedicated run tries
2,000: ``HYPOTHESIS_PROFILE=fuzz pytest tests/test_fuzz.py``. Whole directives
are parsed with the MyST parser into a new document per example, inside one
Sphinx app built once, so an example costs milliseconds, not a build.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from helpers import copy_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import sphinx_domains

from sphinx_teamext import parsing
from sphinx_teamext.checks import run_checks
from sphinx_teamext.config import DEFAULT_LEVELS
from sphinx_teamext.domain import TeamDomain
from sphinx_teamext.views import digest, view_data
from sphinx_teamext.warnings import SUBTYPES

settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "teamext-quick", max_examples=40, deadline=None, suppress_health_check=list(HealthCheck)
)
PROFILE = settings.get_profile(
    "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "teamext-quick"
)

# Text that looks like option values: separators, level names, digits, unicode,
# markup and the characters MyST treats specially.
ALPHABET = st.sampled_from(
    [
        *"abcz09-_ ,=;:\t`{}[]<>*#|\\\"'&é€😀\u200b\u00a0",
        *("fluent", "expert", "none", "3", "-1", "all", "roles", "people", "<script>"),
    ]
)
VALUE = st.one_of(st.text(max_size=40), st.lists(ALPHABET, max_size=12).map("".join))
MAYBE = st.one_of(st.none(), VALUE)
SCALES = st.one_of(
    st.just(DEFAULT_LEVELS),
    # Names as check_config accepts them (distinct in any case); letters of any script.
    st.lists(
        st.text(st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=8).filter(
            str.strip
        ),
        min_size=2,
        max_size=6,
        unique_by=lambda n: n.strip().lower(),
    ),
)


def check_problems(problems: list[parsing.Problem]) -> None:
    for problem in problems:
        assert problem.subtype in SUBTYPES
        assert problem.message and "\n" not in problem.message


# -- the option parsers --------------------------------------------------------------


@PROFILE
@given(MAYBE)
def test_parse_id(text: str | None) -> None:
    value, problems = parsing.parse_id(text, "role id")
    check_problems(problems)
    assert (value is None) == bool(problems)
    if value is not None:
        assert parsing.SLUG.match(value) and value == value.strip()


@PROFILE
@given(MAYBE)
def test_split_list_and_id_list(text: str | None) -> None:
    items, problems = parsing.split_list(text, "things")
    check_problems(problems)
    assert all(item and item == item.strip() for item in items)
    ids, problems = parsing.parse_id_list(text, "things")
    check_problems(problems)
    assert len(ids) == len(set(ids)) and all(parsing.SLUG.match(i) for i in ids)


@PROFILE
@given(VALUE, SCALES)
def test_parse_level(text: str, scale: list[str]) -> None:
    value, problems = parsing.parse_level(text, scale)
    check_problems(problems)
    assert (value is None) == bool(problems)
    if value is not None:
        assert 0 <= value < len(scale)


@PROFILE
@given(MAYBE, SCALES)
def test_parse_skill_levels(text: str | None, scale: list[str]) -> None:
    pairs, problems = parsing.parse_skill_levels(text, scale)
    check_problems(problems)
    assert len({sid for sid, _ in pairs}) == len(pairs)
    for sid, level in pairs:
        assert parsing.SLUG.match(sid) and 0 <= level < len(scale)


@PROFILE
@given(
    st.lists(
        st.tuples(st.from_regex(parsing.SLUG, fullmatch=True), st.integers(0, 4)),
        max_size=6,
        unique_by=lambda p: p[0],
    )
)
def test_skill_levels_round_trip(pairs: list[tuple[str, int]]) -> None:
    text = ", ".join(f"{sid}={level}" for sid, level in pairs)
    assert parsing.parse_skill_levels(text, DEFAULT_LEVELS) == (pairs, [])


@PROFILE
@given(MAYBE)
def test_parse_order(text: str | None) -> None:
    value, problems = parsing.parse_order(text)
    check_problems(problems)
    assert (value is None) == bool(problems)


@PROFILE
# Choices come from the code (keywords), not from authors.
@given(MAYBE, st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=4))
def test_parse_choice(text: str | None, choices: list[str]) -> None:
    value, problems = parsing.parse_choice(text, choices, "thing")
    check_problems(problems)
    assert value is None or value in choices


@PROFILE
@given(MAYBE)
def test_parse_selection(text: str | None) -> None:
    value, problems = parsing.parse_selection(text, ("roles", "people"), ":rows:")
    check_problems(problems)
    assert value is None or value in ("roles", "people") or isinstance(value, tuple)


@PROFILE
@given(st.text(max_size=200), st.integers(1, 80))
def test_shorten(text: str, limit: int) -> None:
    short = parsing.shorten(text, max(limit, 2))
    assert len(short) <= max(limit, 2) and "\n" not in short


# -- whole directives, parsed by MyST in one reused Sphinx app ---------------------

DIRECTIVES = {
    "skill": ("title", "group"),
    "interview-stage": ("title", "format", "order", "assesses"),
    "role-card": ("title", "summary", "skills", "stages", "reports-to"),
    "person-card": ("title", "role", "skills", "reports-to"),
    "skill-map": ("rows", "skills", "caption"),
    "skill-level": (),
    "red-flags": (),
}
IDS = st.sampled_from(
    [
        "api-design",
        "code-quality",
        "nlp-ml",
        "mle",
        "ml-lead",
        "person-a",
        "programming-challenge",
        "x",
        "Bad_Id",
        "rôle",
        "",
    ]
)
LINE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30
)
OPTION_VALUE = st.one_of(
    LINE,
    st.lists(st.one_of(IDS, LINE), max_size=4).map(", ".join),
    st.lists(st.tuples(IDS, st.sampled_from(["0", "3", "9", "fluent", "x", ""])), max_size=4).map(
        lambda ps: ", ".join(f"{a}={b}" for a, b in ps)
    ),
)


@st.composite
def directive(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(sorted(DIRECTIVES)))
    known = DIRECTIVES[name]
    arg = draw(st.one_of(st.just(""), IDS, LINE, st.sampled_from(["2", "expert", "7"])))
    names = draw(
        st.lists(
            st.one_of(
                st.sampled_from(known or ("title",)),
                st.sampled_from(["titel", "colour", "skills", "x"]),
            ),
            max_size=5,
            unique=True,
        )
    )
    options = "".join(f":{n}: {draw(OPTION_VALUE)}\n" for n in names)
    body_parts = draw(
        st.lists(
            st.one_of(
                LINE,
                st.builds(
                    lambda k, i: f"{{team:{k}}}`{i}`",
                    st.sampled_from(["role", "skill", "stage", "person", "nope"]),
                    IDS,
                ),
                st.just("- a bullet"),
                st.just("| a | b |\n|---|---|\n| 1 | 2 |"),
                st.just("```{note}\nInner\n```"),
                *([directive(depth + 1)] if depth < 2 else []),
            ),
            max_size=4,
        )
    )
    fence = ":" * (3 + 2 - depth) if depth <= 2 else ":::"
    body = "\n\n".join(body_parts)
    return f"{fence}{{{name}}} {arg}\n{options}\n{body}\n{fence}\n"


def fuzz_reader(
    tmp_path_factory: pytest.TempPathFactory,
    root: str,
    after: Callable[[TeamDomain], None] = lambda domain: None,
) -> Iterator[tuple[SphinxTestApp, Callable[[str], nodes.document]]]:
    """A built ``root`` project and a function that parses a MyST text as its
    page ``fuzz`` (ids in the examples resolve against the project), then runs
    the checks and ``after`` on the domain, as a build would after reading."""
    src = copy_root(root, tmp_path_factory.mktemp("fuzz"))
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    app.build()
    env = app.env
    doc_settings = get_default_settings(MystParser)
    doc_settings.env = env
    doc_settings.report_level = 5  # docutils' own messages are not what we test
    doc_settings.halt_level = 5

    def parse(text: str) -> nodes.document:
        domain = env.get_domain("team")
        assert isinstance(domain, TeamDomain)
        domain.clear_doc("fuzz")
        env.prepare_settings("fuzz")
        document = new_document(str(Path(src, "fuzz.md")), doc_settings)
        with sphinx_domains(env):
            MystParser().parse(text, document)
        # Everything that later reads the records must cope with them too.
        run_checks(domain)
        after(domain)
        return document

    yield app, parse
    app.cleanup()


def view_digests(domain: TeamDomain) -> None:
    views = domain.views_by_doc().get("fuzz", [])
    for view in views:
        view_data(domain, view)
    digest(domain, views)


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SphinxTestApp, object]]:
    yield from fuzz_reader(tmp_path_factory, "core-myst", view_digests)


@PROFILE
@given(st.lists(directive(), min_size=1, max_size=3).map("\n".join))
def test_whole_directives_never_raise(reader, text: str) -> None:
    app, parse = reader
    app._warning.seek(0)
    app._warning.truncate()
    document = parse(text)
    assert isinstance(document, nodes.document)
    warnings = app._warning.getvalue()
    assert len(document.children) > 0, text  # each directive left a node or a message
    for line in warnings.splitlines():
        if "[teamext." in line:
            # (the page is not on disk, so Sphinx names it with its default suffix)
            assert re.search(r"fuzz\.(md|rst):\d+: WARNING", line), f"no location: {line}"


# -- imported records: the same fields from a data file ------------------------------

from sphinx_teamext.data.importer import SECTIONS, Reader, record_keys  # noqa: E402
from sphinx_teamext.data.loader import LoadError, load  # noqa: E402
from sphinx_teamext.fields import record_fields  # noqa: E402

SCALAR = st.one_of(VALUE, st.integers(-3, 9), st.booleans(), st.none(), IDS)
DATA_VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(IDS, st.sampled_from(["1", "3", "guru"])), inner, max_size=4),
    ),
    max_leaves=8,
)


@st.composite
def data_record(draw: st.DrawFn, kind: str) -> dict[str, object]:
    keys = draw(
        st.lists(
            st.one_of(st.sampled_from(record_keys(kind)), st.sampled_from(["titel", "x"])),
            max_size=7,
            unique=True,
        )
    )
    record: dict[str, object] = {"id": draw(IDS)} if draw(st.booleans()) else {}
    for key in keys:
        record[key] = draw(DATA_VALUE)
    return record


DATA = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(st.lists(data_record(kind), max_size=3), DATA_VALUE)
        for name, kind in SECTIONS.items()
    },
)


@PROFILE
@given(DATA, st.sampled_from(["JSON", "YAML"]))
def test_imported_fields_never_raise(data: dict[str, object], fmt: str) -> None:
    import json

    import yaml

    text = json.dumps(data) if fmt == "JSON" else yaml.safe_dump(data, allow_unicode=True)
    root = load(text, fmt)
    reader = Reader()
    for entry in reader.read(root):
        _fields, problems = record_fields(entry.kind, entry.options, DEFAULT_LEVELS)
        check_problems(problems)
    for issue in reader.issues:
        assert issue.subtype in SUBTYPES and "\n" not in issue.message


@PROFILE
@given(st.text(max_size=80), st.sampled_from(["JSON", "YAML"]))
def test_any_file_text_loads_or_is_refused(text: str, fmt: str) -> None:
    try:
        root = load(text, fmt)
    except LoadError as exc:
        assert exc.message and "\n" not in exc.message
        return
    Reader().read(root)


@PROFILE
@given(DATA, st.sampled_from(["all", "none"]))
def test_whole_imports_never_raise(reader, data: dict[str, object], cards: str) -> None:
    import json

    app, parse = reader
    (Path(app.srcdir) / "fuzz-data.json").write_text(json.dumps(data), encoding="utf-8")
    app._warning.seek(0)
    app._warning.truncate()
    document = parse(f"```{{team-import}} fuzz-data.json\n:cards: {cards}\n```\n")
    assert isinstance(document, nodes.document)
    for line in app._warning.getvalue().splitlines():
        if "[teamext." in line:
            assert re.search(r"(fuzz\.(md|rst)|fuzz-data\.json):\d+: WARNING", line), line
