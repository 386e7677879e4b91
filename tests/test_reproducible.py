"""Two clean builds with ``SOURCE_DATE_EPOCH`` set are byte-identical.

Each build runs in its own interpreter with a different ``PYTHONHASHSEED``, so
anything that leaks set or dict-of-hash order into the output shows up. Every
file of the output folder is compared; the doctrees (Sphinx's cache, not
output) are written elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_parallel import mixed_project

pytestmark = pytest.mark.slow


def clean_build(src: Path, out: Path, seed: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-E",
            "-d",
            str(out.parent / "dt"),
            str(src),
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    src = mixed_project(tmp_path / "src", n=30)
    first, second = tmp_path / "a" / "html", tmp_path / "b" / "html"
    clean_build(src, first, "1")
    clean_build(src, second, "2")
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    assert len(files_a) > 20
    differ = [str(f) for f in files_a if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not differ, f"files differ between two clean builds: {differ}"
