"""A skill map wider than a phone scrolls sideways with its caption and its first
column (the role or person) in view, on an opaque background in furo's light and
dark modes, and axe-core finds nothing serious or critical."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import MODES, PHONE_WIDTH, PageWatch, Server, launch, need_browser, run_axe
from browser_support import serious as serious_violations
from helpers import MYST_CONF, build

pytestmark = pytest.mark.browser

SKILLS = [f"skill-{i}" for i in range(10)]
PAGE = (
    "# Wide map\n\n"
    + "".join(
        f":::{{skill}} {s}\n:title: A skill with a long title number {s[-1]}\n:::\n\n"
        for s in SKILLS
    )
    + ":::{role-card} lead\n:title: The lead of the team\n:skills: "
    + ", ".join(f"{s}=3" for s in SKILLS)
    + "\n:::\n\n"
    + ":::{skill-map}\n:caption: Every role against every skill\n:::\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    need_browser()
    src = tmp_path_factory.mktemp("wide") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        MYST_CONF + 'html_theme = "furo"\nteamext_coverage = "off"\n', encoding="utf-8"
    )
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    app = build(src)
    assert app.statuscode == 0 and not app.warning.getvalue(), app.warning.getvalue()
    with Server(Path(app.outdir)) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


GEOMETRY = """() => {
  const box = document.querySelector('.teamext-skill-map');
  box.scrollLeft = box.scrollWidth;  // scrolled as far right as it goes
  const rect = (el) => el.getBoundingClientRect();
  const head = box.querySelector('tbody tr > :first-child');
  const corner = box.querySelector('thead tr > :first-child');
  const caption = box.querySelector('caption .caption-text');
  return {
    scrolled: box.scrollLeft,
    box: [rect(box).left, rect(box).right],
    head: [rect(head).left, rect(head).right],
    corner: rect(corner).left,
    caption: [rect(caption).left, rect(caption).right],
    background: getComputedStyle(head).backgroundColor,
    cornerBackground: getComputedStyle(corner).backgroundColor,
  };
}"""


def opaque(colour: str) -> bool:
    """``rgb(...)``, or ``rgba(...)`` with alpha 1."""
    if colour.startswith("rgb("):
        return True
    return colour.startswith("rgba(") and colour.rstrip(")").split(",")[-1].strip() in ("1", "1.0")


@pytest.mark.parametrize("mode", MODES)
def test_caption_and_first_column_stay_in_view(browser: Any, site: Server, mode: str) -> None:
    watch = PageWatch(browser, mode, width=PHONE_WIDTH)
    try:
        watch.page.goto(site.url, wait_until="load")
        g = watch.page.evaluate(GEOMETRY)
        assert g["scrolled"] > 200, f"the map should be wider than a phone: {g}"
        left, right = g["box"]
        assert abs(g["head"][0] - left) <= 1 and abs(g["corner"] - left) <= 1, g
        assert left - 1 <= g["caption"][0] <= left + 1 and g["caption"][1] <= right + 1, g
        assert opaque(g["background"]) and opaque(g["cornerBackground"]), g
        problems = serious_violations(run_axe(watch.page))
        assert not problems, "\n".join(problems)
    finally:
        watch.close()
