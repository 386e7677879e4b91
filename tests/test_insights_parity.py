"""MyST and RST give the same insight nodes."""

from __future__ import annotations

import re

import pytest
from helpers import build, copy_root, resolved


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-parity", tmp_path_factory.mktemp("parity")))


def shaped(app, docname: str) -> str:
    doctree = resolved(app, docname)
    text = doctree.pformat()
    # the page's own name and the parser's bookkeeping are the only allowed differences
    text = text.replace(docname, "<page>")
    return re.sub(r' source="[^"]*"', "", text)


def test_builds_without_warnings(built):
    assert built.warning.getvalue() == ""


def test_myst_and_rst_give_the_same_doctree(built):
    myst, rst = shaped(built, "in-myst"), shaped(built, "in-rst")
    assert "<mermaid" in myst and "teamext-scorecard" in myst and "teamext-team-shape" in myst
    assert myst == rst
