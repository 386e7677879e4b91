"""What each part of the ``teamext-growth`` variant adds to a full build.

``python bench/growth_parts.py --n 500 --runs 3`` writes the ``teamext`` handbook and
``teamext-growth`` with its parts added one at a time (``:next:`` alone, the ladder
views, the assessments, the growth views), builds them in rounds (one build of each
per round, so all see the same load) and prints the median wall and CPU time of
each against ``teamext``, as a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import Growth, make, write
from run import Build, sphinx_build


def parts(g: Growth) -> dict[str, Growth | None]:
    """Label -> the growth records to add (None: the plain ``teamext`` variant)."""
    none = dataclasses.replace(g, ladders=[], assessments={}, views=[])
    return {
        "teamext": None,
        "+ `:next:` only": none,
        "+ `:next:` + a `team-ladder` per ladder": dataclasses.replace(
            none, ladders=[lad for lad in g.ladders if lad[1]]
        ),
        "+ `:next:` + one `team-ladder` of every ladder": dataclasses.replace(
            none, ladders=[lad for lad in g.ladders if not lad[1]]
        ),
        "+ `:next:` + assessments": dataclasses.replace(g, ladders=[], views=[]),
        "+ `:next:` + assessments + `team-growth`": dataclasses.replace(g, ladders=[]),
        "teamext-growth": g,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/teamext-growth-parts"))
    args = parser.parse_args()
    hb = make(args.n)
    srcs: dict[str, Path] = {}
    for i, (label, growth) in enumerate(parts(hb.growth).items()):
        variant = "teamext" if growth is None else "teamext-growth"
        book = hb if growth is None else dataclasses.replace(hb, growth=growth)
        srcs[label] = write(book, variant, args.work / f"part{i}" / "src")
    builds: dict[str, list[Build]] = {label: [] for label in srcs}
    for r in range(args.runs):
        for label, src in srcs.items():
            out = src.parent / "html"
            shutil.rmtree(out, ignore_errors=True)
            builds[label].append(sphinx_build(src, out))
            print(f"  {label} #{r + 1}: {builds[label][-1].seconds:.2f} s", flush=True)
    base = {
        k: statistics.median(getattr(b, k) for b in builds["teamext"]) for k in ("seconds", "cpu")
    }
    print("| build | wall (s) | x teamext | CPU (s) | x teamext |\n|---|---|---|---|---|")
    for label, found in builds.items():
        t = statistics.median(b.seconds for b in found)
        c = statistics.median(b.cpu for b in found)
        print(
            f"| {label} | {t:.2f} | {t / base['seconds']:.2f}x | {c:.2f} | {c / base['cpu']:.2f}x |"
        )
    shutil.rmtree(args.work)


if __name__ == "__main__":
    main()
