"""The handbook as readers meet it: the built site in a real browser.

The real handbook (``docs/``) is built once into a temporary folder and served
on 127.0.0.1; every page is opened in Debian's Chromium in light and in dark
mode, and at a phone's width. Pages, role cards and skill maps are found in the
built site, so the tests follow the handbook as it grows.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import pytest
from browser_support import (
    MODES,
    PHONE_WIDTH,
    ROOT,
    SCREENSHOTS,
    PageWatch,
    Server,
    attr,
    axe_source,
    launch,
    low_contrast,
    need_browser,
    one,
    run_axe,
    serious,
)
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

DOCS = ROOT / "docs"
#: Pages the build makes without a source file of their own.
GENERATED = ["genindex.html", "search.html", "team-roleindex.html", "team-skillindex.html"]
#: Served for any missing path, like GitHub Pages and Read the Docs do.
MISSING = "no/such/page.html"
CARDS = ".teamext-card, .teamext-skill-map"


def source_pages() -> list[str]:
    pages = []
    for src in sorted(DOCS.rglob("*.md")):
        rel = src.relative_to(DOCS)
        if any(part.startswith("_") for part in rel.parts):  # _templates, _generated tables
            continue
        pages.append(rel.with_suffix(".html").as_posix())
    return pages


PAGES = [*source_pages(), *GENERATED, MISSING]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The handbook built with -W -n and served on a free port of 127.0.0.1, offering
    a PDF and an EPUB (small stand-ins), so the sidebar's downloads are checked too."""
    need_browser()
    out = tmp_path_factory.mktemp("site")
    books = tmp_path_factory.mktemp("books")
    for name, data in (("book.pdf", b"%PDF-1.4\n"), ("book.epub", b"PK stand-in")):
        (books / name).write_bytes(data)
    with Server(out) as server:
        # The 404 page and canonical links use the base URL: point them at this server.
        env = {**os.environ, "HANDBOOK_BASEURL": server.url}
        cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-n", "-q",
               "-D", f"handbook_pdf={books / 'book.pdf'}",
               "-D", f"handbook_epub={books / 'book.epub'}"]  # fmt: skip
        done = subprocess.run(
            [*cmd, str(DOCS), str(out)], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode:
            pytest.fail(f"the handbook does not build cleanly:\n{done.stderr[-4000:]}")
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as b:
        yield b


def built(site: Server, page: str) -> BeautifulSoup:
    out = site.root
    return BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")


def pages_with(site: Server, selector: str) -> list[str]:
    out = site.root
    found = []
    for page in PAGES:
        path = out / page
        if path.is_file() and built(site, page).select_one(selector) is not None:
            found.append(page)
    return found


def open_page(browser: Any, site: Server, page: str, mode: str, width: int = 1280) -> PageWatch:
    """Open ``page`` and wait until the site's scripts are done (diagrams drawn)."""
    watch = PageWatch(browser, mode, width=width)
    watch.page.goto(urljoin(site.url, page), wait_until="load")
    wait_for_diagrams(watch.page)
    return watch


def wait_for_diagrams(page: Any) -> None:
    """Every mermaid block becomes an SVG; blocks in closed dropdowns render once opened."""
    if not page.locator("pre.mermaid").count():
        return
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.wait_for_function(
        # a finished drawing has its role; mermaid puts an empty svg there while it draws
        "[...document.querySelectorAll('pre.mermaid')]"
        ".every((el) => el.querySelector('svg[aria-roledescription]')"
        " || el.hasAttribute('data-mermaid-render-failed'))",
        timeout=20_000,
    )


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def test_every_built_page_is_visited(site: Server) -> None:
    out = site.root
    html = {
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if not p.relative_to(out).parts[0].startswith("_")
    }
    assert html - set(PAGES) == {"404.html"}  # 404.html is visited as MISSING
    assert set(PAGES) - html == {MISSING}


def test_every_page_offers_the_downloads_in_the_sidebar(site: Server) -> None:
    """The PDF and the EPUB, after the navigation tree, linked relative to each page."""
    for page in [p for p in PAGES if p != MISSING]:
        links = built(site, page).select(".sidebar-drawer .sidebar-downloads a")
        depth = page.count("/")
        assert [attr(a, "href") for a in links] == [
            "../" * depth + "ml-team-handbook.pdf",
            "../" * depth + "ml-team-handbook.epub",
        ], page
    for name in ("ml-team-handbook.pdf", "ml-team-handbook.epub"):
        assert (site.root / name).is_file()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", PAGES)
def test_page(browser: Any, site: Server, page: str, mode: str) -> None:
    """Loads with no console error, draws every diagram, asks no other host,
    and axe-core finds no serious or critical violation."""
    watch = open_page(browser, site, page, mode)
    try:
        errors = watch.errors
        if page == MISSING:  # the browser logs the 404 status of the page itself
            errors = [e for e in errors if not e.endswith(f"({urljoin(site.url, page)})")]
        problems = [*errors, *(f"request to another host: {u}" for u in watch.foreign)]
        failed = watch.page.locator("pre.mermaid[data-mermaid-render-failed]").count()
        if failed:
            problems.append(f"{failed} mermaid diagram(s) failed to render")
        theme = watch.page.evaluate("document.body.dataset.theme")
        assert theme == mode, f"furo did not switch to {mode} mode (body data-theme={theme!r})"
        if page == MISSING:
            heading = watch.page.locator("h1").first.inner_text()
            assert "not found" in heading.lower()
        problems += serious(run_axe(watch.page))
        assert not problems, f"{page} ({mode}):\n" + "\n".join(problems)
    finally:
        watch.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_phone(browser: Any, site: Server, page: str) -> None:
    """On a narrow screen, too: wide tables, code and diagrams scroll and can be
    reached by keyboard, and axe-core finds no serious or critical violation."""
    watch = open_page(browser, site, page, "light", width=PHONE_WIDTH)
    try:
        problems = serious(run_axe(watch.page))
        assert not problems, f"{page} at {PHONE_WIDTH}px:\n" + "\n".join(problems)
    finally:
        watch.close()


@pytest.mark.parametrize("mode", MODES)
def test_cards_and_skill_maps_are_readable(browser: Any, site: Server, mode: str) -> None:
    """Text in cards and skill maps keeps WCAG AA contrast (axe's color-contrast,
    and the computed colours measured directly, which also covers what axe leaves
    "incomplete")."""
    pages = pages_with(site, CARDS)
    assert pages, "the handbook has no role card, skill card or skill map"
    problems: list[str] = []
    measured = 0
    for page in pages:
        watch = open_page(browser, site, page, mode)
        try:
            result = run_axe(watch.page, {"include": [[CARDS]]}, rules=["color-contrast"])
            problems += [
                f"{page}: axe {v['id']}: {n['target'][0]} {n['any'][0]['message'] if n['any'] else ''}"
                for v in result["violations"]
                for n in v["nodes"]
            ]
            count, bad = low_contrast(watch.page, CARDS)
            measured += count
            problems += [f"{page}: {line}" for line in bad]
        finally:
            watch.close()
    assert measured > 0
    assert not problems, f"low contrast in {mode} mode:\n" + "\n".join(problems)


def card_titles(site: Server, kind: str) -> list[tuple[str, str, str]]:
    """(title, page, anchor) of every card of ``kind`` in the built site."""
    found = []
    for page in pages_with(site, f".teamext-{kind}"):
        for card in built(site, page).select(f".teamext-card.teamext-{kind}"):
            title = one(card, ".teamext-card-title strong").get_text(" ", strip=True)
            found.append((title, page, attr(card, "id")))
    return found


@pytest.mark.parametrize("kind", ["role", "skill"])
def test_search_finds_cards_by_title(browser: Any, site: Server, kind: str) -> None:
    """furo's search page, asked for a card's title, links to that card."""
    cards = card_titles(site, kind)
    assert cards, f"the handbook has no {kind} card"
    missing = []
    watch = PageWatch(browser)
    try:
        for title, page, anchor in cards:
            watch.page.goto(urljoin(site.url, f"search.html?q={quote(title)}"))
            watch.page.wait_for_selector("#search-results .search-summary", timeout=15_000)
            hrefs = watch.page.eval_on_selector_all(
                "#search-results li a", "(els) => els.map((a) => a.getAttribute('href'))"
            )
            # The team domain's objects are in the index: the hit links to the card itself.
            targets = {h.split("?")[0] for h in hrefs}
            if f"{page}#{anchor}" not in targets:
                missing.append(f"{title!r} ({page}#{anchor}): results {sorted(targets)[:5]}")
        assert not watch.errors and not watch.foreign, [*watch.errors, *watch.foreign]
    finally:
        watch.close()
    assert not missing, "search does not find:\n" + "\n".join(missing)


def test_screenshots(browser: Any, site: Server) -> None:
    """Pictures of the home page, a role card and a skill map, in both modes, as artifacts."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    role_pages = pages_with(site, ".teamext-role")
    map_pages = pages_with(site, ".teamext-skill-map")
    assert role_pages and map_pages, "the handbook needs a role card and a skill map"
    shots = []
    for mode in MODES:
        suffix = "" if mode == "light" else "-dark"
        watch = open_page(browser, site, "index.html", mode)
        try:
            shots.append(SCREENSHOTS / f"home{suffix}.png")
            watch.page.screenshot(path=shots[-1])
            for name, page, selector in [
                ("role-card", role_pages[0], ".teamext-role"),
                ("skill-map", map_pages[0], ".teamext-skill-map"),
            ]:
                watch.page.goto(urljoin(site.url, page))
                wait_for_diagrams(watch.page)
                shots.append(SCREENSHOTS / f"{name}{suffix}.png")
                watch.page.locator(selector).first.screenshot(path=shots[-1])
        finally:
            watch.close()
    for shot in shots:
        assert shot.stat().st_size > 1000, shot


def test_axe_is_the_pinned_one() -> None:
    """Say which axe-core ran (the npm one pinned in package.json, when installed)."""
    path, origin = axe_source()
    assert path.is_file()
    print(f"axe-core: {origin}")


def test_page_furniture(site: Server) -> None:
    """Each page has an edit link, a last-updated date, OpenGraph tags and a canonical
    URL; the site has a sitemap and a 404 page with absolute links."""
    out = site.root
    # Dates need the full history (docs/conf.py leaves them out of a shallow clone).
    history = git("rev-parse", "--is-shallow-repository") == "false"
    for page in source_pages():
        soup = built(site, page)
        src = Path(page).with_suffix(".md").as_posix()
        assert soup.select_one('meta[property="og:title"]') is not None, page
        assert attr(one(soup, 'meta[property="og:url"]'), "content") == site.url + page
        assert attr(one(soup, 'link[rel="canonical"]'), "href") == site.url + page
        if history and not git("ls-files", f"docs/{src}"):
            continue  # a page not committed yet has no date and no edit link
        edit = attr(one(soup, ".edit-this-page a"), "href")
        assert edit.endswith(f"/edit/main/docs/{src}"), page
        if history:
            assert "Last updated on" in one(soup, ".last-updated").get_text(), page
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site.url}index.html</loc>" in sitemap
    assert "search.html" not in sitemap and "404.html" not in sitemap
    notfound = built(site, "404.html")
    css = [attr(link, "href") for link in notfound.select('link[rel="stylesheet"]')]
    assert css and all(href.startswith("/_static/") for href in css), css


#: The first word of a diagram's source: a page that shows one has not drawn it.
RAW_SOURCE = ("flowchart", "radar-beta", "timeline", "graph ", "---\nconfig")


def test_diagrams_draw_when_the_site_is_opened_from_disk(browser: Any, site: Server) -> None:
    """``build/html/index.html`` opened as a file, as ``nox -s docs`` says: Chromium
    loads no module file from ``file://``, and every diagram still draws."""
    pages = pages_with(site, "pre.mermaid")
    assert pages, "the handbook has no diagram"
    problems = []
    for page in pages:
        watch = PageWatch(browser)
        try:
            watch.page.goto((site.root / page).as_uri(), wait_until="load")
            watch.page.evaluate(
                "document.querySelectorAll('details').forEach((d) => d.open = true)"
            )
            with contextlib.suppress(Exception):  # what is left undrawn is reported below
                watch.page.wait_for_function(
                    "[...document.querySelectorAll('pre.mermaid')]"
                    ".every((el) => el.querySelector('svg[aria-roledescription]'))",
                    timeout=20_000,
                )
            shown = watch.page.eval_on_selector_all(
                "pre.mermaid",
                "(els) => els.map((el) => [!!el.querySelector('svg[aria-roledescription]'),"
                " el.textContent.trim().slice(0, 40)])",
            )
            for drawn, text in shown:
                if not drawn or text.startswith(RAW_SOURCE):
                    problems.append(f"{page}: not drawn: {text!r}")
            problems += [f"{page}: {e}" for e in watch.errors]
        finally:
            watch.close()
    assert not problems, "\n".join(problems)
