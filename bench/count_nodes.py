"""Sphinx extension for the benchmark's counting builds: docutils elements per page.

Loaded by the generated ``conf.py`` only when ``TEAMEXT_BENCH_COUNT`` names a file
(bench/run.py sets it for one separate build per variant, never for a timed one).
For every page it counts the ``nodes.Element`` instances (``Text`` nodes are not
elements) in the resolved doctree: at ``doctree-resolved``, which Sphinx emits after
all post-transforms and before the page is written, with priority 999 so that it
runs after every other handler. At ``build-finished`` it writes
``{docname: elements}`` as JSON to that file.

With ``TEAMEXT_BENCH_COUNT_DETAIL`` also set to a file (bench/profile_build.py does this),
it writes there, per page, the elements of each top-level block of the page's first
section (one block per card, map or paragraph), named by its node class and first
class attribute: ``{docname: [[name, elements], ...]}``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from docutils import nodes


def setup(app: Any) -> dict[str, Any]:
    counts: dict[str, int] = {}
    blocks: dict[str, list[tuple[str, int]]] = {}
    detail = os.environ.get("TEAMEXT_BENCH_COUNT_DETAIL")

    def resolved(app: Any, doctree: nodes.document, docname: str) -> None:
        counts[docname] = sum(1 for _ in doctree.findall(nodes.Element))
        if detail:
            section = next(iter(doctree.findall(nodes.section)), None)
            if section is not None:
                blocks[docname] = [
                    (
                        type(child).__name__
                        + (f".{child['classes'][0]}" if child.get("classes") else ""),
                        sum(1 for _ in child.findall(nodes.Element)),
                    )
                    for child in section.children
                    if isinstance(child, nodes.Element) and not isinstance(child, nodes.title)
                ]

    def finished(app: Any, exc: BaseException | None) -> None:
        if exc is None:
            Path(os.environ["TEAMEXT_BENCH_COUNT"]).write_text(
                json.dumps(counts, sort_keys=True, indent=0), encoding="utf-8"
            )
            if detail:
                Path(detail).write_text(json.dumps(blocks, sort_keys=True), encoding="utf-8")

    app.connect("doctree-resolved", resolved, priority=999)
    app.connect("build-finished", finished)
    # Counting builds are serial; in a parallel write the counts would stay in workers.
    return {"parallel_read_safe": True, "parallel_write_safe": False}
