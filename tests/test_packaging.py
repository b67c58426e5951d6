"""Packaging: pyproject.toml and environment.yml agree; the wheel ships what a report run needs."""

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
        else:  # pip: what conda-forge does not ship, and ipasn itself
            conda.update(pair for entry in item["pip"] if not entry.startswith("-e")
                         for pair in _split(entry.split("#")[0]))
    assert conda == wanted, {"only in environment.yml": conda - wanted, "only in pyproject": wanted - conda}


def test_constraints_pin_every_dependency():
    """`make` installs with constraints.txt: every dependency has an exact version there."""
    pins = {line.split("==")[0].lower().replace("_", "-")
            for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if "==" in line}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {n.replace("_", "-") for r in project["dependencies"] for n, _ in _split(r)}
    assert names <= pins, names - pins


def test_notebook_links_point_into_the_package():
    """notebooks/ (for analysts, JupyterLab and papermill) links to the one copy ipasn ships."""
    for name in ("unit_report.ipynb", "instansi_report.ipynb", "eksplorasi.ipynb"):
        link = ROOT / "notebooks" / name
        assert link.is_symlink() and link.resolve() == (ROOT / "ipasn" / "notebooks" / name).resolve()


def test_installed_wheel_runs_a_report(tmp_path):
    """A non-editable install (from the wheel, in a fresh venv) is complete: every module and every
    data file of ipasn/ is in the wheel, and `ipasn run` makes a report from the package alone
    (templates, ruleset, demo data and stylesheet all come from the install)."""
    import subprocess
    import sys
    import sysconfig
    import venv
    import zipfile

    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w",
                            str(tmp_path / "dist")], capture_output=True, text=True)
    if built.returncode != 0:
        import pytest

        pytest.skip(f"cannot build a wheel here (pip wheel needs setuptools from the index): {built.stderr[-500:]}")
    wheel = next((tmp_path / "dist").glob("ipasn-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {path.relative_to(ROOT).as_posix() for path in (ROOT / "ipasn").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts}
    assert shipped <= names, sorted(shipped - names)
    # A fresh venv with the wheel unpacked in it; the dependencies come from this environment's
    # site-packages by a plain path entry (its .pth files, e.g. an editable ipasn, are not run).
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    zipfile.ZipFile(wheel).extractall(site)
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    (tmp_path / "run.yaml").write_text("instansi: Uji Wheel\ntahun: 2022\nformats: [html]\noutput: out\n"
                                       "unit_kerja: [Staf Ahli Gubernur]\n", encoding="utf-8")
    script = (
        "import sys, ipasn\n"
        f"assert ipasn.__file__.startswith({str(site)!r}), ipasn.__file__\n"
        "from ipasn.report.document.job import UNIT_TEMPLATE, INSTANSI_TEMPLATE, notebook_template\n"
        "for name in (UNIT_TEMPLATE, INSTANSI_TEMPLATE):\n"
        "    path = notebook_template(name)\n"
        f"    assert path.is_file() and str(path).startswith({str(site)!r}), path\n"
        "from ipasn.cli import main\n"
        "main(['run', 'run.yaml', '--no-progress', '--jobs', '1'], standalone_mode=False)\n"
        "print('ok')\n"
    )
    # The dependencies' data files (nbconvert's templates) are where this environment installed them,
    # as a real install of the dependencies would put them in the new venv.
    import os

    environment = {**os.environ, "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}
    done = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env=environment)
    assert done.returncode == 0 and done.stdout.rstrip().endswith("ok"), (done.stdout + done.stderr)[-3000:]
    year = tmp_path / "out" / "uji-wheel" / "2022"
    html = {path.relative_to(year).as_posix() for path in year.rglob("*.html")}
    assert {"instansi.html", "units/staf-ahli-gubernur.html", "index.html"} <= html, html
    assert (year / "manifest.json").is_file()
