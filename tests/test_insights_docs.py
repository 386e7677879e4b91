"""The insights reference page: its examples build, on the records of the main reference."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from helpers import build_pages
from test_insights_chart import parse_flowchart
from test_reference import FENCE, REFERENCE


def fences(page: str) -> list[str]:
    return [m[2] for m in FENCE.finditer((REFERENCE / page).read_text(encoding="utf-8"))]


def test_every_insight_example_builds_without_warnings(tmp_path: Path) -> None:
    insights = fences("insights.md")
    assert len(insights) == 3
    # the records the examples name are the main reference page's examples
    pages = {"records": "\n\n".join(fences("index.md")), "insights": "\n\n".join(insights)}
    app = build_pages(tmp_path / "examples", pages)
    assert app.warning.getvalue() == ""
    html = (app.outdir / "insights.html").read_text(encoding="utf-8")
    for cls in ("teamext-team-chart", "teamext-team-shape", "teamext-scorecard"):
        assert cls in html
    chart = parse_flowchart(BeautifulSoup(html, "html.parser").select_one("pre.mermaid").get_text())
    assert chart["edges"] == [("ML lead", "Machine Learning Engineer")]
    assert chart["links"]["ML lead"] == "records.html#team-role-ml-lead"
