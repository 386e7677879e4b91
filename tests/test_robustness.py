"""A corpus of malformed uses: each gives exactly its ``teamext.*`` warning, at its
file and line, and never a traceback; with ``-W`` the build fails with the message.

Every case is one page of a single project built once (``case-NN.md``), so a
warning's file names the case. ``line`` is the line in the snippet (1-based);
the page adds a two-line heading before it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import parse_warnings
from helpers import build

HEADING_LINES = 2
LONG = "X" * 500


class Case(NamedTuple):
    snippet: str
    subtype: str
    message: str
    line: int


#: Shared records on ``base.md`` (read first), so cases can name valid ids.
BASE = """# Base

:::{skill} py
:title: Python
:::

:::{skill} ml
:title: Machine learning
:::

:::{interview-stage} screen
:title: Screening call
:assesses: py
:::

:::{role-card} lead
:title: Lead
:skills: py=3
:stages: screen
:::
"""

CASES: list[Case] = [
    # -- unknown ids (project-wide check, located at the option that names them) --
    Case(
        ":::{role-card} u1\n:title: U1\n:skills: nope=2\n:::",
        "unknown",
        "role 'u1': :skills: names unknown skill 'nope'",
        3,
    ),
    Case(
        ":::{role-card} u2\n:title: U2\n:stages: no-stage\n:::",
        "unknown",
        "role 'u2': :stages: names unknown interview stage 'no-stage'",
        3,
    ),
    Case(
        ":::{role-card} u3\n:title: U3\n:reports-to: ghost\n:::",
        "unknown",
        "role 'u3': :reports-to: names unknown role or person 'ghost'",
        3,
    ),
    Case(
        ":::{person-card} u4\n:title: U4\n:role: no-role\n:::",
        "unknown",
        "person 'u4': :role: names unknown role 'no-role'",
        3,
    ),
    Case(
        ":::{interview-stage} u5\n:title: U5\n:assesses: py, nothing\n:::",
        "unknown",
        "interview stage 'u5': :assesses: names unknown skill 'nothing'",
        3,
    ),
    Case(
        "Intro.\n\n:::{skill-map}\n:rows: ghost-row\n:::",
        "unknown",
        "skill-map: :rows: names unknown role or person 'ghost-row'",
        4,
    ),
    Case(
        ":::{skill-map}\n:skills: py, no-skill\n:::",
        "unknown",
        "skill-map: :skills: names unknown skill 'no-skill'",
        2,
    ),
    Case(
        "Text\n\nSee {team:role}`nobody`.",
        "unknown",
        "{team:role} reference to unknown role 'nobody'",
        3,
    ),
    Case(
        "See {team:skill}`the skill <no-such-skill>`.",
        "unknown",
        "{team:skill} reference to unknown skill 'no-such-skill'",
        1,
    ),
    Case(
        ":::{person-card} u10\n:title: U10\n:role: py\n:::",
        "unknown",
        "person 'u10': :role: names unknown role 'py'",
        3,
    ),
    Case(
        ":::{skill-map}\n:rows: everyone\n:::",
        "unknown",
        "skill-map: :rows: names unknown role or person 'everyone'",
        2,
    ),
    # -- levels --------------------------------------------------------------------
    Case(
        ":::{role-card} l1\n:title: L1\n:skills: py=7\n:::",
        "level",
        "role-card: level 7 is outside the scale 0-4",
        3,
    ),
    Case(
        ":::{role-card} l2\n:title: L2\n:skills: py=guru\n:::",
        "level",
        "role-card: unknown level 'guru'",
        3,
    ),
    Case(
        ":::{person-card} l3\n:title: L3\n:skills: py=-1\n:::",
        "level",
        "person-card: level -1 is outside the scale",
        3,
    ),
    Case(
        ":::{person-card} l4\n:title: L4\n:skills: py=fließend\n:::",
        "level",
        "unknown level 'fließend'",
        3,
    ),
    Case(
        "::::{skill} l5\n:title: L5\n\n:::{skill-level} 9\nToo high.\n:::\n::::",
        "level",
        "skill-level: level 9 is outside the scale",
        4,
    ),
    Case(
        "::::{skill} l6\n:title: L6\n\n:::{skill-level} 2\nA.\n:::\n\n"
        ":::{skill-level} proficient\nB.\n:::\n::::",
        "level",
        # at the second block, the one to edit (issue 20, item 9)
        "skill: level 2 (proficient) is described twice; the first description is used",
        8,
    ),
    Case(":::{role-card} l7\n:title: L7\n:skills: py=3.5\n:::", "level", "unknown level '3.5'", 3),
    # -- duplicates ------------------------------------------------------------------
    Case(
        ":::{role-card} lead\n:title: Second lead\n:::",
        "duplicate",
        "duplicate role or person id 'lead': defined here and at base.md:16",
        1,
    ),
    Case(
        ":::{skill} py\n:title: Python again\n:::",
        "duplicate",
        "duplicate skill id 'py': defined here and at base.md:3",
        1,
    ),
    Case(
        "Text.\n\n:::{person-card} lead\n:title: A person named like a role\n:::",
        "duplicate",
        "duplicate role or person id 'lead'",
        3,
    ),
    Case(
        ":::{interview-stage} screen\n:title: Another screen\n:::",
        "duplicate",
        "duplicate interview stage id 'screen'",
        1,
    ),
    # -- missing, empty and unknown options ----------------------------------------
    Case(":::{role-card} o1\n:::", "option", "role-card: missing required option :title:", 1),
    Case(
        ":::{role-card} o2\n:title: O2\n:summary:\n:::",
        "option",
        "role-card: option :summary: is empty",
        3,
    ),
    Case(
        ":::{role-card} o3\n:title: O3\n:sumary: Typo\n:::",
        "option",
        "unknown option :sumary: (did you mean :summary:?)",
        3,
    ),
    Case(":::{role-card}\n:title: No id\n:::", "option", "role-card: missing role id", 1),
    Case(
        ":::{role-card} Bad_Id\n:title: Bad\n:::",
        "option",
        "role-card: malformed role id 'Bad_Id'",
        1,
    ),
    Case(":::{skill-map}\n:colour: red\n:::", "option", "skill-map: unknown option :colour:", 2),
    Case(
        ":::{interview-stage} o7\n:title: O7\n:format:\n:::",
        "option",
        "interview-stage: option :format: is empty",
        3,
    ),
    Case(":::{person-card} o8\n:::", "option", "person-card: missing required option :title:", 1),
    Case(":::{skill-map}\n:skills:\n:::", "option", "skill-map: option :skills: is empty", 2),
    # -- bad list syntax ----------------------------------------------------------------
    Case(
        ":::{role-card} s1\n:title: S1\n:stages: screen,,\n:::",
        "option",
        "empty item in stages list",
        3,
    ),
    Case(
        ":::{role-card} s2\n:title: S2\n:stages: screen, screen\n:::",
        "option",
        "'screen' is listed twice in stages",
        3,
    ),
    Case(
        ":::{role-card} s3\n:title: S3\n:skills: py\n:::",
        "option",
        "expected skill=level in skills, got 'py'",
        3,
    ),
    Case(
        ":::{role-card} s4\n:title: S4\n:skills: py=\n:::",
        "option",
        "expected skill=level in skills, got 'py='",
        3,
    ),
    Case(
        ":::{role-card} s5\n:title: S5\n:skills: py=1, py=2\n:::",
        "option",
        "skill 'py' is listed twice in skills",
        3,
    ),
    Case(
        ":::{interview-stage} s6\n:title: S6\n:order: first\n:::",
        "option",
        "order must be a whole number, got 'first'",
        3,
    ),
    Case(
        ":::{interview-stage} s7\n:title: S7\n:order: -3\n:::",
        "option",
        "order must be a whole number, got '-3'",
        3,
    ),
    Case(":::{skill-map}\n:rows: ,\n:::", "option", "empty item in :rows: list", 2),
    Case(
        ":::{role-card} s9\n:title: S9\n:skills: py=1; ml=2\n:::",
        "level",
        "unknown level '1; ml=2'",
        3,
    ),
    Case(
        ":::{person-card} s10\n:title: S10\n:reports-to: Not An Id\n:::",
        "option",
        "malformed reports-to id 'Not An Id'",
        3,
    ),
    # -- unicode and very long values -----------------------------------------------
    Case(":::{role-card} rôle\n:title: Rôle ünïcode\n:::", "option", "malformed role id 'rôle'", 1),
    Case(
        f":::{{role-card}} long1\n:title: Long\n:skills: {LONG}=2\n:::",
        "option",
        "malformed skill id 'XXXXXXXXXX",
        3,
    ),
    Case(
        f":::{{role-card}} long2\n:title: Long\n:stages: {LONG.lower()}\n:::",
        "unknown",
        f"names unknown interview stage '{LONG.lower()}'",
        3,
    ),
    # -- nested blocks used in the wrong place ----------------------------------------
    Case(
        ":::{skill-level} 2\nNot inside a skill.\n:::",
        "option",
        "skill-level belongs inside a skill directive",
        1,
    ),
    Case(
        ":::{red-flags}\n- Not inside a stage\n:::",
        "option",
        "red-flags belongs inside an interview-stage directive",
        1,
    ),
    Case(
        "::::{interview-stage} n3\n:title: N3\n\n:::{red-flags}\n:::\n::::",
        "option",
        "red-flags has no content",
        4,
    ),
    Case(
        "::::{skill} n4\n:title: N4\n\n:::{skill-level}\nNo level.\n:::\n::::",
        "option",
        "skill-level: missing level argument",
        4,
    ),
    # -- directives nested in tables, tabs and admonitions ---------------------------
    # MyST numbers a directive on the first body line of a container one line late
    # per level; the extension finds the directive's own line in the source, so its
    # warnings point at the option, as anywhere else.
    Case(
        "::::{list-table}\n* - Cell\n  - :::{role-card} t1\n    :title: T1\n"
        "    :skills: py=9\n    :::\n::::",
        "level",
        "level 9 is outside the scale",
        5,
    ),
    Case(
        "::::{tab-set}\n:::{tab-item} One\n```{role-card} t2\n:title: T2\n:skills: py=9\n```\n"
        ":::\n::::",
        "level",
        "level 9 is outside the scale",
        5,
    ),
    Case(
        "::::{note}\nA note.\n\n:::{person-card} t3\n:title: T3\n:role: nobody\n:::\n::::",
        "unknown",
        "person 't3': :role: names unknown role 'nobody'",
        6,
    ),
    Case(
        "::::{dropdown} More\n:::{role-card} t4\n:title: T4\n:skills: py=banana\n:::\n::::",
        "level",
        "unknown level 'banana'",
        4,
    ),
    # -- reports-to cycles -------------------------------------------------------------
    Case(
        ":::{role-card} c1a\n:title: C1a\n:reports-to: c1b\n:::\n\n"
        ":::{role-card} c1b\n:title: C1b\n:reports-to: c1a\n:::",
        "cycle",
        "reports-to cycle: c1a -> c1b -> c1a",
        3,
    ),
    Case(
        "Text.\n\n:::{person-card} c2\n:title: C2\n:reports-to: c2\n:::",
        "cycle",
        "reports-to cycle: c2 -> c2",
        5,
    ),
]

CONF = """extensions = ["myst_parser", "sphinx_design", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
teamext_coverage = "off"
teamext_empty_sections = "off"
"""


def page_name(i: int) -> str:
    return f"case-{i:02d}"


def write_project(root: Path, cases: list[Case]) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    names = "\n".join(["base", *(page_name(i) for i in range(len(cases)))])
    (root / "index.md").write_text(f"# Cases\n\n```{{toctree}}\n{names}\n```\n", encoding="utf-8")
    (root / "base.md").write_text(BASE, encoding="utf-8")
    for i, case in enumerate(cases):
        text = f"# Case {i}\n\n{case.snippet}\n"
        (root / f"{page_name(i)}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[tuple[str, int, str, str]]]:
    src = write_project(tmp_path_factory.mktemp("robust") / "src", CASES)
    app = build(src)  # an exception in the extension propagates out of build()
    assert app.statuscode == 0, "the build of the corpus failed"
    text = app.warning.getvalue()
    return text, parse_warnings(text)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert {c.subtype for c in CASES} == {"unknown", "level", "duplicate", "option", "cycle"}


def test_no_traceback_and_nothing_unlocated(corpus) -> None:
    text, warnings = corpus
    assert len(warnings) >= len(CASES), text  # every case ran and was reported
    located = {w[2] for w in warnings}
    for line in text.splitlines():
        if "WARNING" in line:
            assert any(m in line for m in located), f"unlocated or foreign warning: {line}"
    assert not [w for w in warnings if w[0] in ("base.md", "index.md")]


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"case-{i:02d}" for i in range(len(CASES))])
def test_case_gives_exactly_its_warning(corpus, i: int) -> None:
    _, warnings = corpus
    case = CASES[i]
    mine = [w for w in warnings if w[0] == f"{page_name(i)}.md"]
    assert len(mine) == 1, f"{case.snippet!r} gave {mine}"
    _, line, message, kind = mine[0]
    assert kind == f"teamext.{case.subtype}"
    assert case.message in message
    assert line == case.line + HEADING_LINES


def test_warning_as_error_fails_the_build_with_the_message(tmp_path: Path) -> None:
    bad = [CASES[11]]  # a level outside the scale
    src = write_project(tmp_path / "src", bad)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "-q",
            "-T",
            str(src),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "case-00.md:5: WARNING: role-card: level 7 is outside the scale 0-4" in result.stderr
    assert "[teamext.level]" in result.stderr
    assert "Traceback" not in result.stderr


# -- HTML and script written into options and bodies is shown as text ------------------

PAYLOADS = [
    '<script>window.__teamext_pwned = "{i}"</script>',
    '<img src="x" onerror="window.__teamext_pwned = \'{i}\'">',
]


def payload(i: int) -> str:
    return PAYLOADS[i % 2].format(i=i)


INJECTION = """# Injection

::::{{skill}} py
:title: {p[1]}
:group: {p[2]}

Body {p[3]}

:::{{skill-level}} 2
{p[4]}
:::
::::

::::{{interview-stage}} st
:title: {p[5]}
:format: {p[6]}
:assesses: py

{p[7]}

:::{{red-flags}}
- {p[8]}
:::
::::

:::{{role-card}} lead
:title: {p[9]}
:summary: {p[10]}
:skills: py=3
:stages: st

{p[11]}
:::

:::{{person-card}} ana
:title: {p[12]}
:role: lead
:skills: py=2
:reports-to: lead

{p[13]}
:::

:::{{skill-map}}
:caption: {p[14]}
:::

:::{{team-chart}}
:caption: {p[15]}
:::

:::{{team-shape}}
:caption: {p[16]}
:::

:::{{scorecard}} st
:::

See {{team:role}}`{p[17]} <lead>`.

{p[18]}
"""
MARKS = range(1, 19)
#: The last payload sits in the page's own Markdown, outside any directive:
#: MyST passes raw HTML there through by design, so it is the positive control.
CONTROL = 18


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("inject") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.mermaid", "sphinx_teamext"]\n'
        'myst_enable_extensions = ["colon_fence"]\nhtml_theme = "basic"\n'
        'teamext_coverage = "off"\n',
        encoding="utf-8",
    )
    text = INJECTION.format(p={i: payload(i) for i in MARKS})
    (src / "index.md").write_text(text, encoding="utf-8")
    app = build(src)
    assert app.statuscode == 0 and (Path(app.outdir) / "index.html").is_file()
    return Path(app.outdir)


def test_markup_in_options_and_bodies_is_text(injected: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((injected / "index.html").read_text(encoding="utf-8"), "html.parser")
    running = {
        i
        for i in MARKS
        for tag in soup.find_all(True)
        if (tag.name == "script" and f'"{i}"' in (tag.string or ""))
        or any(k.startswith("on") and f"'{i}'" in str(v) for k, v in tag.attrs.items())
    }
    assert running == {CONTROL}, f"markup from these payloads reached the page: {running}"
    # Sphinx's smart quotes turn the payloads' quotes into typographic ones in prose.
    text = soup.get_text().translate(str.maketrans("“”‘’", "\"\"''"))
    # Every payload inside a directive is shown, whole, as text.
    missing = [i for i in MARKS if i != CONTROL and payload(i) not in text]
    assert not missing, f"payloads not shown as text: {missing}"


@pytest.mark.browser
def test_no_injected_script_runs_in_the_browser(injected: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no /usr/bin/chromium")
    page_text = (injected / "index.html").read_text(encoding="utf-8")
    # Drop the positive control, so only the extension's output is tested.
    control = payload(CONTROL)
    assert control in page_text
    (injected / "index.html").write_text(page_text.replace(control, ""), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto((injected / "index.html").as_uri())
            page.wait_for_load_state("load")
            page.wait_for_timeout(300)  # an onerror handler runs after the image fails
            assert page.evaluate("typeof window.__teamext_pwned") == "undefined"
            # The control proves the probe works: the same payload at top level runs.
            page.set_content(f"<html><body>{control}</body></html>")
            page.wait_for_timeout(100)
            assert page.evaluate("window.__teamext_pwned") == "18"
        finally:
            browser.close()
