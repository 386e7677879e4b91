"""``team-chart``: the org chart as mermaid code, with escaped labels and links to cards."""

from __future__ import annotations

import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from helpers import build, copy_root, resolved
from sphinx.errors import NoUri
from sphinxcontrib.mermaid import mermaid

from sphinx_teamext.model import Ref, cut_loops
from sphinx_teamext.render.context import RenderContext
from sphinx_teamext.render.mermaid import card_url, label
from sphinx_teamext.render.team_chart import chart_code

NODE = re.compile(r'^\s*(n\d+)(\["|\(\[")(.*)("\]|"\]\))$')
EDGE = re.compile(r"^\s*(n\d+) --> (n\d+)$")
CLICK = re.compile(r'^\s*click (n\d+) href "([^"]*)"$')


def decode(text: str) -> str:
    """What mermaid shows for a label: entity codes turned back into characters."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text)


def parse_flowchart(code: str) -> dict[str, object]:
    """Titles, shapes, edges (manager -> report, as titles) and links of a chart."""
    names: dict[str, str] = {}
    shapes: dict[str, str] = {}
    edges: list[tuple[str, str]] = []
    links: dict[str, str] = {}
    for line in code.splitlines():
        if m := NODE.match(line):
            names[m[1]] = decode(m[3])
            shapes[names[m[1]]] = "role" if m[2] == '["' else "person"
        elif m := EDGE.match(line):
            edges.append((names[m[1]], names[m[2]]))
        elif m := CLICK.match(line):
            links[names[m[1]]] = m[2]
    first = code.strip().splitlines()[0]
    return {
        "header": first,
        "titles": list(names.values()),
        "shapes": shapes,
        "edges": edges,
        "links": links,
    }


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def charts(app, page: str = "index") -> list[dict[str, object]]:
    return [parse_flowchart(pre.get_text()) for pre in soup(app, page).select("pre.mermaid")]


MLE = 'Machine <b>Learning</b> "Engineer" & co'
PERSON_A = "Person A <script>alert(1)</script>"


#: Each node of the test chart and the card it links to.
CHART_LINKS = {
    "CEO": "org.html#team-role-ceo",
    "ML lead": "org.html#team-role-ml-lead",
    MLE: "org.html#team-role-mle",
    PERSON_A: "people.html#team-person-person-a",
    "Person B": "people.html#team-person-person-b",
    "Person C": "people.html#team-person-person-c",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(copy_root("insight-chart", tmp_path_factory.mktemp("chart")))


def test_builds_without_warnings(built):
    assert built.warning.getvalue() == ""


def test_chart_is_a_mermaid_node_made_at_write_time(built):
    doctree = resolved(built, "index")
    codes = [node["code"] for node in doctree.findall(mermaid)]
    assert len(codes) == 4
    assert codes[0].startswith("flowchart TB\n")
    assert codes[1].startswith("flowchart LR\n")
    # the stored doctree keeps a placeholder, so the chart is redrawn on every write
    assert not list(built.env.get_doctree("index").findall(mermaid))


def test_full_chart_follows_reports_to_with_shapes_and_caption(built):
    chart = charts(built)[0]
    assert chart["titles"] == ["CEO", "ML lead", MLE, PERSON_A, "Person B", "Person C"]
    assert chart["edges"] == [
        ("CEO", "ML lead"),
        ("ML lead", MLE),
        (MLE, PERSON_A),
        (PERSON_A, "Person B"),
        ("CEO", "Person C"),
    ]
    assert chart["shapes"] == {
        "CEO": "role",
        "ML lead": "role",
        MLE: "role",
        PERSON_A: "person",
        "Person B": "person",
        "Person C": "person",
    }
    figure = soup(built, "index").select_one("figure")
    assert figure is not None and figure.select_one("pre.mermaid") is not None
    # ids come from what the view is, never from a line number: stable under edits above
    assert figure["id"] == "team-chart"
    assert figure.figcaption.get_text(" ", strip=True).startswith("Who reports to whom")


def test_each_node_links_to_its_card(built):
    links = charts(built)[0]["links"]
    assert links == CHART_LINKS
    for href in links.values():
        page, anchor = href.split("#")
        assert soup(built, page.removesuffix(".html")).find(id=anchor) is not None


def test_titles_are_escaped_never_raw_html(built):
    pre = soup(built, "index").select_one("pre.mermaid")
    assert pre.find("script") is None and pre.find("b") is None
    code = pre.get_text()
    assert "<" not in code.replace("-->", "") and '"Engineer"' not in code
    assert '["Machine #60;b#62;Learning#60;/b#62; #34;Engineer#34; #38; co"]' in code
    assert '(["Person A #60;script#62;alert(1)#60;/script#62;"])' in code


def test_show_and_root_select_the_nodes(built):
    _full, roles, people, under_mle = charts(built)
    assert roles["header"] == "flowchart LR"
    assert roles["titles"] == ["CEO", "ML lead", MLE]
    # people whose manager is a hidden role start their own tree
    assert people["titles"] == [PERSON_A, "Person B", "Person C"]
    assert people["edges"] == [(PERSON_A, "Person B")]
    assert under_mle["titles"] == [MLE, PERSON_A, "Person B"]
    assert under_mle["edges"] == [(MLE, PERSON_A), (PERSON_A, "Person B")]


def test_singlehtml_links_point_into_the_one_page(tmp_path):
    app = build(copy_root("insight-chart", tmp_path), "singlehtml")
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = parse_flowchart(page.select_one("pre.mermaid").get_text())["links"]
    assert links["CEO"] == "#team-role-ceo"
    assert links["Person B"] == "#team-person-person-b"
    assert page.find(id="team-person-person-b") is not None


def test_cycles_are_cut_where_the_warning_says(tmp_path, warnings_of):
    app = build(copy_root("insight-cycle", tmp_path))
    found = warnings_of(app)
    assert (
        "index.md",
        5,  # the :reports-to: line of the card where the chart breaks the loop
        "reports-to cycle: lead -> mle -> lead; the chart breaks it at 'lead'",
        "teamext.cycle",
    ) in found
    assert (
        "index.md",
        15,
        "reports-to cycle: self -> self; the chart breaks it at 'self'",
        "teamext.cycle",
    ) in found
    chart = charts(app)[0]
    assert chart["titles"] == ["Lead", "MLE", "Self", "Report"]
    assert chart["edges"] == [("Lead", "MLE"), ("MLE", "Report")]
    notes = [p.get_text() for p in soup(app, "index").select(".teamext-note")]
    assert notes == [
        "Lead is drawn without a manager: its reports-to chain loops back to it.",
        "Self is drawn without a manager: its reports-to chain loops back to it.",
    ]


def test_cut_loops_cuts_each_loop_once():
    """The one walk of reporting lines, shared by the chart and the cycle check."""
    ids = ["a", "b", "c", "d", "e", "f"]
    manager, loops = cut_loops(ids, {"a": "c", "b": "a", "c": "b", "d": "b", "e": "e"})
    assert loops == (("a", "c", "b"), ("e",))
    assert manager == {"b": "a", "c": "b", "d": "b"}


def test_label_encodes_everything_but_plain_text():
    assert label("Zoë Ünïcode 日本 (x)") == '"Zoë Ünïcode 日本 (x)"'
    assert label('a "b"\n<c> #1 & `d`;') == '"a #34;b#34; #60;c#62; #35;1 #38; #96;d#96;#59;"'
    assert decode(label('a "b" <c> #1')[1:-1]) == 'a "b" <c> #1'


def _transform(fmt: str, uri: object, name: str = "") -> RenderContext:
    def get_relative_uri(fromdoc: str, todoc: str) -> str:
        if isinstance(uri, Exception):
            raise uri
        return str(uri)

    builder = SimpleNamespace(format=fmt, name=name or fmt, get_relative_uri=get_relative_uri)
    return RenderContext(builder, "x", ["none", "some"], 1)  # type: ignore[arg-type]


def test_links_only_where_the_builder_can_link():
    ref = Ref("role", "mle", "MLE", "roles")
    assert card_url(_transform("html", "roles.html"), ref) == "roles.html#team-role-mle"
    assert card_url(_transform("html", 'we"ird.html'), ref) == "we%22ird.html#team-role-mle"
    assert card_url(_transform("html", NoUri("roles", None)), ref) is None
    assert card_url(_transform("html", "roles.html", "epub"), ref) is None  # a picture
    assert card_url(_transform("latex", "%roles"), ref) is None
    assert card_url(_transform("html", "x.html"), Ref("role", "x", "x", None)) is None


def test_latex_charts_have_no_click_lines():
    from sphinx_teamext.render.team_chart import ChartData

    data = ChartData("", "TB", "both", (Ref("role", "mle", "MLE", "roles"),), (), ())
    assert "click" not in chart_code(data, _transform("latex", "%roles"))
    assert 'click n0 href "roles.html#team-role-mle"' in chart_code(
        data, _transform("html", "roles.html")
    )


def test_latex_build_draws_the_charts_without_links(tmp_path):
    # mermaid-cli is not needed to check the node: point sphinxcontrib-mermaid at nothing
    app = build(
        copy_root("insight-chart", tmp_path), "latex", confoverrides={"mermaid_cmd": "false"}
    )
    assert "[teamext." not in app.warning.getvalue()
    doctree = resolved(app, "index")
    codes = [node["code"] for node in doctree.findall(mermaid)]
    assert len(codes) == 4
    assert all("click" not in code for code in codes)
    assert parse_flowchart(codes[0])["edges"][0] == ("CEO", "ML lead")


def test_mermaid_config_becomes_front_matter():
    from sphinx_teamext.render.mermaid import mermaid_node

    node = mermaid_node("flowchart TB\n", SimpleNamespace(mermaid_config={"theme": "neutral"}))
    assert node["code"] == '---\nconfig: {"theme": "neutral"}\n---\nflowchart TB\n'
    assert mermaid_node("x\n", SimpleNamespace(mermaid_config=None))["code"] == "x\n"


# -- builders that cannot draw: the chart as an indented reporting tree ----------------

TREE = """* CEO (role)

  * ML lead (role)

    * Machine <b>Learning</b> "Engineer" & co (role)

      * Person A <script>alert(1)</script> (person)

        * Person B (person, Machine <b>Learning</b> "Engineer" & co)

  * Person C (person)
