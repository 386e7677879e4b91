"""Insight charts as readers see them: mermaid draws them in Chromium with its default
``securityLevel`` ("strict"), node links open the cards, and titles holding HTML or
script stay text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from browser_support import ROOT, PageWatch, Server, launch, need_browser
from helpers import build, copy_root
from test_insights_chart import CHART_LINKS
from test_insights_shape import DEVOPS

pytestmark = pytest.mark.browser

DIST = ROOT / "node_modules" / "mermaid" / "dist"
ENTRY = "mermaid.esm.min.mjs"


def with_local_mermaid(outdir: Path) -> None:
    """Serve the pinned mermaid bundle from the site, as the handbook does."""
    dest = outdir / "_static" / "mermaid"
    shutil.copytree(
        DIST / "chunks" / "mermaid.esm.min",
        dest / "chunks" / "mermaid.esm.min",
        ignore=shutil.ignore_patterns("*.map"),
        dirs_exist_ok=True,
    )
    shutil.copyfile(DIST / ENTRY, dest / ENTRY)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    need_browser()
    if not (DIST / ENTRY).is_file():
        pytest.skip("node_modules/mermaid is missing: run npm ci")
    out = tmp_path_factory.mktemp("site")
    overrides = {"mermaid_use_local": f"mermaid/{ENTRY}"}
    for name in ("chart", "shape"):
        app = build(
            copy_root(f"insight-{name}", tmp_path_factory.mktemp(name)), confoverrides=overrides
        )
        assert app.warning.getvalue() == ""
        assert "securityLevel" not in app.config.mermaid_init_config  # mermaid's default
        shutil.copytree(app.outdir, out / name)
        with_local_mermaid(out / name)
    with Server(out) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


def open_page(browser: Any, site: Server, page: str) -> tuple[PageWatch, list[str]]:
    watch = PageWatch(browser)
    dialogs: list[str] = []
    watch.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch.page.goto(urljoin(site.url, page), wait_until="load")
    watch.page.wait_for_function(
        # a finished drawing has its role; mermaid puts an empty svg there while it draws
        "[...document.querySelectorAll('pre.mermaid')]"
        ".every((el) => el.querySelector('svg[aria-roledescription]'))",
        timeout=20_000,
    )
    return watch, dialogs


NODE_LINKS = """
(svg) => [...svg.querySelectorAll('a')].map((a) => [
  a.querySelector('.nodeLabel').textContent,
  a.getAttribute('xlink:href') || a.getAttribute('href'),
])
"""


def test_org_chart_nodes_link_to_cards_and_titles_stay_text(browser: Any, site: Server) -> None:
    watch, dialogs = open_page(browser, site, "chart/index.html")
    try:
        svg = watch.page.locator("pre.mermaid svg").first
        links = dict(svg.evaluate(NODE_LINKS))
        assert links == CHART_LINKS
        # no element made from a title: <b> and <script> are characters in the label
        assert (
            svg.evaluate("(s) => s.querySelectorAll('.nodeLabel script, .nodeLabel b').length") == 0
        )
        assert dialogs == [] and watch.errors == [] and watch.foreign == []
        # a click on a node opens its card
        svg.locator("a", has_text="Person B").click()
        watch.page.wait_for_url("**/people.html#team-person-person-b")
        assert watch.page.locator("#team-person-person-b").is_visible()
    finally:
        watch.close()


def test_team_shape_radar_draws_one_axis_per_skill(browser: Any, site: Server) -> None:
    watch, dialogs = open_page(browser, site, "shape/index.html")
    try:
        svg = watch.page.locator(".teamext-team-shape pre.mermaid svg").first
        axes = svg.evaluate(
            "(s) => [...s.querySelectorAll('.radarAxisLabel')].map((t) => t.textContent)"
        )
        assert axes == ["API design", "Code quality", "NLP and ML", DEVOPS]
        legend = svg.evaluate(
            "(s) => [...s.querySelectorAll('.radarLegendText')].map((t) => t.textContent)"
        )
        # (the first shape that can draw: Person C records too little for the first)
        assert legend == ["Person A", "Person B"]
        assert (
            svg.evaluate("(s) => s.querySelectorAll('.radarCurve-0, [class*=radarCurve]').length")
            >= 2
        )
        # the second line is dashed, so the chart reads in greyscale
        dashes = svg.evaluate(
            "(s) => [0, 1].map((i) => getComputedStyle("
            "s.querySelector('.radarCurve-' + i)).strokeDasharray)"
        )
        assert dashes[0] == "none" and dashes[1] not in ("none", "")
        assert dialogs == [] and watch.errors == [] and watch.foreign == []
    finally:
        watch.close()
