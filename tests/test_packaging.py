"""pyproject.toml and environment.yml name the same dependencies with the same lower bounds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# PyPI extras that conda-forge ships as separate packages.
EXPANDS = {"dask[distributed]": ["dask", "distributed"]}


def _split(requirement: str) -> list[tuple[str, str]]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+(?:\[[a-z,]+\])?)\s*(.*)", requirement)
    name, spec = match.group(1).lower(), match.group(2).replace(" ", "")
    return [(n, spec) for n in EXPANDS.get(name, [name])]


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = set()
    for requirement in project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                                  for r in extra]:
        wanted.update(_split(requirement))
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = set()
    for item in env["dependencies"]:
        if isinstance(item, str):
            conda.update(pair for pair in _split(item) if pair[0] not in ("python", "pip"))
    assert conda == wanted, {"only in environment.yml": conda - wanted, "only in pyproject": wanted - conda}


def test_constraints_pin_every_dependency():
    """`make` installs with constraints.txt: every dependency has an exact version there."""
    pins = {line.split("==")[0].lower().replace("_", "-")
            for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if "==" in line}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {n.replace("_", "-") for r in project["dependencies"] for n, _ in _split(r)}
    assert names <= pins, names - pins