"""


@pytest.mark.parametrize("builder", ["text", "man", "texinfo"])
def test_builders_without_pictures_show_a_reporting_tree(tmp_path, builder):
    app = build(copy_root("insight-chart", tmp_path), builder)
    assert app.statuscode == 0
    assert "[teamext." not in app.warning.getvalue()  # expected there: nothing to report
    doctree = resolved(app, "index")
    assert not list(doctree.findall(mermaid))
    trees = [n for n in doctree.findall(nodes.bullet_list) if "teamext-chart-tree" in n["classes"]]
    assert len(trees) == 4
    if builder == "text":
        out = (app.outdir / "index.txt").read_text(encoding="utf-8")
        assert "**Who reports to whom**\n\n" + TREE in out
        assert "[graph" not in out
        assert "Each role and person is listed under the one they report to." in out


def test_latex_without_mermaid_cli_shows_trees_and_says_so_once(tmp_path, warnings_of):
    app = build(
        copy_root("insight-chart", tmp_path),
        "latex",
        confoverrides={"mermaid_cmd": str(tmp_path / "missing" / "mmdc")},
    )
    found = warnings_of(app)
    assert [(f, line, sub) for f, line, _m, sub in found] == [("index.md", 8, "teamext.diagram")]
    assert "mermaid_cmd" in found[0][2]
    assert len(app.warning.getvalue().strip().splitlines()) == 1  # no untyped mmdc warning
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxincludegraphics" not in tex and "mermaid" not in tex.lower()
    assert tex.count(r"\begin{itemize}") >= 4 and "Who reports to whom" in tex


def test_latex_without_mermaid_cli_passes_w_when_suppressed(tmp_path):
    src = copy_root("insight-chart", tmp_path)

    def latex(out: str, *extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "sphinx", "-b", "latex", "-W", "-q"]
        command += ["-D", "mermaid_cmd=/nonexistent", *extra, str(src), str(tmp_path / out)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    result = latex("out")
    assert result.returncode == 1 and "[teamext.diagram]" in result.stderr
    assert result.stderr.count("WARNING") == 1
    result = latex("out2", "-D", "suppress_warnings=teamext.diagram")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


# -- people beside the posts they hold ------------------------------------------------

TWO_TREES = """
:::{role-card} head
:title: Head of data
:::

