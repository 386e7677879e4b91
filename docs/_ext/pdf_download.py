"""Offer the PDF and the EPUB of the handbook on the HTML site, for the files that exist.

``nox -s pdf`` writes build/pdf/ml-team-handbook.pdf and ``nox -s epub``
build/epub/ml-team-handbook.epub; conf.py sets ``handbook_pdf`` and
``handbook_epub`` to their paths when the files exist. An HTML build then

- copies each file next to the home page,
- adds a download line above the contents of the home page, and
- gives the sidebar's ``sidebar/downloads.html`` (docs/_templates) the list of
  downloads, so every page of the site offers them.

A file that was not built is not offered, so the site never links to a missing
file. The values are ``html`` rebuild settings: when a file appears or goes
away, every page is written again. The EPUB builder (format ``html`` too) gets
neither the links nor the files: the book holds no link outside itself.
"""

from __future__ import annotations

import configparser
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Builders that make the HTML site (not the EPUB, whose format is "html" too).
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


@dataclass(frozen=True)
class Download:
    config: str  # the conf.py value that names the built file
    target: str  # its name on the site, next to index.html
    label: str  # its link text, in the sidebar and on the home page

    def source(self, app: Sphinx) -> Path | None:
        value = getattr(app.config, self.config)
        path = Path(value) if value else None
        return path if path is not None and path.is_file() else None


DOWNLOADS = (
    Download("handbook_pdf", "ml-team-handbook.pdf", "PDF"),
    Download("handbook_epub", "ml-team-handbook.epub", "EPUB"),
)
TARGET = DOWNLOADS[0].target  # the PDF's name on the site


def available(app: Sphinx) -> list[tuple[Download, Path]]:
    """The downloads whose file exists, for the site's builders only."""
    if app.builder.name not in SITE_BUILDERS:
        return []
    return [(d, path) for d in DOWNLOADS for path in [d.source(app)] if path is not None]


def megabytes(path: Path) -> str:
    return f"{path.stat().st_size / 1_000_000:.1f} MB"


def download_line(offers: list[tuple[Download, Path]]) -> nodes.paragraph:
    """ "Reading offline? Download the whole handbook as a PDF (2.0 MB) or an EPUB
    (0.9 MB, for e-readers).", naming only the files that exist."""
    para = nodes.paragraph(classes=["handbook-pdf", "handbook-downloads"])
    para += nodes.Text("Reading offline? Download the whole handbook as ")
    for i, (download, path) in enumerate(offers):
        article = "an" if download.label[0] in "AEIOU" else "a"
        para += nodes.Text(f"{' or ' if i else ''}{article} ")
        kind = download.label.lower()
        link = nodes.reference(
            "", "", refuri=download.target, classes=[f"handbook-{kind}-link", "handbook-download"]
        )
        link += nodes.Text(download.label)
        para += link
        reader = ", for e-readers" if kind == "epub" else ""
        para += nodes.Text(f" ({megabytes(path)}{reader})")
    para += nodes.Text(".")
    return para


def add_link(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    offers = available(app)
    if not offers or docname != app.config.root_doc:
        return
    section = next(doctree.findall(nodes.section), None)
    if section is None:
        return
    line = download_line(offers)
    # Above the first table of contents, after the introduction.
    toc = next(
        (
            c
            for c in section.children
            if isinstance(c, nodes.Element) and "toctree-wrapper" in c["classes"]
        ),
        None,
    )
    if toc is not None:
        section.insert(section.index(toc), line)
    else:
        section += line


def sidebar_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``handbook_downloads`` for docs/_templates/sidebar/downloads.html."""
    context["handbook_downloads"] = [
        {"file": d.target, "label": d.label, "size": megabytes(path)} for d, path in available(app)
    ]


def copy_files(app: Sphinx, exc: Exception | None) -> None:
    if exc is not None:
        return
    for download, path in available(app):
        shutil.copyfile(path, Path(app.outdir) / download.target)


def furo_sidebars() -> list[str]:
    """furo's own sidebar, with the handbook's downloads after the navigation tree."""
    import furo

    theme = configparser.ConfigParser()
    theme.read(Path(furo.__file__).parent / "theme" / "furo" / "theme.conf", encoding="utf-8")
    listed = theme.get("theme", "sidebars", fallback="")
    items = [item.strip() for item in listed.split(",") if item.strip()] or [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/ethical-ads.html",
        "sidebar/scroll-end.html",
    ]
    at = items.index("sidebar/navigation.html") + 1 if "sidebar/navigation.html" in items else 0
    return [*items[:at], "sidebar/downloads.html", *items[at:]]


def setup(app: Sphinx) -> dict[str, Any]:
    for download in DOWNLOADS:
        app.add_config_value(download.config, "", "html", types=frozenset({str}))
    app.connect("doctree-resolved", add_link)
    app.connect("html-page-context", sidebar_context)
    app.connect("build-finished", copy_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
