"""Benchmark runner: build the synthetic handbooks, keep the figures, write bench/RESULTS.md.

What it measures is what issue 12's targets ask (see ``targets`` below):

- full HTML builds of every variant (plain, floor, sphinx-needs, teamext) in the
  ``alabaster`` configuration (default theme, sphinx-design loaded in every variant),
  and the same in the ``basic`` configuration of the earlier benchmark, reported beside;
- wall time, CPU time and peak memory of each build, medians over ``--runs`` builds;
  the variants are built in rounds (one build of each variant per round), so every
  variant sees the same load on a shared machine;
- docutils elements per build (one separate counting build per variant, with
  bench/count_nodes.py loaded; never in a timed build);
- ``-j 2`` against ``-j 1`` (the full builds above), and whether the ``-j 2`` output is
  byte-identical to the serial output;
- a no-change rebuild, then the incremental build after retitling one role card: its
  time, the pages it rewrites, and whether the result equals a clean build;
- scaling of full builds from N=500 to N=2,000 roles.

Each build is a fresh ``python -m sphinx`` subprocess; its wall time is taken around
it and its peak memory is the ``ru_maxrss`` that ``os.wait4`` returns for that child
(with ``-j 2`` this is the largest process, workers included, not their sum).

The figures of a run are saved as ``bench/results/<label>.json`` (``--label``, e.g.
``before`` for the code before a rewrite and ``after`` for the code after it), and
bench/RESULTS.md is written from every saved label, side by side, followed by
bench/notes.md. A run with one label never touches another label's figures.

Run it with ``nox -s bench -- --label after`` or directly:
``python bench/run.py --label after``. Quick look: ``--compare 250 --scale --runs 1``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from generate import CONFIGS, VARIANTS, Handbook, make, retitle_role, write

HERE = Path(__file__).parent
TARGET_CONFIG = "alabaster"
CONFIG_TEXT = {
    "alabaster": "theme alabaster (Sphinx's default), sphinx-design loaded in every variant",
    "basic": "theme basic, each variant loads only what it uses (the earlier benchmark)",
}
LABEL_ORDER = ("before", "after")


@dataclass
class Build:
    seconds: float
    cpu: float  # user + system seconds of the build process and its reaped workers
    maxrss_mib: float
    warnings: int


@dataclass
class Cell:
    """Every measurement of one variant at one size in one configuration."""

    config: str
    n: int
    variant: str
    full: list[Build] = field(default_factory=list)
    parallel: list[Build] = field(default_factory=list)
    # files (relative paths) whose -j 2 output differs from the serial output
    parallel_differ: list[str] | None = None
    parallel_note: str = ""
    nochange: list[Build] = field(default_factory=list)
    nochange_rewritten: list[list[str]] = field(default_factory=list)
    incremental: list[Build] = field(default_factory=list)
    rewritten: list[list[str]] = field(default_factory=list)
    expected: list[list[str]] = field(default_factory=list)
    differ_from_clean: list[str] | None = None
    stale: list[str] | None = None
    elements: dict[str, int] | None = None  # docname -> elements in its resolved doctree

    @classmethod
    def load(cls, data: dict[str, Any]) -> Cell:
        data = dict(data)
        for key in ("full", "parallel", "nochange", "incremental"):
            data[key] = [Build(**b) for b in data.get(key, [])]
        return cls(**data)


def sphinx_build(
    src: Path, out: Path, *extra: str, env_extra: dict[str, str] | None = None
) -> Build:
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
    env.pop("TEAMEXT_BENCH_COUNT", None)
    env.update(env_extra or {})
    # With bytecode writing off, every build would compile Sphinx anew (~1 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working folder first on sys.path; from the repository
    # that would import its sphinx_teamext rather than the installed one.
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=src.parent
    )
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


def all_files(out: Path) -> dict[str, Path]:
    """Every output file except the doctree cache."""
    return {
        str(p.relative_to(out)): p
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] != ".doctrees"
    }


def _search_data(path: Path) -> Any:
    """searchindex.js as data, with every list sorted (order-insensitive comparison)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])

    def norm(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: norm(v) for k, v in x.items()}
        if isinstance(x, list):
            return sorted((norm(v) for v in x), key=lambda v: json.dumps(v, sort_keys=True))
        return x

    return norm(data)


