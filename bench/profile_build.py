"""Profile one serial HTML build per variant and count elements per block (card, map).

``python bench/profile_build.py --n 500 --variants teamext needs plain`` writes each
project (``alabaster`` configuration unless ``--config``), builds it once under
cProfile (``python -m cProfile -m sphinx``; the profiler roughly doubles the time,
so read the shares, not the seconds), and once more, untimed, with
bench/count_nodes.py in detail mode. It prints, per variant: the time in reading,
post-transforms (with the most expensive post-transforms), HTML writing and search
indexing, and the docutils elements per top-level block by page kind. The profiles
stay in ``--work`` for ``python -m pstats``. ``--timer cpu`` profiles with the
process's CPU clock instead of the wall clock, so that other jobs on a shared
machine do not inflate whichever function happened to be running.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import CONFIGS, VARIANTS, make, write

# (file suffix, function name) of the phases, cumulative time of each
PHASES = [
    ("read (parse + read transforms)", "sphinx/builders/__init__.py", "read"),
    ("post-transforms, all pages", "sphinx/environment/__init__.py", "apply_post_transforms"),
    ("HTML writing (translate + template)", "sphinx/builders/html/__init__.py", "write_doc"),
    ("  of which page templates (handle_page)", "sphinx/builders/html/__init__.py", "handle_page"),
    ("  of which theme sidebar toctree", "sphinx/builders/html/__init__.py", "_get_local_toctree"),
    ("search indexing (feed)", "sphinx/builders/html/__init__.py", "index_page"),
    ("search index dump", "sphinx/builders/html/__init__.py", "dump_search_index"),
    ("pickling the environment", "sphinx/builders/__init__.py", "pickle_environment"),
    ("writing doctrees (pickles)", "sphinx/builders/__init__.py", "write_doctree"),
]


#: A build under cProfile with a chosen clock: argv is the profile file, the clock
#: (wall or cpu), then sphinx-build's arguments.
PROFILED_BUILD = """
import cProfile, sys, time
from sphinx.cmd.build import main
clock = time.process_time if sys.argv[2] == "cpu" else time.perf_counter
prof = cProfile.Profile(clock)
rc = prof.runcall(main, sys.argv[3:])
prof.dump_stats(sys.argv[1])
sys.exit(rc)
"""


def profile(src: Path, work: Path, timer: str = "wall") -> Path:
    prof = work / "build.prof"
    out = work / "html"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("TEAMEXT_BENCH_COUNT", None)
    cmd = [sys.executable, "-c", PROFILED_BUILD, str(prof), timer]
    cmd += ["-b", "html", "-q", "-T", "-d", str(out / ".doctrees"), str(src), str(out)]
    subprocess.run(cmd, check=True, cwd=work, env=env)
    detail = work / "blocks.json"
    env["TEAMEXT_BENCH_COUNT"] = str(work / "elements.json")
    env["TEAMEXT_BENCH_COUNT_DETAIL"] = str(detail)
    shutil.rmtree(out)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-T"]
    cmd += ["-d", str(out / ".doctrees"), str(src), str(out)]
    subprocess.run(cmd, check=True, cwd=work, env=env)
    shutil.rmtree(out)
    return prof


def owner(path: str, line: int) -> str:
    """The class whose method starts at ``line`` of ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8").splitlines()[:line]
    except OSError:
        return f"line {line}"
    for row in reversed(text):
        if row.startswith("class "):
            return row[6:].split("(")[0].split(":")[0]
    return f"line {line}"


def summarise(prof: Path, detail: Path) -> list[str]:
    st = pstats.Stats(str(prof))
    table = st.stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _, ct, _) in table.values())  # sphinx-build's main
    lines = [f"  total under the profiler: {total:.1f} s"]
    for what, suffix, name in PHASES:
        ct = sum(v[3] for (f, _, n), v in table.items() if n == name and f.endswith(suffix))
        lines.append(f"  {what}: {ct:.1f} s ({100 * ct / total:.0f}%)")
    # apply_post_transforms = the post-transforms + the doctree-resolved handlers
    # (sphinx-needs, for one, expands its nodes in a doctree-resolved handler).
    for (_f, _, n), (_, _, _, _, callers) in table.items():
        for (cf, _, cn), edge in callers.items():
            if cn == "apply_post_transforms" and cf.endswith("sphinx/environment/__init__.py"):
                if n == "apply_transforms":
                    lines.append(f"    of which post-transforms proper: {edge[3]:.1f} s")
                elif n == "emit":
                    lines.append(f"    of which doctree-resolved handlers: {edge[3]:.1f} s")
    # Per post-transform: edges from SphinxPostTransform.apply to each run().
    per: dict[str, float] = defaultdict(float)
    for (f, line, n), (_, _, _, _, callers) in table.items():
        if n != "run":
            continue
        for (cf, _, cn), edge in callers.items():
            if cn == "apply" and cf.endswith("sphinx/transforms/post_transforms/__init__.py"):
                per[f"{owner(f, line)} ({'/'.join(Path(f).parts[-2:])})"] += edge[3]
    top = sorted(per.items(), key=lambda kv: -kv[1])[:8]
    lines.append("  post-transforms by cumulative time (SphinxPostTransform.run):")
    lines += [f"    {ct:5.1f} s  {where}" for where, ct in top]
    blocks = json.loads(detail.read_text(encoding="utf-8"))
    agg: dict[tuple[str, str], list[int]] = defaultdict(list)
    for page, items in blocks.items():
        kind = page.split("/")[0] if "/" in page else page
        for name, count in items:
            agg[(kind, name)].append(count)
    lines.append("  elements per top-level block (page kind, block: count x mean elements):")
    for (kind, name), counts in sorted(agg.items(), key=lambda kv: -sum(kv[1]))[:10]:
        mean = sum(counts) / len(counts)
        lines.append(f"    {kind:7} {name:40} {len(counts):5} x {mean:7.1f} = {sum(counts):,}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--variants", nargs="*", default=["teamext", "needs"], choices=VARIANTS)
    parser.add_argument("--config", default="alabaster", choices=CONFIGS)
    parser.add_argument("--work", type=Path, default=Path("/tmp/teamext-profile"))
    parser.add_argument("--timer", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    hb = make(args.n)
    for variant in args.variants:
        work = args.work / f"{args.config}-{variant}-{args.n}"
        src = write(hb, variant, work / "src", args.config)
        prof = profile(src, work, args.timer)
        print(f"{variant}, N={args.n}, {args.config} ({prof}):")
        print("\n".join(summarise(prof, work / "blocks.json")), flush=True)


if __name__ == "__main__":
    main()
