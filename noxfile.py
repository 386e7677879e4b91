"""Every task of the project is a nox session: ``nox -l`` lists them."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).parent
BUILD = ROOT / "build"


def _link_pyenv_pythons() -> None:
    """Let the compat session find Python 3.12 and 3.13 where pyenv has them but
    its shims do not answer for them: link the real interpreters into a folder
    put first on PATH, so neither nox nor uv tries to download one."""
    links = ROOT / ".nox" / "_pythons"
    for minor in ("3.12", "3.13"):
        name = f"python{minor}"
        found = shutil.which(name)
        if found and subprocess.run([found, "-c", ""], capture_output=True).returncode == 0:
            continue
        candidates = sorted(Path("~/.pyenv/versions").expanduser().glob(f"{minor}.*/bin/{name}"))
        if candidates:
            links.mkdir(parents=True, exist_ok=True)
            link = links / name
            link.unlink(missing_ok=True)
            link.symlink_to(candidates[-1])
            os.environ["PATH"] = f"{links}{os.pathsep}{os.environ['PATH']}"


_link_pyenv_pythons()
nox.options.reuse_existing_virtualenvs = True
# uv makes environments in seconds; plain venv works everywhere else.
nox.options.default_venv_backend = "uv|venv"
nox.options.sessions = ["docs", "tests", "lint"]

PYTHON = "3.11"
SPHINX_OPTS = ["-W", "--keep-going", "-n", "-q", "-T"]


def require(session: nox.Session, tool: str, hint: str) -> str:
    """Return the path of ``tool`` or stop the session with one clear line."""
    found = shutil.which(tool)
    if not found:
        session.error(f"{tool} is missing: {hint}")
    return found


def npm_assets(session: nox.Session) -> bool:
    """Install the pinned npm packages; say so in one line when npm is missing."""
    if not shutil.which("npm"):
        session.log("npm not found: diagrams will load mermaid from a public CDN (install Node.js)")
        return False
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        session.run(
            "npm",
            "ci",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            external=True,
            env={"PUPPETEER_SKIP_DOWNLOAD": "1"},
        )
    return True


def install_once(session: nox.Session, *args: str) -> None:
    """``session.install(*args)`` unless this venv already got exactly these
    arguments under the current pyproject.toml: a warm session then spends no
    time in pip (the editable install follows source edits by itself)."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update("\0".join(args).encode())
    venv = getattr(session.virtualenv, "location", None)
    stamp = Path(venv) / ".teamext-install" if venv else None
    if stamp and stamp.is_file() and stamp.read_text() == digest.hexdigest():
        session.log("dependencies unchanged since the last install: skipping it")
        return
    session.install(*args)
    if stamp:
        stamp.write_text(digest.hexdigest())


