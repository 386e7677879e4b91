"""Benchmark runner: build the synthetic handbooks and write bench/RESULTS.md.

Each build is a fresh ``python -m sphinx`` subprocess; its wall time is taken
around it and its peak memory is the ``ru_maxrss`` that ``os.wait4`` returns
for that child (with ``-j 2`` this is the largest process, workers included,
not their sum). Figures are medians over ``--runs`` builds.

Run it with ``nox -s bench`` (which installs sphinx-needs for the peer
variant) or directly: ``python bench/run.py --runs 3``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import VARIANTS, Handbook, make, retitle_role, write

HERE = Path(__file__).parent


@dataclass
class Build:
    seconds: float
    cpu: float  # user + system seconds of the build process and its reaped workers
    maxrss_mib: float
    warnings: int


@dataclass
class Cell:
    """Every measurement of one variant at one size."""

    n: int
    variant: str
    full: list[Build] = field(default_factory=list)
    parallel: list[Build] = field(default_factory=list)
    incremental: list[Build] = field(default_factory=list)
    rewritten: list[list[str]] = field(default_factory=list)
    expected: list[list[str]] = field(default_factory=list)
    differ_from_clean: list[str] | None = None
    stale: list[str] | None = None


def sphinx_build(src: Path, out: Path, *extra: str) -> Build:
    """One build in a fresh interpreter; warnings are counted, not fatal."""
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-T",
        *extra,
        "-d",
        str(out / ".doctrees"),
        str(src),
        str(out),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "1700000000"}
    # With bytecode writing off, every build would compile Sphinx anew (~1 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"build of {src} failed ({proc.returncode}):\n{err[-3000:]}")
    warnings = err.count("WARNING:")
    if warnings:
        print(f"  {warnings} warnings, first: {err.strip().splitlines()[0][:200]}")
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, warnings)


def html_pages(out: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(out).with_suffix("")): p
        for p in out.rglob("*.html")
        if not p.relative_to(out).parts[0].startswith(("_", "."))
        and p.name not in ("genindex.html", "search.html")
    }


def measure(
    hb: Handbook, variant: str, work: Path, runs: int, parallel_runs: int, incremental: bool
) -> Cell:
    cell = Cell(hb.n, variant)
    src = write(hb, variant, work / f"{variant}-{hb.n}" / "src")
    out = src.parent / "html"
    for i in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        cell.full.append(sphinx_build(src, out))
        print(
            f"  {variant} N={hb.n} full #{i + 1}: {cell.full[-1].seconds:.1f} s, "
            f"{cell.full[-1].maxrss_mib:.0f} MiB"
        )
    if incremental:
        for i in range(runs):
            role = hb.roles[hb.n // 2 + 7 * i]
            before = {k: p.stat().st_mtime_ns for k, p in html_pages(out).items()}
            time.sleep(0.01)
            retitle_role(hb, variant, src, role.id, f"Edited role {role.id}")
            cell.incremental.append(sphinx_build(src, out))
            after = html_pages(out)
            docs = {*hb.pages(), "index"}  # Sphinx's own pages (indices) are rewritten always
            cell.rewritten.append(
                sorted(
                    k
                    for k, p in after.items()
                    if k in docs and p.stat().st_mtime_ns != before.get(k)
                )
            )
            cell.expected.append(sorted(hb.pages_showing_role(role.id)))
            print(
                f"  {variant} N={hb.n} incremental #{i + 1}: "
                f"{cell.incremental[-1].seconds:.1f} s, {len(cell.rewritten[-1])} pages"
            )
        clean = src.parent / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        sphinx_build(src, clean)
        inc_pages, clean_pages = html_pages(out), html_pages(clean)
        cell.differ_from_clean = sorted(
            k
            for k in clean_pages
            if k not in inc_pages or inc_pages[k].read_bytes() != clean_pages[k].read_bytes()
        )
        # Pages that show an edited role, where the clean build has the new title
        # and the incremental one does not: stale output, not just random ids.
        cell.stale = []
        for i in range(runs):
            role = hb.roles[hb.n // 2 + 7 * i]
            new = f"Edited role {role.id}"
            for page in cell.expected[i]:
                if new in clean_pages[page].read_text(encoding="utf-8") and new not in inc_pages[
                    page
                ].read_text(encoding="utf-8"):
                    cell.stale.append(page)
        shutil.rmtree(clean)
    if parallel_runs:
        for i in range(parallel_runs):
            shutil.rmtree(out, ignore_errors=True)
            cell.parallel.append(sphinx_build(src, out, "-j", "2"))
            print(f"  {variant} N={hb.n} -j 2 #{i + 1}: {cell.parallel[-1].seconds:.1f} s")
    shutil.rmtree(src.parent)
    return cell


def med(builds: list[Build], attr: str) -> float:
    return float(statistics.median(getattr(b, attr) for b in builds))


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def report(cells: list[Cell], args: argparse.Namespace, command: str) -> str:
    by = {(c.n, c.variant): c for c in cells}
    lines = [
        "# Benchmark results",
        "",
        f"Reproduce: `{command}` (or `nox -s bench -- {' '.join(sys.argv[1:])}`).",
        "",
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, Sphinx {version('sphinx')}, myst-parser "
        f"{version('myst-parser')}, sphinx-needs {version('sphinx-needs')}, sphinx-design "
        f"{version('sphinx-design')}. **Measured on a shared machine** (other jobs were "
        "running on its 2 cores), so absolute times are noisy; variants were measured "
        "in the same run, interleaved per size.",
        f"- Medians of {args.runs} fresh builds per cell (`-b html -q -T`, new output and "
        f"doctree folders each time); `-j 2`: {args.parallel_runs} build(s) per cell. "
        "Memory: peak RSS (`ru_maxrss` from `os.wait4`) of the `sphinx-build` child; "
        "for `-j 2` that is the largest single process.",
        "- Theme: `basic` for every variant (no global-toc sidebar). Each variant loads only "
        "the extensions it uses: floor = myst-parser + sphinx-design, needs = myst-parser + "
        "sphinx-needs, teamext = myst-parser + sphinx_teamext.",
        "- Content (bench/generate.py, seeded): N roles, N/5 skills, N/2 people, N/100 "
        "interview stages (min 5), N/20 skill maps of 20 roles x 8 skills; 10 roles or people "
        "or 25 skills per page; each role links two other roles in its body. "
        "The floor writes every backlink and map cell by hand. sphinx-needs shows the same "
        "records and links, but its `needtable` for a map lists id, title, linked skills and "
        "the levels text per row, not a role x skill level matrix, and need cards show links "
        "both ways rather than the teamext field layout.",
        "",
    ]
    sizes = sorted({c.n for c in cells})
    lines += [
        "## Full builds",
        "",
        "| N roles | variant | time (s) | CPU (s) | peak RSS (MiB) | time vs floor |"
        " time vs sphinx-needs | -j 2 time (s) | -j 2 speed-up | -j 2 peak RSS (MiB) |"
        " warnings |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n in sizes:
        for variant in VARIANTS:
            c = by.get((n, variant))
            if c is None or not c.full:
                continue
            t = med(c.full, "seconds")
            floor = by.get((n, "floor"))
            needs = by.get((n, "needs"))
            vs_floor = f"{t / med(floor.full, 'seconds'):.2f}x" if floor and floor.full else ""
            vs_needs = f"{t / med(needs.full, 'seconds'):.2f}x" if needs and needs.full else ""
            par = (
                (
                    f"{med(c.parallel, 'seconds'):.1f} | {t / med(c.parallel, 'seconds'):.2f}x | "
                    f"{med(c.parallel, 'maxrss_mib'):.0f}"
                )
                if c.parallel
                else " | | "
            )
            lines.append(
                f"| {n} | {variant} | {t:.1f} | {med(c.full, 'cpu'):.1f} | "
                f"{med(c.full, 'maxrss_mib'):.0f} | "
                f"{vs_floor} | {vs_needs} | {par} | {c.full[0].warnings} |"
            )
    lines += ["", "## Incremental build after retitling one role card", ""]
    lines += [
        "| N roles | variant | time (s) | share of full build |"
        " pages rewritten incl. index (median) | pages that show the role |"
        " rewritten = shown (besides index) | equals clean build |",
        "|---|---|---|---|---|---|---|---|",
    ]
    details = []
    for c in cells:
        if not c.incremental:
            continue
        t = med(c.incremental, "seconds")
        same = all(  # Sphinx rewrites ``index``, the toctree parent, in every variant
            set(r) - {"index"} == set(e) for r, e in zip(c.rewritten, c.expected, strict=True)
        )
        equal = (
            "yes"
            if not c.differ_from_clean
            else (
                f"no: {len(c.differ_from_clean)} pages differ"
                + (f", {len(set(c.stale or []))} show the old title" if c.stale else "")
            )
        )
        lines.append(
            f"| {c.n} | {c.variant} | {t:.1f} | {100 * t / med(c.full, 'seconds'):.0f}% | "
            f"{statistics.median(len(r) for r in c.rewritten):.0f} | "
            f"{statistics.median(len(e) for e in c.expected):.0f} | {'yes' if same else 'no'} | "
            f"{equal} |"
        )
        details.append(
            f"- {c.variant}, N={c.n}: rewritten {c.rewritten[0]}; "
            f"pages that show the role {c.expected[0]}"
        )
    lines += ["", "Pages of the first edit:", "", *details, ""]
    return "\n".join(lines) + "\n"


def targets(cells: list[Cell]) -> str:
    """The issue's targets for teamext, each with its figure and met / missed."""
    by = {(c.n, c.variant): c for c in cells}
    out = ["## Targets (teamext)", ""]

    def line(ok: bool, text: str) -> None:
        out.append(f"- {'met' if ok else 'MISSED'}: {text}")

    for n in sorted({c.n for c in cells if c.incremental}):
        te, floor, needs = by.get((n, "teamext")), by.get((n, "floor")), by.get((n, "needs"))
        if te is None:
            continue
        t = med(te.full, "seconds")
        if floor:
            r = t / med(floor.full, "seconds")
            line(r <= 1.0, f"N={n} full build {r:.2f}x the floor's time (target <= 1.0x)")
        if needs:
            r = t / med(needs.full, "seconds")
            line(r <= 0.8, f"N={n} full build {r:.2f}x sphinx-needs' time (target <= 0.8x)")
            cr = med(te.full, "cpu") / med(needs.full, "cpu")
            out.append(f"  (CPU time: {cr:.2f}x sphinx-needs')")
            m, mn = med(te.full, "maxrss_mib"), med(needs.full, "maxrss_mib")
            line(m <= mn, f"N={n} peak RSS {m:.0f} MiB vs sphinx-needs' {mn:.0f} MiB")
        share = med(te.incremental, "seconds") / t
        line(
            share <= 0.10,
            f"N={n} incremental build {100 * share:.0f}% of a full build (target <= 10%)",
        )
        exact = all(
            set(r) - {"index"} == set(e) for r, e in zip(te.rewritten, te.expected, strict=True)
        )
        line(
            exact,
            f"N={n} rewrites exactly the pages that show the edited card "
            "(plus `index`, which Sphinx rewrites as the toctree parent of any "
            "edited page, in every variant)",
        )
        line(
            not te.differ_from_clean,
            f"N={n} incremental output equals a clean build "
            f"({len(te.differ_from_clean or [])} pages differ)",
        )
        if te.parallel:
            out.append(
                f"- reported: N={n} `-j 2` {med(te.parallel, 'seconds'):.1f} s, "
                f"speed-up {t / med(te.parallel, 'seconds'):.2f}x, peak RSS "
                f"{med(te.parallel, 'maxrss_mib'):.0f} MiB per process"
            )
    small, big = by.get((500, "teamext")), by.get((2000, "teamext"))
    if small and big:
        r = med(big.full, "seconds") / med(small.full, "seconds")
        rc = med(big.full, "cpu") / med(small.full, "cpu")
        line(
            r <= 4.4, f"N 500 -> 2,000 costs {r:.2f}x the time, {rc:.2f}x the CPU (target <= 4.4x)"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--compare",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes at which all variants are built (with incremental, -j 2)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        nargs="*",
        default=[250, 500, 2000],
        help="further sizes, built with --scale-variants only",
    )
    parser.add_argument("--scale-variants", nargs="*", default=["teamext"], choices=VARIANTS)
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--parallel-runs", type=int, default=3, help="-j 2 builds per cell")
    parser.add_argument("--work", type=Path, default=Path("/tmp/teamext-bench"))
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    cells: list[Cell] = []

    def save() -> str:  # after every cell, so an interrupted run still leaves figures
        text = report(cells, args, command) + targets(cells)
        notes = HERE / "notes.md"  # hand-written findings, kept across runs
        if notes.exists():
            text += "\n" + notes.read_text(encoding="utf-8")
        args.out.write_text(text, encoding="utf-8")
        return text

    for n in args.compare:
        hb = make(n)
        for variant in args.variants:
            cells.append(measure(hb, variant, args.work, args.runs, args.parallel_runs, True))
            save()
    for n in args.scale:
        hb = make(n)
        for variant in args.scale_variants:
            cells.append(measure(hb, variant, args.work, args.runs, 0, False))
            save()
    text = save()
    print(text)


if __name__ == "__main__":
    main()
