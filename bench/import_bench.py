"""A 300-record import against the same records written as directives.

Builds two projects from scratch (HTML, theme ``basic``), each ``RUNS``
times in a fresh interpreter, and prints the median build time of each and
their ratio (issue 13's target: the import under twice the directives' time)::

    python bench/import_bench.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

CONF = """extensions = ["myst_parser", "sphinx_teamext"]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
teamext_coverage = "off"
"""
N_SKILLS, N_STAGES, N_ROLES, N_PEOPLE = 60, 20, 120, 100  # 300 records


def records() -> dict[str, list[dict[str, object]]]:
    skills = [
        {
            "id": f"skill-{i}",
            "title": f"Skill {i}",
            "group": f"group {i % 5}",
            "body": f"What skill {i} is, with *emphasis*.",
            "levels": {"1": f"Learning skill {i}.", "3": f"Fluent in skill {i}."},
        }
        for i in range(N_SKILLS)
    ]
    stages = [
        {
            "id": f"stage-{i}",
            "title": f"Stage {i}",
            "format": "One hour",
            "order": i + 1,
            "assesses": [f"skill-{(i * 3 + k) % N_SKILLS}" for k in range(3)],
            "red-flags": [f"Red flag {i}a", f"Red flag {i}b"],
        }
        for i in range(N_STAGES)
    ]
    roles = [
        {
            "id": f"role-{i}",
            "title": f"Role {i}",
            "summary": f"Role {i} in one sentence.",
            "skills": {f"skill-{(i + k) % N_SKILLS}": (i + k) % 5 for k in range(4)},
            "expectations": {f"skill-{i % N_SKILLS}": f"What skill {i} looks like for role {i}."},
            "stages": [f"stage-{i % N_STAGES}"],
            **({"reports-to": f"role-{i // 4}"} if i else {}),
            "body": f"Responsibilities of role {i}.",
        }
        for i in range(N_ROLES)
    ]
    people = [
        {
            "id": f"person-{i}",
            "title": f"Person {i}",
            "role": f"role-{i % N_ROLES}",
            "skills": {f"skill-{(i + k) % N_SKILLS}": (i + k) % 5 for k in range(3)},
            "reports-to": f"role-{i % N_ROLES}",
        }
        for i in range(N_PEOPLE)
    ]
    return {"skills": skills, "stages": stages, "roles": roles, "people": people}


def directives(data: dict[str, list[dict[str, object]]]) -> str:
    """The same records as MyST directives."""
    out = []
    names = {
        "skills": "skill",
        "stages": "interview-stage",
        "roles": "role-card",
        "people": "person-card",
    }
    for section, name in names.items():
        for rec in data[section]:
            lines = [f"::::{{{name}}} {rec['id']}"]
            for key, value in rec.items():
                if key in ("id", "body", "levels", "red-flags", "expectations"):
                    continue
                if isinstance(value, dict):
                    value = ", ".join(f"{k}={v}" for k, v in value.items())
                elif isinstance(value, list):
                    value = ", ".join(map(str, value))
                lines.append(f":{key}: {value}")
            lines.append("")
            if "body" in rec:
                lines += [str(rec["body"]), ""]
            for level, text in dict(rec.get("levels", {})).items():  # type: ignore[call-overload]
                lines += [f":::{{skill-level}} {level}", text, ":::", ""]
            for sid, text in dict(rec.get("expectations", {})).items():  # type: ignore[call-overload]
                lines += [f":::{{expectation}} {sid}", text, ":::", ""]
            if rec.get("red-flags"):
                flags = [f"- {f}" for f in rec["red-flags"]]  # type: ignore[attr-defined]
                lines += [":::{red-flags}", *flags, ":::", ""]
            lines.append("::::")
            out.append("\n".join(lines))
    return "\n\n".join(out)


def project(root: Path, page: str, extra: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "index.md").write_text("# Bench\n\n```{toctree}\nteam\n```\n", encoding="utf-8")
    (root / "team.md").write_text(f"# Team\n\n{page}\n\n:::{{skill-map}}\n:::\n", encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def timed_build(src: Path, out: Path) -> float:
    start = time.perf_counter()
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-E",
        "-d",
        str(out / "dt"),
        str(src),
        str(out / "html"),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    data = records()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        written = project(base / "directives", directives(data))
        imported = project(
            base / "import",
            "```{team-import} team.yaml\n```",
            {"team.yaml": yaml.safe_dump(data, sort_keys=False, allow_unicode=True)},
        )
        times: dict[str, list[float]] = {"directives": [], "import": []}
        for i in range(runs):  # interleaved, so drift hits both alike
            times["directives"].append(timed_build(written, base / f"out-d{i}"))
            times["import"].append(timed_build(imported, base / f"out-i{i}"))
    d, m = statistics.median(times["directives"]), statistics.median(times["import"])
    total = N_SKILLS + N_STAGES + N_ROLES + N_PEOPLE
    print(f"{total} records, {runs} clean HTML builds each (theme basic), medians:")
    print(f"  written as directives: {d:.2f} s")
    print(f"  imported from YAML:    {m:.2f} s")
    print(f"  ratio import/directives: {m / d:.2f}x (target: under 2x)")


if __name__ == "__main__":
    main()
