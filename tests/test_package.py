"""The package as an adopter gets it, and mermaid served from the site.

Marked ``slow`` (a minute or so, most of it pip): build the wheel and the sdist,
check both with ``twine check``, install the wheel into a clean virtual
environment with nothing but its declared dependencies, build a
reStructuredText project there before MyST-Parser is installed, then install
``sphinx-teamext[myst]`` and build ``examples/minimal`` (and the import example
when it exists) with ``-W`` under alabaster, a theme that comes with Sphinx.
The examples of the long description (PYPI.md) are built too.

The other tests are quick: the mermaid bundle is found in ``node_modules``,
copied into ``_static/mermaid/`` and imported from there; without one, a single
info line says so and no warning fails a ``-W`` build.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

import pytest
from helpers import build, build_pages
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
LONG_DESCRIPTION = ROOT / "PYPI.md"
DOCS_URL = "https://ml-team-handbook.github.io/ml-team-handbook/reference/index.html"
#: What the extension imports; everything else a handbook uses is the handbook's.
DECLARED = {"sphinx", "docutils", "sphinxcontrib-mermaid", "pyyaml"}
#: The handbook's dependencies, which an adopter's install must not pull.
HANDBOOK_ONLY = ("furo", "sphinx-design", "sphinx-sitemap", "sphinxext-opengraph")
CDN_LINE = "mermaid: no node_modules/mermaid next to conf.py or above it"
SPHINX_OPTS = ["-b", "html", "-W", "--keep-going", "-n", "-D", "html_theme=alabaster"]


def need(module: str) -> None:
    """Skip (locally) or fail (in CI) when a tool of the test extra is missing."""
    if importlib.util.find_spec(module) is None:
        reason = f"{module} is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout}\n{done.stderr}"
    return done


def fenced(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.S | re.M)


# -- the wheel, the sdist, a clean environment -------------------------------------------


@dataclass
class Adopter:
    """A clean virtual environment with the wheel, and what happened in it."""

    dist: Path
    wheel: Path
    sdist: Path
    python: Path
    twine: str
    rst_build: subprocess.CompletedProcess[str]
    before_myst: set[str]
    after_myst: set[str]
    work: Path

    def sphinx_build(self, src: Path, *extra: str) -> Path:
        """Build ``src`` into ``<work>/html/<name of src>`` and return that folder."""
        out = self.work / "html" / src.name
        run(self.python, "-m", "sphinx", *SPHINX_OPTS, *extra, src, out)
        return out


def installed(python: Path) -> set[str]:
    listing = run(python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check")
    return {re.sub(r"[-_.]+", "-", p["name"]).lower() for p in json.loads(listing.stdout)}


def rst_project(dest: Path) -> Path:
    """The reStructuredText example of the long description, as a project."""
    dest.mkdir(parents=True)
    (dest / "conf.py").write_text(
        'project = "RST only"\nextensions = ["sphinx_teamext"]\n', encoding="utf-8"
    )
    (dest / "index.rst").write_text(fenced(LONG_DESCRIPTION.read_text("utf-8"), "rst")[0])
    return dest


@pytest.fixture(scope="module")
def adopter(tmp_path_factory: pytest.TempPathFactory) -> Adopter:
    need("build")
    need("twine")
    work = tmp_path_factory.mktemp("package")
    dist = work / "dist"
    # The wheel is built from the sdist, so a file the sdist lacks fails here too.
    run(sys.executable, "-m", "build", "--outdir", dist, ROOT)
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    twine = run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist).stdout

    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, wheel)
    before = installed(python)
    # Before MyST-Parser is there: a reStructuredText project needs only the wheel.
    rst_src = rst_project(work / "src" / "rst-only")
    rst = run(python, "-m", "sphinx", *SPHINX_OPTS, rst_src, work / "html" / "rst-only")
    run(*pip, f"{wheel}[myst]")
    run(python, "-m", "pip", "check", "--disable-pip-version-check")
    return Adopter(dist, wheel, sdist, python, twine, rst, before, installed(python), work)


@pytest.mark.slow
def test_twine_check_passes_on_the_wheel_and_the_sdist(adopter: Adopter) -> None:
    assert adopter.twine.count("PASSED") == 2, adopter.twine


@pytest.mark.slow
def test_metadata_is_written_for_adopters(adopter: Adopter) -> None:
    with zipfile.ZipFile(adopter.wheel) as whl:
        (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(whl.read(name).decode("utf-8"))
        files = whl.namelist()
    requires = meta.get_all("Requires-Dist") or []
    core = {re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0].lower() for r in requires if ";" not in r}
    assert core == DECLARED, requires
    myst = [r for r in requires if "extra == 'myst'" in r or 'extra == "myst"' in r]
    assert [r.split(";")[0].split(">")[0].strip() for r in myst] == ["myst-parser"]
    assert f"Documentation, {DOCS_URL}" in (meta.get_all("Project-URL") or [])
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta.get_payload().strip() == LONG_DESCRIPTION.read_text("utf-8").strip()
    for shipped in ("mermaid_assets.py", "py.typed", "static/teamext.css"):
        assert f"sphinx_teamext/{shipped}" in files, shipped


@pytest.mark.slow
def test_the_sdist_leaves_the_tests_out_and_both_carry_the_licence(adopter: Adopter) -> None:
    """The tests need the handbook, the examples and npm's mermaid, which the sdist
    does not hold: so it holds no tests. The MIT licence of pyproject.toml ships."""
    with tarfile.open(adopter.sdist) as sdist:
        names = [n.split("/", 1)[1] for n in sdist.getnames() if "/" in n]
        licence = sdist.extractfile(
            next(m for m in sdist.getmembers() if m.name.endswith("/LICENSE"))
        )
        assert licence is not None and b"MIT License" in licence.read()
    assert not [n for n in names if n.startswith(("tests/", "docs/", "examples/"))], names
    assert "sphinx_teamext/__init__.py" in names and "pyproject.toml" in names
    with zipfile.ZipFile(adopter.wheel) as whl:
        assert [n for n in whl.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")


@pytest.mark.slow
def test_the_wheel_pulls_only_what_the_extension_imports(adopter: Adopter) -> None:
    assert adopter.before_myst >= DECLARED
    for name in ("myst-parser", *HANDBOOK_ONLY):
        assert name not in adopter.before_myst, name
    assert "myst-parser" in adopter.after_myst
    assert not set(HANDBOOK_ONLY) & adopter.after_myst


@pytest.mark.slow
def test_a_rst_project_builds_without_myst(adopter: Adopter) -> None:
    """MyST is an extra: the extension itself needs only reStructuredText."""
    out = adopter.rst_build.stdout + adopter.rst_build.stderr
    assert "myst-parser" not in adopter.before_myst
    html = (adopter.work / "html" / "rst-only" / "index.html").read_text("utf-8")
    assert 'id="team-role-mle"' in html and "teamext-skill-map-table" in html
    # No mermaid next to a temporary folder: one info line, not a warning.
    assert out.count(CDN_LINE) == 1, out
    assert "WARNING" not in out


@pytest.mark.slow
def test_the_long_description_myst_example_builds(adopter: Adopter) -> None:
    src = adopter.work / "src" / "long-description"
    src.mkdir(parents=True)
    text = LONG_DESCRIPTION.read_text("utf-8")
    (src / "conf.py").write_text(fenced(text, "python")[0], encoding="utf-8")
    (src / "index.md").write_text(fenced(text, "markdown")[0], encoding="utf-8")
    out = adopter.sphinx_build(src, "-q")
    html = (out / "index.html").read_text("utf-8")
    assert 'id="team-role-mle"' in html and "teamext-skill-map-table" in html


@pytest.mark.slow
@pytest.mark.parametrize("example", ["minimal", "import"])
def test_example_builds_from_the_wheel(adopter: Adopter, example: str) -> None:
    """Each project under examples/ builds with -W from the installed wheel."""
    folder = EXAMPLES / example
    if not (folder / "conf.py").is_file():
        pytest.skip(f"examples/{example} does not exist yet")
    src = adopter.work / "src" / example
    shutil.copytree(folder, src)
    out = adopter.sphinx_build(src, "-q")
    assert (out / "index.html").is_file()


# -- mermaid served from the site ----------------------------------------------------------

CHART = ":::{team-chart}\n:::\n"
GLOBAL = "const mermaid = globalThis.mermaid;"
PEOPLE = (
    ":::{role-card} lead\n:title: Lead\n:::\n\n"
    ":::{role-card} engineer\n:title: Engineer\n:reports-to: lead\n:::\n"
)


def fake_mermaid(package: Path) -> Path:
    """A stand-in for ``npm install mermaid``: the classic build and its map, the
    module build and a chunk of it."""
    chunks = package / "dist" / "chunks" / "mermaid.esm.min"
    chunks.mkdir(parents=True)
    (package / "package.json").write_text('{"name": "mermaid", "version": "0.0.0-test"}')
    (package / "dist" / "mermaid.min.js").write_text("globalThis.mermaid = {};\n")
    (package / "dist" / "mermaid.min.js.map").write_text("{}")
    (package / "dist" / "mermaid.esm.min.mjs").write_text("export default {};\n")
    (chunks / "chunk-test.mjs").write_text("export const x = 1;\n")
    return package


def chart_project(dest: Path, **overrides: object) -> SphinxTestApp:
    """A chart on one page, the roles on another (no stages: coverage off)."""
    confoverrides = {"teamext_coverage": "off", **overrides}
    return build_pages(dest, {"org": CHART, "roles": PEOPLE}, confoverrides=confoverrides)


def test_mermaid_from_node_modules_is_served_from_static(tmp_path: Path) -> None:
    fake_mermaid(tmp_path / "node_modules" / "mermaid")  # a folder above conf.py
    app = chart_project(tmp_path / "site")
    assert app.warning.getvalue() == ""
    assert CDN_LINE not in app.status.getvalue()
    static = app.outdir / "_static" / "mermaid"
    # Only the classic build: one file, which a page opened from disk may load.
    assert sorted(p.name for p in static.rglob("*")) == ["mermaid.min.js"]
    org = (app.outdir / "org.html").read_text("utf-8")
    assert re.search(
        r'<script src="_static/mermaid/mermaid\.min\.js\?v=[0-9a-f]{8}"></script>', org
    )
    assert org.index("mermaid.min.js") < org.index(GLOBAL)  # the global exists before use
    assert "import mermaid" not in org and "cdn.jsdelivr" not in org
    for page in ("roles.html", "search.html", "genindex.html"):  # no diagram: no mermaid
        html = (app.outdir / page).read_text("utf-8")
        assert "mermaid.min.js" not in html and GLOBAL not in html, page


def test_a_rebuild_links_the_bundle_as_a_clean_build_does(tmp_path: Path) -> None:
    fake_mermaid(tmp_path / "node_modules" / "mermaid")
    app = chart_project(tmp_path / "site")
    first = (app.outdir / "org.html").read_text("utf-8")
    (tmp_path / "site" / "org.md").write_text("# org\n\nEdited.\n\n" + CHART)
    again = build(tmp_path / "site")
    second = (again.outdir / "org.html").read_text("utf-8")
    assert first.count("mermaid.min.js?v=") == second.count("mermaid.min.js?v=") == 1


def test_without_mermaid_one_info_line_and_no_warning(tmp_path: Path) -> None:
    app = chart_project(tmp_path / "site")
    assert app.warning.getvalue() == ""
    assert app.status.getvalue().count(CDN_LINE) == 1
    assert not (app.outdir / "_static" / "mermaid").exists()
    assert "mermaid.esm.min.mjs" in (app.outdir / "org.html").read_text("utf-8")  # from a CDN
    assert GLOBAL not in (app.outdir / "org.html").read_text("utf-8")


def test_configured_mermaid_path(tmp_path: Path) -> None:
    fake_mermaid(tmp_path / "vendor" / "mermaid")
    app = chart_project(tmp_path / "site", teamext_mermaid_path="../vendor/mermaid")
    assert app.warning.getvalue() == ""
    assert (app.outdir / "_static" / "mermaid" / "mermaid.min.js").is_file()


def test_a_mermaid_path_without_mermaid_is_a_config_warning(tmp_path: Path) -> None:
    app = chart_project(tmp_path / "bad", teamext_mermaid_path="nowhere")
    warning = app.warning.getvalue()
    assert warning.count("[teamext.config]") == 1, warning
    assert "teamext_mermaid_path = 'nowhere' is not accepted" in warning
    assert (app.outdir / "org.html").is_file()  # the build went on


def test_a_project_choice_of_mermaid_wins(tmp_path: Path) -> None:
    fake_mermaid(tmp_path / "node_modules" / "mermaid")
    url = "https://example.org/mermaid.esm.min.mjs"
    app = chart_project(tmp_path / "site", mermaid_use_local=url)
    assert url in (app.outdir / "org.html").read_text("utf-8")
    assert not (app.outdir / "_static" / "mermaid").exists()
    assert CDN_LINE not in app.status.getvalue()


def test_no_mermaid_line_for_builders_without_scripts(tmp_path: Path) -> None:
    src = tmp_path / "site"
    chart_project(src)
    app = build(src, "text")
    assert CDN_LINE not in app.status.getvalue()
