"""Reuse: an unchanged document is not made again, and every kind of change reruns exactly what
depends on it (documents and the workbooks made from the scores). Two tests in their own file, so the
test workers run them beside the other long files."""

from __future__ import annotations

import nbformat

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from tests.report.audit_project import RUN_YAML, make_project, run, statuses, year_of


def test_an_unchanged_run_is_known_before_loading_and_writes_what_a_full_rerun_writes(tmp_path):
    # HTML only: reuse does not depend on the formats, and PDFs would triple the time.
    folder = make_project(tmp_path / "p", formats="[html]")
    run(folder)
    year = year_of(folder)
    units = sorted(stem for stem in statuses(year) if stem.startswith("units/"))
    assert len(units) == 2

    bundles = {p: p.stat().st_mtime_ns for p in (year / "_kerja").rglob("*.parquet")}
    out = run(folder)  # nothing changed
    assert set(statuses(year).values()) == {"reused"}
    assert "0 dokumen dibuat, 3 dipakai ulang" in out.stdout
    # Known from the manifest's run key before loading anything: no bundle was written again ...
    assert bundles and {p: p.stat().st_mtime_ns for p in bundles} == bundles
    # ... and the index and manifest are byte for byte what a full rerun writes.
    quick = {name: (year / name).read_bytes() for name in ("index.html", "manifest.json")}
    (year / "_kerja" / "indeks.json").unlink()
    run(folder)
    assert {p: p.stat().st_mtime_ns for p in bundles} != bundles  # that one loaded and scored
    assert {name: (year / name).read_bytes() for name in quick} == quick


def test_each_change_reruns_exactly_what_depends_on_it(tmp_path):
    # HTML only: reuse does not depend on the formats, and PDFs would triple the time.
    folder = make_project(tmp_path / "p", formats="[html]")
    run(folder)
    year = year_of(folder)
    units = sorted(stem for stem in statuses(year) if stem.startswith("units/"))

    def made() -> dict[str, tuple[int, int]]:  # each workbook's inode and time: written again or not
        return {name: ((year / name).stat().st_ino, (year / name).stat().st_mtime_ns)
                for name in ("skor-ipasn-2022-data-pribadi.xlsx", "rencana-2022-data-pribadi.xlsx")}

    before = made()
    # One unit's data: that unit and the instansi rerun, the other unit is reused.
    frames = make_demo(units=2, employees=16, seed=5)
    pegawai = frames["pegawai"]
    first_unit = sorted(pegawai["unit_kerja"].unique())[0]
    row = pegawai.index[(pegawai["unit_kerja"] == first_unit) & (pegawai["pendidikan"] != "S-3")][0]
    pegawai.loc[row, "pendidikan"] = "S-3"
    (folder / "data.xlsx").write_bytes(workbook_bytes(frames))
    run(folder)
    status = statuses(year)
    assert status["instansi"] == "ok"
    assert sorted(status[u] for u in units) == ["ok", "reused"]
    assert all(made()[name] != before[name] for name in before)  # new scores: both workbooks made again
    before = made()

    # A target: shown in every document, so everything reruns; the scores stay, the plan is new.
    (folder / "run.yaml").write_text(RUN_YAML.format(target=80, formats="[html]"), encoding="utf-8")
    run(folder)
    assert set(statuses(year).values()) == {"ok"}
    now = made()
    assert now["skor-ipasn-2022-data-pribadi.xlsx"] == before["skor-ipasn-2022-data-pribadi.xlsx"]
    assert now["rencana-2022-data-pribadi.xlsx"] != before["rencana-2022-data-pribadi.xlsx"]
    before = now

    # The unit template: every unit reruns, the instansi is reused.
    template = nbformat.read(folder / "unit.ipynb", as_version=4)
    template.cells.append(nbformat.v4.new_markdown_cell("Catatan tambahan."))
    nbformat.write(template, folder / "unit.ipynb")
    run(folder)
    status = statuses(year)
    assert status["instansi"] == "reused" and all(status[u] == "ok" for u in units)
    assert made() == before  # nothing the workbooks are made from changed

    # A document damaged on disk is never reused.
    (year / f"{units[0]}.html").write_bytes(b"<html>rusak")
    run(folder)
    status = statuses(year)
    assert status[units[0]] == "ok" and status[units[1]] == "reused"
