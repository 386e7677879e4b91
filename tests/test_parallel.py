"""``-j 2`` and serial builds of one project give identical HTML and warnings.

The project is a small synthetic handbook from ``bench/generate.py`` (cards,
skill maps, cross-references on a dozen pages) plus a page of malformed uses
from the robustness corpus, so there are warnings to compare as well.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import build as build_app
from sphinx.testing.util import SphinxTestApp
from test_robustness import CASES

BENCH = Path(__file__).parent.parent / "bench"

pytestmark = pytest.mark.slow


def mixed_project(root: Path, n: int = 40) -> Path:
    """A generated handbook of ``n`` roles plus a page of broken cards."""
    if not (BENCH / "generate.py").exists():
        pytest.skip("bench/generate.py is not in this tree")
    sys.path.insert(0, str(BENCH))
    try:
        from generate import make, write
    finally:
        sys.path.remove(str(BENCH))
    src = write(make(n), "teamext", root)
    conf = (src / "conf.py").read_text(encoding="utf-8")
    conf = conf.replace("'sphinx_teamext'", "'sphinx_design', 'sphinx_teamext'")
    (src / "conf.py").write_text(conf, encoding="utf-8")
    broken = "\n\n".join(case.snippet for case in CASES if "lead" not in case.snippet)
    (src / "broken.md").write_text(f"# Broken\n\n{broken}\n", encoding="utf-8")
    index = (src / "index.md").read_text(encoding="utf-8")
    (src / "index.md").write_text(index.replace("\n```\n", "\nbroken\n```\n", 1), encoding="utf-8")
    return src


def build(src: Path, out: Path, parallel: int) -> tuple[SphinxTestApp, str]:
    app = build_app(src, builddir=out, freshenv=True, parallel=parallel)
    return app, app.warning.getvalue()


def html_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    src = mixed_project(tmp_path / "src")
    serial_app, serial_warnings = build(src, tmp_path / "serial", 0)
    parallel_app, parallel_warnings = build(src, tmp_path / "parallel", 2)
    assert parallel_app.parallel == 2 and parallel_app.is_parallel_allowed("read")
    assert parallel_app.is_parallel_allowed("write")

    serial, parallel = html_files(serial_app.outdir), html_files(parallel_app.outdir)
    assert len(serial) > 10
    assert serial.keys() == parallel.keys()
    differ = [name for name in serial if serial[name] != parallel[name]]
    assert not differ, f"pages differ between -j 2 and serial: {differ}"

    serial_lines = ANSI.sub("", serial_warnings).splitlines()
    parallel_lines = ANSI.sub("", parallel_warnings).splitlines()
    assert len([w for w in serial_lines if "[teamext." in w]) >= 20
    assert serial_app.statuscode == 0 and parallel_app.statuscode == 0
    # The same warnings; workers report reading warnings per chunk, so their
    # order is compared for the project-wide checks only, which run once.
    assert sorted(serial_lines) == sorted(parallel_lines)
    project_wide = ("[teamext.duplicate]", "[teamext.unknown]", "[teamext.cycle]")

    def checks(lines: list[str]) -> list[str]:
        return [w for w in lines if w.endswith(project_wide)]

    assert checks(serial_lines) == checks(parallel_lines)