def compare_outputs(serial: Path, parallel: Path) -> tuple[list[str], str]:
    """Files that differ byte for byte; searchindex.js is compared as sorted data
    only when its bytes differ, and the note says so."""
    a, b = all_files(serial), all_files(parallel)
    differ = sorted(
        k
        for k in a.keys() | b.keys()
        if k not in a or k not in b or a[k].read_bytes() != b[k].read_bytes()
    )
    note = "all files byte-identical (searchindex.js included)"
    if "searchindex.js" in differ and "searchindex.js" in a and "searchindex.js" in b:
        if _search_data(a["searchindex.js"]) == _search_data(b["searchindex.js"]):
            differ.remove("searchindex.js")
            note = (
                "searchindex.js differs only in ordering (equal as data with lists sorted); "
                "other files byte-identical"
                if not differ
                else "searchindex.js differs only in ordering"
            )
        else:
            note = "searchindex.js differs as data"
    elif differ:
        note = f"{len(differ)} files differ"
    return differ, note


def count_elements(src: Path, work: Path) -> dict[str, int]:
    out = work / "count"
    shutil.rmtree(out, ignore_errors=True)
    target = work / "elements.json"
    target.unlink(missing_ok=True)
    sphinx_build(src, out, env_extra={"TEAMEXT_BENCH_COUNT": str(target)})
    counts: dict[str, int] = json.loads(target.read_text(encoding="utf-8"))
    shutil.rmtree(out)
    return counts


def measure_size(
    hb: Handbook,
    config: str,
    variants: list[str],
    work: Path,
    runs: int,
    parallel_variants: list[str],
    incremental: bool,
    count: bool,
    save: Any,
    into: list[Cell],
) -> None:
    """All variants of one size and configuration, the timed builds in rounds.
    The cells are appended to ``into`` at once, so ``save`` keeps partial figures."""
    cells = {v: Cell(config, hb.n, v) for v in variants}
    into.extend(cells.values())
    srcs = {v: write(hb, v, work / f"{config}-{v}-{hb.n}" / "src", config) for v in variants}
    outs = {v: srcs[v].parent / "html" for v in variants}
    pars = {v: srcs[v].parent / "html-j2" for v in variants}
    for i in range(runs):
        for v in variants:
            c = cells[v]
            shutil.rmtree(outs[v], ignore_errors=True)
            c.full.append(sphinx_build(srcs[v], outs[v]))
            last = c.full[-1]
            msg = f"  {config} {v} N={hb.n} full #{i + 1}: {last.seconds:.1f} s, "
            msg += f"{last.maxrss_mib:.0f} MiB"
            if v in parallel_variants:
                shutil.rmtree(pars[v], ignore_errors=True)
                c.parallel.append(sphinx_build(srcs[v], pars[v], "-j", "2"))
                msg += f"; -j 2: {c.parallel[-1].seconds:.1f} s"
            print(msg, flush=True)
        save()
    for v in variants:
        c = cells[v]
        if c.parallel:
            c.parallel_differ, c.parallel_note = compare_outputs(outs[v], pars[v])
            print(f"  {config} {v} N={hb.n} -j 2 vs serial: {c.parallel_note}", flush=True)
            shutil.rmtree(pars[v])
        if count:
            c.elements = count_elements(srcs[v], srcs[v].parent)
            print(f"  {config} {v} N={hb.n} elements: {sum(c.elements.values()):,}", flush=True)
        if incremental:
            measure_incremental(hb, c, srcs[v], outs[v], runs)
        save()
    for v in variants:
        shutil.rmtree(srcs[v].parent)