def install_project(session: nox.Session, *extras: str, also: tuple[str, ...] = ()) -> None:
    """The project, editable, with ``extras`` (and the packages in ``also``): the
    wheel itself needs only Sphinx, docutils, sphinxcontrib-mermaid and PyYAML;
    ``docs`` brings the handbook's MyST, furo, sphinx-design and plugins, ``test``
    what the tests build with."""
    spec = f".[{','.join(extras)}]" if extras else "."
    install_once(session, "-e", spec, *also)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the HTML handbook into build/html (warnings are errors)."""
    install_project(session, "docs")
    npm_assets(session)
    out = BUILD / "html"
    session.run("sphinx-build", "-b", "html", *SPHINX_OPTS, *session.posargs, "docs", str(out))
    session.log(f"The handbook is ready: open {out / 'index.html'}")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (PDF and browser tests skip locally when a tool is missing)."""
    install_project(session, "test", "docs", "browser")
    npm_assets(session)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Only the browser tests: the built site in Chromium; screenshots go to build/screenshots."""
    install_project(session, "test", "docs", "browser")
    npm_assets(session)
    session.run("pytest", "-m", "browser", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff (lint and format check) and mypy --strict on the extension."""
    install_project(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session(python=PYTHON, name="format")
def format_(session: nox.Session) -> None:
    """Apply ruff's fixes and formatting."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", "--fix", ".")
    session.run("ruff", "format", ".")


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview: rebuilds on edits to pages or to the extension."""
    install_project(session, "docs")
    npm_assets(session)
    port = os.environ.get("PORT", "8000")
    session.run(
        "sphinx-autobuild",
        "docs",
        str(BUILD / "serve"),
        "--watch",
        "sphinx_teamext",
        "--port",
        port,
        "--host",
        "127.0.0.1",
        "-n",
        "-q",
        *session.posargs,
        # The 404 page links absolutely: point it at this server, not the published site.
        env={"HANDBOOK_BASEURL": f"http://127.0.0.1:{port}/"},
    )


@nox.session(python=["3.11", "3.12", "3.13"])
def compat(session: nox.Session) -> None:
    """Core tests on each supported Python (and the Sphinx release it gets)."""
    install_project(session, "test", "docs")  # docs: the handbook's own Sphinx plugins
    # The Java checkers (validator, epub) judge output, not the Python: run them once, in tests.
    session.run(
        "pytest", "-m", "not pdf and not browser and not validator and not epub", *session.posargs
    )


LOWEST = [
    "sphinx==8.1.3",
    "docutils==0.21.2",
    "myst-parser==4.0.0",
    "furo==2024.8.6",
    "sphinx-design==0.6.1",
    "sphinxcontrib-mermaid==1.0.0",
    "pyyaml==6.0.1",
]


@nox.session(python=PYTHON)
def lowest(session: nox.Session) -> None:
    """Core tests against the lowest dependency versions pyproject.toml allows."""
    session.install(*LOWEST, "pytest", "beautifulsoup4", "babel")
    session.install("--no-deps", "-e", ".")
    session.run(
        "pytest",
        "tests/test_records.py",
        "tests/test_warnings.py",
        "tests/test_builders.py",
        "tests/test_rebuild.py",
        *session.posargs,
    )


@nox.session(python=PYTHON)
def pot(session: nox.Session) -> None:
    """Regenerate the message catalogue template from the extension's labels."""
    install_project(session)
    session.run(
        "pybabel",
        "extract",
        "-k",
        "_",
        "--no-location",
        "--omit-header",
        "-o",
        "sphinx_teamext/locale/sphinx_teamext.pot",
        "sphinx_teamext",
    )


PDF_NAME = "ml-team-handbook"  # latex_documents in docs/conf.py


def pdf_tools_missing() -> list[str]:
    """The tools the PDF needs that this machine lacks, each named for its fix."""
    found = {
        "latexmk": shutil.which("latexmk"),
        "pdflatex": shutil.which("pdflatex"),
        "node": shutil.which("node"),
        "node_modules/.bin/mmdc (npm ci)": (ROOT / "node_modules" / ".bin" / "mmdc").exists(),
        "/usr/bin/chromium": Path("/usr/bin/chromium").exists(),
    }
    return [name for name, ok in found.items() if not ok]


@nox.session(python=PYTHON)
def pdf(session: nox.Session) -> None:
    """Build the PDF handbook into build/pdf/ (LaTeX, pdflatex via latexmk, mermaid-cli)."""
    install_project(session, "docs")
    npm_assets(session)
    missing = pdf_tools_missing()
    if missing:
        session.error(
            f"the PDF needs {', '.join(missing)}: run scripts/install-system-deps.sh and npm ci"
        )
    latex = BUILD / "latex"  # kept between runs: rendered diagrams are reused
    session.run("sphinx-build", "-b", "latex", *SPHINX_OPTS, *session.posargs, "docs", str(latex))
    with session.chdir(latex):
        session.run(
            "latexmk", "-pdf", "-dvi-", "-ps-", "-silent",
            "-interaction=nonstopmode", "-halt-on-error", f"{PDF_NAME}.tex",
            external=True, env={"LATEXOPTS": ""},
        )  # fmt: skip
    out = BUILD / "pdf" / f"{PDF_NAME}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(latex / f"{PDF_NAME}.pdf", out)
    session.log(f"The PDF is ready: {out} (build the HTML again to offer it for download)")


EPUB_NAME = PDF_NAME  # epub_basename in docs/conf.py


def epub_tools_missing() -> list[str]:
    """What the EPUB's diagrams need (mermaid-cli draws them as pictures)."""
    found = {
        "node": shutil.which("node"),
        "node_modules/.bin/mmdc (npm ci)": (ROOT / "node_modules" / ".bin" / "mmdc").exists(),
        "/usr/bin/chromium": Path("/usr/bin/chromium").exists(),
    }
    return [name for name, ok in found.items() if not ok]


@nox.session(python=PYTHON)
def epub(session: nox.Session) -> None:
    """Build the EPUB handbook into build/epub/ (diagrams drawn by mermaid-cli as pictures)."""
    install_project(session, "docs")
    npm_assets(session)
    missing = epub_tools_missing()
    if missing:
        session.error(
            f"the EPUB needs {', '.join(missing)}: run scripts/install-system-deps.sh and npm ci"
        )
    tree = BUILD / "epub-tree"  # kept between runs: drawn diagrams are reused
    session.run(
        "sphinx-build", "-b", "epub", *SPHINX_OPTS, "-d", str(BUILD / "doctrees-epub"),
        *session.posargs, "docs", str(tree),
    )  # fmt: skip
    out = BUILD / "epub" / f"{EPUB_NAME}.epub"
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tree / f"{EPUB_NAME}.epub", out)
    checker = Path("/usr/share/java/epubcheck.jar")
    if shutil.which("java") and checker.is_file():
        session.run("java", "-jar", str(checker), "-q", str(out), external=True)
    else:
        session.log("EPUBCheck not found (scripts/install-system-deps.sh): the book is unchecked")
    session.log(f"The EPUB is ready: {out} (build the HTML again to offer it for download)")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmark against hand-written pages and sphinx-needs; writes bench/RESULTS.md.

    Not part of the test run: it takes many minutes. ``nox -s bench -- --runs 1``
    for a quick look; ``python bench/run.py --help`` lists the options.
    """
    # The synthetic handbooks are MyST. The peer is installed here only, never as
    # a dependency of the project.
    install_project(session, "myst", also=("sphinx-needs==9.1.0", "sphinx-design>=0.6"))
    session.run("python", "bench/run.py", *session.posargs)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run these sessions with nox: nox -l")
