"""What the browser tests share: Debian's Chromium through Playwright, a local
static server, the pinned axe-core and a contrast check.

Nothing here downloads a browser: Playwright drives ``/usr/bin/chromium``. A
machine without Playwright or Chromium skips these tests with the reason, except
in CI (``CI=true``), where a skipped browser test would hide a broken install.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import Tag

ROOT = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The axe-core pinned in package.json; the copy inside axe-playwright-python is the fallback.
AXE_NPM = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1"}
MODES = ("light", "dark")
PHONE_WIDTH = 390  # CSS pixels: a common phone held upright


def one(soup: Tag, selector: str) -> Tag:
    """The first element matching ``selector``; a clear failure when there is none."""
    found = soup.select_one(selector)
    assert found is not None, f"no {selector!r} in the page"
    return found


def attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    assert isinstance(value, str), f"{name}={value!r} on <{tag.name}>"
    return value


def need_browser() -> None:
    """Skip (locally) or fail (in CI) when Playwright or Chromium is missing."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[browser]')")
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} (bash scripts/install-system-deps.sh)")
    if not missing:
        return
    reason = "browser tests need " + " and ".join(missing)
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def axe_source() -> tuple[Path, str]:
    """The axe-core script to inject and where it came from."""
    if AXE_NPM.is_file():
        return AXE_NPM, "npm axe-core (package.json)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{AXE_NPM} is missing: run npm ci")
    import axe_playwright_python

    bundled = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    return bundled, "the copy bundled with axe-playwright-python (npm ci brings the pinned one)"


@contextmanager
def launch() -> Iterator[Any]:
    """A headless Chromium (Debian's) driven by Playwright."""
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets 404.html with status 404, as on GitHub Pages."""

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    """``http.server`` in a thread on a free port of 127.0.0.1, serving ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        handler = functools.partial(_Handler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


class PageWatch:
    """A page that records console errors, uncaught exceptions and every request;
    requests to any host but 127.0.0.1 are recorded and refused."""

    def __init__(
        self, browser: Any, mode: str = "light", theme_key: str = "theme", width: int = 1280
    ) -> None:
        self.context = browser.new_context(
            color_scheme=mode, viewport={"width": width, "height": 900}
        )
        # furo keeps the reader's choice in localStorage "theme"; pydata uses "mode".
        self.context.add_init_script(f"localStorage.setItem({theme_key!r}, {mode!r});")
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))

    def _route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "")
            self.errors.append(f"console: {msg.text} ({where})")

    def close(self) -> None:
        self.context.close()


def inject_axe(page: Any) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_source()[0]))


def run_axe(page: Any, context: Any = None, rules: list[str] | None = None) -> dict[str, Any]:
    """axe.run on the page (or on ``context``: {include: [...]}) and return its results."""
    inject_axe(page)
    options: dict[str, Any] = {"resultTypes": ["violations", "incomplete"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result: dict[str, Any] = page.evaluate(
        "async ([ctx, opts]) => await axe.run(ctx || document, opts)", [context, options]
    )
    return result


def serious(result: dict[str, Any]) -> list[str]:
    """One line per serious or critical violation: rule, impact, first offending nodes."""
    lines = []
    for v in result["violations"]:
        if v["impact"] in ("serious", "critical"):
            targets = ", ".join(str(n["target"][0]) for n in v["nodes"][:3])
            lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {targets}")
    return lines


#: For every element with its own text under ``roots``: its text colour and the colour
#: behind it (background colours of it and its ancestors, composited), and the ratio.
CONTRAST_JS = """
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, below) => {
    const a = top[3] + below[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const lum = (c) => {
    const ch = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    let bg = [255, 255, 255, 1];  // the canvas
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const style = getComputedStyle(el);
      const hidden = style.visibility !== "visible" || Number(style.opacity) === 0;
      if (!own || hidden || !el.getClientRects().length) continue;
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      out.push({
        text: el.textContent.trim().slice(0, 40),
        cls: String(el.className),
        ratio: (l1 + 0.05) / (l2 + 0.05),
        large: size >= 24 || (bold && size >= 18.66),
        graphic: Boolean(el.closest("[aria-hidden=true]")),
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(", ")})`,
      });
    }
  }
  return out;
}
"""


def low_contrast(page: Any, selector: str) -> tuple[int, list[str]]:
    """(how many text elements were measured, those below WCAG AA: 4.5:1, and 3:1 for
    large text and for symbols hidden from screen readers, such as level squares)."""
    found = page.evaluate(CONTRAST_JS, selector)
    bad = [
        f"{f['ratio']:.2f}:1 {f['text']!r} (.{f['cls']}) {f['color']} on {f['background']}"
        for f in found
        if f["ratio"] < (3.0 if f["large"] or f["graphic"] else 4.5)
    ]
    return len(found), bad
