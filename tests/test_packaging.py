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


def test_installed_wheel_finds_its_notebooks(tmp_path):
    """A non-editable install (from the wheel, in a fresh venv) ships the report notebooks and
    plans a run from them: templates, ruleset, demo data and stylesheet all come from the package."""
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
    names = zipfile.ZipFile(wheel).namelist()
    assert {"ipasn/notebooks/unit_report.ipynb", "ipasn/notebooks/instansi_report.ipynb",
            "ipasn/notebooks/eksplorasi.ipynb", "ipasn/templates/report.css", "ipasn/data/demo.xlsx",
            "ipasn/data/demo-2021.xlsx", "ipasn/data/demo-2023.xlsx"} <= set(names)
    # A fresh venv with the wheel unpacked in it; the dependencies come from this environment's
    # site-packages by a plain path entry (its .pth files, e.g. an editable ipasn, are not run).
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    zipfile.ZipFile(wheel).extractall(site)
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    (tmp_path / "run.yaml").write_text("instansi: Uji Wheel\ntahun: 2022\nformats: [html]\noutput: out\n",
                                       encoding="utf-8")
    script = (
        "import sys, ipasn\n"
        f"assert ipasn.__file__.startswith({str(site)!r}), ipasn.__file__\n"
        "from ipasn.report.document.job import UNIT_TEMPLATE, INSTANSI_TEMPLATE, notebook_template\n"
        "for name in (UNIT_TEMPLATE, INSTANSI_TEMPLATE):\n"
        "    path = notebook_template(name)\n"
        f"    assert path.is_file() and str(path).startswith({str(site)!r}), path\n"
        "from ipasn.report.batch.params import load_params\n"
        "from ipasn.report.batch.plan import prepare\n"
        f"prepared = prepare(load_params({str(tmp_path / 'run.yaml')!r}))\n"
        "assert prepared.jobs and all(job.template.is_file() for job in prepared.jobs)\n"
        "from ipasn.report.document.render import stylesheet\n"
        "assert stylesheet()\n"
        "print('ok', len(prepared.jobs))\n"
    )
    done = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("ok"), done.stderr[-3000:]