:::{role-card} de
:title: Data engineer
:reports-to: head
:::

:::{person-card} ana
:title: Ana
:role: head
:::

:::{person-card} ben
:title: Ben
:role: de
:reports-to: ana
:::

:::{person-card} cy
:title: Cy
:role: de
:reports-to: de
:::

:::{team-chart}
:::
"""
HOLD = re.compile(r"^\s*(n\d+) --- (n\d+)$")


def test_people_are_joined_to_the_post_they_hold(tmp_path):
    """Posts report to posts and people to people: without the post a person
    holds, the chart would be two trees that never meet."""
    from helpers import build_pages

    app = build_pages(
        tmp_path / "p", {"team": TWO_TREES}, confoverrides={"teamext_coverage": "off"}
    )
    assert app.warning.getvalue() == ""
    (code,) = [pre.get_text() for pre in soup(app, "team").select("pre.mermaid")]
    names = {m[1]: decode(m[3]) for line in code.splitlines() if (m := NODE.match(line))}
    holds = [(names[m[1]], names[m[2]]) for line in code.splitlines() if (m := HOLD.match(line))]
    # Cy already reports to the post, so the arrow says it: no second line.
    assert holds == [("Head of data", "Ana"), ("Data engineer", "Ben")]
    # One connected drawing: every node meets every other through arrows or lines.
    edges = parse_flowchart(code)["edges"] + holds
    seen, todo = set(), ["Head of data"]
    while todo:
        here = todo.pop()
        seen.add(here)
        todo += [b for a, b in edges if a == here and b not in seen]
        todo += [a for a, b in edges if b == here and a not in seen]
    assert seen == set(names.values())
    legend = soup(app, "team").select_one(".teamext-team-chart").get_text(" ", strip=True)
    assert "A line without an arrow joins a person to the role they hold." in legend
    text = build(tmp_path / "p", "text")
    out = (text.outdir / "team.txt").read_text(encoding="utf-8")
    assert "* Ana (person, Head of data)" in out and "* Ben (person, Data engineer)" in out
    assert "* Cy (person)" in out