def measure_incremental(hb: Handbook, c: Cell, src: Path, out: Path, runs: int) -> None:
    docs = {*hb.pages(), "index"}

    def rewritten(before: dict[str, int]) -> list[str]:
        return sorted(
            k
            for k, p in html_pages(out).items()
            if k in docs and p.stat().st_mtime_ns != before.get(k)
        )

    for i in range(runs):
        before = {k: p.stat().st_mtime_ns for k, p in html_pages(out).items()}
        time.sleep(0.01)
        c.nochange.append(sphinx_build(src, out))
        c.nochange_rewritten.append(rewritten(before))
        role = hb.roles[hb.n // 2 + 7 * i]
        before = {k: p.stat().st_mtime_ns for k, p in html_pages(out).items()}
        time.sleep(0.01)
        retitle_role(hb, c.variant, src, role.id, f"Edited role {role.id}")
        c.incremental.append(sphinx_build(src, out))
        c.rewritten.append(rewritten(before))
        c.expected.append(sorted(hb.pages_showing_role(role.id, c.variant == "teamext-growth")))
        print(
            f"  {c.config} {c.variant} N={hb.n} no-change #{i + 1}: {c.nochange[-1].seconds:.1f} s "
            f"({len(c.nochange_rewritten[-1])} pages); incremental: "
            f"{c.incremental[-1].seconds:.1f} s, {len(c.rewritten[-1])} pages",
            flush=True,
        )
    clean = src.parent / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    sphinx_build(src, clean)
    inc_pages, clean_pages = html_pages(out), html_pages(clean)
    c.differ_from_clean = sorted(
        k
        for k in clean_pages
        if k not in inc_pages or inc_pages[k].read_bytes() != clean_pages[k].read_bytes()
    )
    # Pages that show an edited role, where the clean build has the new title
    # and the incremental one does not: stale output, not just random ids.
    c.stale = []
    for i in range(runs):
        role = hb.roles[hb.n // 2 + 7 * i]
        new = f"Edited role {role.id}"
        for page in c.expected[i]:
            if new in clean_pages[page].read_text(encoding="utf-8") and new not in inc_pages[
                page
            ].read_text(encoding="utf-8"):
                c.stale.append(page)
    shutil.rmtree(clean)


# -- report ---------------------------------------------------------------------------


def med(builds: list[Build], attr: str = "seconds") -> float:
    return float(statistics.median(getattr(b, attr) for b in builds))


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def elements(c: Cell | None) -> int | None:
    return sum(c.elements.values()) if c and c.elements else None


def kind_of(page: str) -> str:
    return page.split("/")[0] if "/" in page else page


def exact_rewrite(c: Cell) -> bool:
    # Sphinx rewrites ``index``, the toctree parent of an edited page, in every variant.
    return all(set(r) - {"index"} == set(e) for r, e in zip(c.rewritten, c.expected, strict=True))


@dataclass
class Run:
    label: str
    meta: dict[str, Any]
    cells: list[Cell]

    def get(self, config: str, n: int, variant: str) -> Cell | None:
        return next(
            (c for c in self.cells if (c.config, c.n, c.variant) == (config, n, variant)), None
        )


def targets(run: Run) -> list[tuple[str, str, bool | None]]:
    """Issue 12's targets for teamext: (what, figure, met / missed / just reported)."""
    rows: list[tuple[str, str, bool | None]] = []
    cfg = TARGET_CONFIG
    for n in sorted({c.n for c in run.cells if c.config == cfg and c.incremental}):
        te, needs, plain = (run.get(cfg, n, v) for v in ("teamext", "needs", "plain"))
        if te is None or not te.full:
            continue
        t = med(te.full)
        if needs and needs.full:
            tn = med(needs.full)
            rows.append(
                (
                    f"N={n:,} full build vs sphinx-needs (<= 0.8x)",
                    f"{t / tn:.2f}x ({t:.1f} s vs {tn:.1f} s)",
                    t / tn <= 0.8,
                )
            )
            rows.append(
                (
                    f"N={n:,} CPU time vs sphinx-needs (reported)",
                    f"{med(te.full, 'cpu') / med(needs.full, 'cpu'):.2f}x",
                    None,
                )
            )
            m, mn = med(te.full, "maxrss_mib"), med(needs.full, "maxrss_mib")
            rows.append(
                (f"N={n:,} peak RSS vs sphinx-needs (<=)", f"{m:.0f} vs {mn:.0f} MiB", m <= mn)
            )
        if plain and plain.full:
            tp = med(plain.full)
            rows.append(
                (
                    f"N={n:,} full build vs plain paragraphs (about 1.6x if 0.8x needs)",
                    f"{t / tp:.2f}x ({tp:.1f} s plain)",
                    None,
                )
            )
        e, en = elements(te), elements(needs)
        if e is not None and en is not None:
            rows.append(
                (
                    f"N={n:,} docutils elements vs sphinx-needs (<=)",
                    f"{e:,} vs {en:,} ({e / en:.2f}x)",
                    e <= en,
                )
            )
        if te.parallel:
            tj = med(te.parallel)
            rows.append(
                (
                    f"N={n:,} `-j 2` speed-up over `-j 1` (>= 1.3x)",
                    f"{t / tj:.2f}x ({tj:.1f} s vs {t:.1f} s)",
                    t / tj >= 1.3,
                )
            )
            rows.append(
                (
                    f"N={n:,} `-j 2` output identical to serial",
                    "yes"
                    if not te.parallel_differ
                    else f"no: {len(te.parallel_differ)} files differ",
                    not te.parallel_differ,
                )
            )
        if te.incremental:
            ti, t0 = med(te.incremental), med(te.nochange)
            share = (ti - t0) / t
            rows.append(
                (
                    f"N={n:,} (incremental - no-change) / full build (<= 10%)",
                    f"{100 * share:.1f}% (({ti:.1f} - {t0:.1f}) / {t:.1f} s)",
                    share <= 0.10,
                )
            )
            rows.append(
                (
                    f"N={n:,} no-change rebuild (reported)",
                    f"{t0:.1f} s, {statistics.median(len(r) for r in te.nochange_rewritten):.0f} "
                    "pages rewritten",
                    None,
                )
            )
            rows.append(
                (
                    f"N={n:,} incremental rewrites exactly the pages that show the card",
                    f"{statistics.median(len(set(r) - {'index'}) for r in te.rewritten):.0f} of "
                    f"{statistics.median(len(x) for x in te.expected):.0f} (+ index)",
                    exact_rewrite(te),
                )
            )
            rows.append(
                (
                    f"N={n:,} incremental equals a clean build",
                    "yes"
                    if not te.differ_from_clean
                    else f"no: {len(te.differ_from_clean)} pages differ",
                    not te.differ_from_clean,
                )
            )
    rows += growth_rows(run)
    small, big = run.get(cfg, 500, "teamext"), run.get(cfg, 2000, "teamext")
    if small and big and small.full and big.full:
        r = med(big.full) / med(small.full)
        rc = med(big.full, "cpu") / med(small.full, "cpu")
        ps, pb = run.get(cfg, 500, "plain"), run.get(cfg, 2000, "plain")
        if ps and pb and ps.full and pb.full:
            rp = med(pb.full) / med(ps.full)
            rpc = med(pb.full, "cpu") / med(ps.full, "cpu")
            rows.append(
                (
                    "scaling N=500 -> 2,000 of plain paragraphs, same theme (reported)",
                    f"{rp:.2f}x time ({med(ps.full):.1f} -> {med(pb.full):.1f} s), {rpc:.2f}x CPU",
                    None,
                )
            )
        rows.append(
            (
                "scaling N=500 -> 2,000 (<= 4.2x)",
                f"{r:.2f}x time ({med(small.full):.1f} -> {med(big.full):.1f} s), {rc:.2f}x CPU",
                r <= 4.2,
            )
        )
    for n in sorted({c.n for c in run.cells if c.config == "basic"}):
        te, needs = run.get("basic", n, "teamext"), run.get("basic", n, "needs")
        if te and needs and te.full and needs.full:
            rows.append(
                (
                    f"N={n:,} basic config: full build vs sphinx-needs (reported)",
                    f"{med(te.full) / med(needs.full):.2f}x "
                    f"({med(te.full):.1f} s vs {med(needs.full):.1f} s)",
                    None,
                )
            )
            e, en = elements(te), elements(needs)
            if e is not None and en is not None:
                rows.append(
                    (
                        f"N={n:,} basic config: elements vs sphinx-needs (reported)",
                        f"{e:,} vs {en:,}",
                        None,
                    )
                )
    return rows


def growth_rows(run: Run) -> list[tuple[str, str, bool | None]]:
    """Issue 18: ladders and growth tables cost at most 5% over the same handbook without."""
    rows: list[tuple[str, str, bool | None]] = []
    for n in sorted({c.n for c in run.cells if c.config == TARGET_CONFIG}):
        te, gr = run.get(TARGET_CONFIG, n, "teamext"), run.get(TARGET_CONFIG, n, "teamext-growth")
        if te and gr and te.full and gr.full:
            t, tg = med(te.full), med(gr.full)
            rows.append(
                (
                    f"N={n:,} full build, teamext-growth vs teamext (<= 1.05x)",
                    f"{tg / t:.2f}x ({tg:.1f} s vs {t:.1f} s; CPU "
                    f"{med(gr.full, 'cpu') / med(te.full, 'cpu'):.2f}x)",
                    tg / t <= 1.05,
                )
            )
    return rows


def mark(ok: bool | None) -> str:
    return "" if ok is None else (" **met**" if ok else " **MISSED**")


def meta_lines(run: Run) -> list[str]:
    m = run.meta
    return [
        f"- **{run.label}** ({m['date']}, code at `{m['commit']}`): `{m['command']}`. "
        f"{m['cores']} cores, {m['machine']}, Python {m['python']}, Sphinx {m['sphinx']}, "
        f"docutils {m['docutils']}, myst-parser {m['myst-parser']}, "
        f"sphinx-needs {m['sphinx-needs']}, "
        f"sphinx-design {m['sphinx-design']}, alabaster {m['alabaster']}. Medians of {m['runs']} "
        f"build(s) per cell; load average {m['load_start']} at the start, {m.get('load_end', '?')} "
        f"at the end; {m.get('minutes', '?')} minutes in all."
    ]


PINNED = (
    "python",
    "sphinx",
    "docutils",
    "myst-parser",
    "sphinx-needs",
    "sphinx-design",
    "alabaster",
)


def version_warning(runs: list[Run]) -> list[str]:
    """Labels are comparable only with the same Python and packages: say when not."""
    differ = [k for k in PINNED if len({r.meta.get(k) for r in runs}) > 1]
    if not differ:
        return []
    return [
        "",
        f"**Warning: the labels were measured with different {', '.join(differ)}** "
        "(see above); part of any change between them may come from that.",
    ]


def report(runs: list[Run]) -> str:
    labels = [r.label for r in runs]
    lines = [
        "# Benchmark results",
        "",
        "Written by bench/run.py from bench/results/<label>.json (one file per `--label`; "
        "a run replaces only its own label). Hand-written findings follow, from bench/notes.md.",
        "",
        *[line for r in runs for line in meta_lines(r)],
        *version_warning(runs),
        "",
        "**Shared, noisy machine**: 2 cores used by other jobs as well, so absolute times "
        "drift between runs. Compare variants *within* one label (they were built in "
        "rounds, one build of each variant per round, so they saw the same load); compare "
        "labels through the ratios, not the seconds.",
        "",
        "How: each build is a fresh `python -m sphinx -b html -q -T` subprocess with new "
        "output and doctree folders; time is wall time around it, CPU is user + system of "
        "it and its reaped workers, memory is peak RSS (`ru_maxrss` from `os.wait4`; for "
        "`-j 2` the largest single process). Elements: one separate (untimed) build per "
        "variant with bench/count_nodes.py, summing over pages the `nodes.Element` instances "
        "of each resolved doctree at `doctree-resolved` (priority 999: after all "
        "post-transforms, before writing). `-j 2` output is compared file by file with the "
        "serial output of the same sources (everything except `.doctrees/`; searchindex.js "
        "is compared as data with lists sorted only if its bytes differ, and the table says "
        "so). Incremental: a no-change rebuild, then one role card retitled and rebuilt, "
        "`--runs` times on the same output; then compared with a clean build.",
        "",
        "Configurations: " + "; ".join(f"`{k}` = {v}" for k, v in CONFIG_TEXT.items()) + ". "
        "The targets apply to `alabaster`.",
        "",
        "Variants (bench/generate.py, seeded; N roles, N/5 skills, N/2 people, N/100 "
        "interview stages (min 5), N/20 skill maps of 20 roles x 8 skills; 10 roles or people "
        "or 25 skills per page): `plain` = the same pages, each record one plain paragraph "
        "(no directives, no links, no backlinks); `floor` = the same content written by hand "
        "(sphinx-design cards, links, backlink lists, maps as pipe tables); `needs` = "
        "sphinx-needs 9.1 (its `needtable` per map lists id, title, skills and the levels "
        "text per role, not a level matrix); `teamext` = this extension; `teamext-growth` = "
        "`teamext` plus issue 18's growth records and views (`:next:` ladders of 7-8 rungs with "
        "a track split, N/50 of them; a `team-ladder` per ladder plus one of all, `changes` "
        "and `all` in turn; self, manager and peer assessments on every fifth person; a "
        "`team-growth` per people page), compared with `teamext` only.",
        "",
        "## Targets of issue 12 (teamext) and issue 18 (teamext-growth), `alabaster` configuration",
        "",
        "| target | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
    ]
    rows: dict[str, dict[str, str]] = {}
    for r in runs:
        for what, fig, ok in targets(r):
            rows.setdefault(what, {})[r.label] = fig + mark(ok)
    for what, by in rows.items():
        lines.append(f"| {what} | " + " | ".join(by.get(lb, "") for lb in labels) + " |")

    # full builds side by side
    keys = sorted(
        {(c.config, c.n, c.variant) for r in runs for c in r.cells if c.full},
        key=lambda k: (CONFIGS.index(k[0]), k[1], VARIANTS.index(k[2])),
    )
    lines += [
        "",
        "## Full builds (`-j 1`), side by side",
        "",
        "Time: median wall seconds, then the ratio to sphinx-needs and to plain of the same "
        "run, configuration and size. RSS: peak MiB. Elements: docutils elements per build.",
        "",
        "| config | N | variant | "
        + " | ".join(
            f"{lb} time (s) | {lb} x needs | {lb} x plain | {lb} RSS | {lb} elements"
            for lb in labels
        )
        + " |",
        "|---|---|---|" + "---|---|---|---|---|" * len(labels),
    ]
    for cfg, n, v in keys:
        cols = []
        for r in runs:
            c = r.get(cfg, n, v)
            if c is None or not c.full:
                cols.append(" | | | | ")
                continue
            t = med(c.full)
            nd, pl = r.get(cfg, n, "needs"), r.get(cfg, n, "plain")
            xn = f"{t / med(nd.full):.2f}x" if nd and nd.full else ""
            xp = f"{t / med(pl.full):.2f}x" if pl and pl.full else ""
            e = elements(c)
            cols.append(
                f"{t:.1f} | {xn} | {xp} | {med(c.full, 'maxrss_mib'):.0f} | "
                + (f"{e:,}" if e is not None else "")
            )
        lines.append(f"| {cfg} | {n:,} | {v} | " + " | ".join(cols) + " |")

    for r in runs:
        lines += ["", *details(r)]
    return "\n".join(lines) + "\n"


def details(run: Run) -> list[str]:
    lb = run.label
    out = [f"## Details: {lb}", "", f"### Every build ({lb})", ""]
    out += [
        "| config | N | variant | full builds (s) | CPU (s) | peak RSS (MiB) | -j 2 builds (s) "
        "| -j 2 speed-up | -j 2 RSS (MiB) | -j 2 output vs serial | warnings |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in run.cells:
        if not c.full:
            continue
        par = (
            f"{', '.join(f'{b.seconds:.1f}' for b in c.parallel)} | "
            f"{med(c.full) / med(c.parallel):.2f}x | "
            f"{med(c.parallel, 'maxrss_mib'):.0f} | {c.parallel_note}"
            if c.parallel
            else " | | | "
        )
        out.append(
            f"| {c.config} | {c.n:,} | {c.variant} | "
            f"{', '.join(f'{b.seconds:.1f}' for b in c.full)} | {med(c.full, 'cpu'):.1f} | "
            f"{med(c.full, 'maxrss_mib'):.0f} | {par} | {c.full[0].warnings} |"
        )
    inc = [c for c in run.cells if c.incremental]
    if inc:
        out += [
            "",
            f"### Incremental build after retitling one role card ({lb})",
            "",
            "| config | N | variant | no-change rebuild (s) | pages it rewrote | incremental (s) | "
            "(incremental - no-change) / full | incremental / full | pages rewritten incl. index | "
            "pages that show the role | rewritten = shown (besides index) | equals clean build |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for c in inc:
            t, ti, t0 = med(c.full), med(c.incremental), med(c.nochange)
            equal = (
                "yes"
                if not c.differ_from_clean
                else f"no: {len(c.differ_from_clean)} pages differ"
                + (f", {len(set(c.stale or []))} show the old title" if c.stale else "")
            )
            out.append(
                f"| {c.config} | {c.n:,} | {c.variant} | {t0:.1f} | "
                f"{statistics.median(len(r) for r in c.nochange_rewritten):.0f} | {ti:.1f} | "
                f"{100 * (ti - t0) / t:.1f}% | {100 * ti / t:.0f}% | "
                f"{statistics.median(len(r) for r in c.rewritten):.0f} | "
                f"{statistics.median(len(e) for e in c.expected):.0f} | "
                f"{'yes' if exact_rewrite(c) else 'no'} | {equal} |"
            )
        out += ["", "Pages of the first edit:", ""]
        for c in inc:
            out.append(
                f"- {c.variant}, N={c.n}: rewritten {c.rewritten[0]}; "
                f"pages that show the role {c.expected[0]}"
            )
    counted = [c for c in run.cells if c.elements]
    if counted:
        kinds = sorted({kind_of(p) for c in counted for p in c.elements or {}})
        per = {"roles": 10, "people": 10, "skills": 25}
        out += [
            "",
            f"### Docutils elements by page kind ({lb})",
            "",
            "Elements summed over the pages of each kind; for roles, people and skills also "
            "per record (the kind's total / its records, page titles included).",
            "",
            "| config | N | variant | total | "
            + " | ".join(kinds)
            + " | per role | per person | per skill |",
            "|---|---|---|---|" + "---|" * len(kinds) + "---|---|---|",
        ]
        for c in counted:
            assert c.elements is not None
            by: dict[str, int] = {}
            pages: dict[str, int] = {}
            for p, k in c.elements.items():
                by[kind_of(p)] = by.get(kind_of(p), 0) + k
                pages[kind_of(p)] = pages.get(kind_of(p), 0) + 1
            hb_counts = {
                "roles": c.n,
                "people": c.n // 2,
                "skills": max(10, c.n // 5),
            }
            per_rec = [
                f"{by[k] / hb_counts[k]:.0f}" if k in by and per.get(k) else ""
                for k in ("roles", "people", "skills")
            ]
            out.append(
                f"| {c.config} | {c.n:,} | {c.variant} | {sum(by.values()):,} | "
                + " | ".join(f"{by.get(k, 0):,}" for k in kinds)
                + " | "
                + " | ".join(per_rec)
                + " |"
            )
    return out


def load_runs(results: Path) -> list[Run]:
    runs = []
    for path in results.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        runs.append(Run(data["label"], data["meta"], [Cell.load(c) for c in data["cells"]]))
    order = {lb: i for i, lb in enumerate(LABEL_ORDER)}
    return sorted(runs, key=lambda r: (order.get(r.label, len(order)), r.meta.get("date", "")))


def git_commit() -> str:
    try:
        import sphinx_teamext

        pkg = Path(sphinx_teamext.__file__).resolve().parent
        out = subprocess.run(
            ["git", "-C", str(pkg), "log", "-1", "--format=%h"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(pkg), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return f"{out}{' + uncommitted changes' if dirty else ''} in {pkg.parent}"
    except Exception as exc:  # only a label in the report
        return f"unknown ({exc})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--label",
        default="after",
        help="name of this run's figures (bench/results/<label>.json); 'before' was measured "
        "on the code before the issue 12 rewrite and is kept",
    )
    parser.add_argument(
        "--compare",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes at which all variants are built (with elements, incremental, -j 2)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        nargs="*",
        default=[500, 2000],
        help="further sizes, full builds of --scale-variants only (alabaster configuration)",
    )
    parser.add_argument(
        "--scale-variants",
        nargs="*",
        default=["plain", "teamext"],
        choices=VARIANTS,
        help="plain shows what the theme alone costs at each size",
    )
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument(
        "--basic-variants",
        nargs="*",
        default=["plain", "needs", "teamext"],
        choices=VARIANTS,
        help="variants also built in the earlier 'basic' configuration at --compare sizes "
        "(full builds and elements); none to skip it",
    )
    parser.add_argument(
        "--parallel-variants",
        nargs="*",
        default=["teamext"],
        choices=VARIANTS,
        help="variants also built with -j 2 at --compare sizes, once per round",
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per cell (medians)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/teamext-bench"))
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--report-only", action="store_true", help="only rewrite RESULTS.md from saved figures"
    )
    args = parser.parse_args()
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", args.label):
        parser.error("--label: letters, digits, '.', '_' and '-' only")
    args.results.mkdir(parents=True, exist_ok=True)

    def write_report() -> str:
        text = report(load_runs(args.results))
        notes = HERE / "notes.md"  # hand-written findings, kept across runs
        if notes.exists():
            text += "\n" + notes.read_text(encoding="utf-8")
        args.out.write_text(text, encoding="utf-8")
        return text

    if args.report_only:
        print(write_report())
        return

    started = time.time()
    meta: dict[str, Any] = {
        "command": "python bench/run.py " + " ".join(sys.argv[1:]),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "runs": args.runs,
        "load_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        **{
            d: version(d)
            for d in (
                "sphinx",
                "docutils",
                "myst-parser",
                "sphinx-needs",
                "sphinx-design",
                "alabaster",
                "sphinx-teamext",
            )
        },
    }
    cells: list[Cell] = []
    result_file = args.results / f"{args.label}.json"

    def save() -> None:  # after every step, so an interrupted run still leaves figures
        meta["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        meta["minutes"] = round((time.time() - started) / 60, 1)
        data = {
            "label": args.label,
            "meta": meta,
            "cells": [dataclasses.asdict(c) for c in cells],
        }
        result_file.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        write_report()

    for n in args.compare:
        hb = make(n)
        plan = [(TARGET_CONFIG, args.variants), ("basic", args.basic_variants)]
        for config, variants in plan:
            if not variants:
                continue
            main_cfg = config == TARGET_CONFIG
            measure_size(
                hb,
                config,
                variants,
                args.work,
                args.runs,
                args.parallel_variants if main_cfg else [],
                incremental=main_cfg,
                count=True,
                save=save,
                into=cells,
            )
            save()
    for n in args.scale:
        if n in args.compare:
            continue
        hb = make(n)
        measure_size(
            hb,
            TARGET_CONFIG,
            args.scale_variants,
            args.work,
            args.runs,
            [],
            False,
            False,
            save,
            cells,
        )
        save()
    save()
    print(write_report())


if __name__ == "__main__":
    main()
