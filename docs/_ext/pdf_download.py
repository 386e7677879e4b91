"""Offer the PDF handbook on the home page of the HTML site, when it was built.

``nox -s pdf`` writes build/pdf/ml-team-handbook.pdf; conf.py sets
``handbook_pdf`` to its path when the file exists. An HTML build then copies
the file next to the home page and adds a download line above the contents.
Without a PDF nothing changes, so the HTML never links to a missing file.
The value is an ``html`` rebuild setting: when the PDF appears or goes away,
every page is written again.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

TARGET = "ml-team-handbook.pdf"  # next to index.html


def pdf_of(app: Sphinx) -> Path | None:
    value = app.config.handbook_pdf
    path = Path(value) if value else None
    return path if path is not None and path.is_file() else None


def download_line(size: int) -> nodes.paragraph:
    para = nodes.paragraph(classes=["handbook-pdf"])
    para += nodes.Text("Reading offline? ")
    link = nodes.reference("", "", refuri=TARGET, classes=["handbook-pdf-link"])
    link += nodes.Text("Download the whole handbook as a PDF")
    para += link
    para += nodes.Text(f" ({size / 1_000_000:.1f} MB).")
    return para


def add_link(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    pdf = pdf_of(app)
    if pdf is None or app.builder.format != "html" or docname != app.config.root_doc:
        return
    section = next(doctree.findall(nodes.section), None)
    if section is None:
        return
    line = download_line(pdf.stat().st_size)
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


def copy_pdf(app: Sphinx, exc: Exception | None) -> None:
    pdf = pdf_of(app)
    if exc is None and pdf is not None and app.builder.format == "html":
        shutil.copyfile(pdf, Path(app.outdir) / TARGET)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("handbook_pdf", "", "html", types=frozenset({str}))
    app.connect("doctree-resolved", add_link)
    app.connect("build-finished", copy_pdf)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
