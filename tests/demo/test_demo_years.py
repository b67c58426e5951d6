"""The three-year demo: the bundled snapshots are what the generator makes, and the years differ the
way an instansi's exports do (retirements, new CPNS, promotions, transfers, a renamed unit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ipasn.cli import main
from ipasn.demo.years import RENAMED_UNIT, make_demo_years, workbooks, write_demo_years
from ipasn.report.content.data import DEMO_YEARS, demo_workbook


@pytest.fixture(scope="module")
def years() -> dict:
    return make_demo_years()


def test_bundled_snapshots_are_the_generators_bytes(years):
    made = workbooks(years)
    assert sorted(made) == list(DEMO_YEARS)
    for tahun in DEMO_YEARS:
        assert made[tahun] == demo_workbook(tahun).read_bytes(), tahun
    assert demo_workbook(2022).name == "demo.xlsx" and demo_workbook(None).name == "demo.xlsx"


def test_the_cli_writes_the_years_reproducibly(tmp_path):
    run = CliRunner().invoke(main, ["demo-data", str(tmp_path / "a"), "--years", "2021-2022", "--units", "3",
                                    "--employees", "80"])
    assert run.exit_code == 0, run.output
    again = write_demo_years(tmp_path / "b", first=2021, last=2022, units=3, employees=80)
    assert [(tmp_path / "a" / p.name).read_bytes() == p.read_bytes() for p in again] == [True, True]
    bad = CliRunner().invoke(main, ["demo-data", str(tmp_path), "--years", "2023-2021"])
    assert bad.exit_code == 2 and "--years" in bad.output


def _nips(frame) -> set[str]:
    return set(frame["nip"].str.replace(" ", "", regex=False))


def test_people_come_and_go_and_move(years):
    for before, after in ((2021, 2022), (2022, 2023)):
        old, new = years[before]["pegawai"], years[after]["pegawai"]
        assert len(_nips(old) - _nips(new)) > 10, "retirements and departures"
        assert len(_nips(new) - _nips(old)) > 10, "new CPNS"
        both = old.assign(k=old["nip"].str.replace(" ", "")).merge(new.assign(k=new["nip"].str.replace(" ", "")),
                                                                   on="k", suffixes=("_a", "_b"))
        units = both["unit_kerja_b"].replace({v: k for k, v in RENAMED_UNIT.items()})
        assert (both["unit_kerja_a"] != units).sum() > 20, "transfers"
        assert (both["jenis_jabatan_a"] != both["jenis_jabatan_b"]).sum() > 5, "promotions"
        became = (both["status_a"] == "CPNS") & both["status_b"].isin(["PNS", ""])
        assert became.sum() > 5, "CPNS who became PNS"


def test_each_year_brings_its_own_skp_and_trainings_and_the_last_renames_a_unit(years):
    for tahun in (2021, 2022, 2023):
        assert str(tahun - 1) in set(years[tahun]["kinerja"]["tahun"])
        assert str(tahun) not in set(years[tahun]["kinerja"]["tahun"])
        dated = years[tahun]["diklat"]["tanggal_selesai"].str[-4:]
        assert (dated == str(tahun)).sum() > 100
    (old, new), = RENAMED_UNIT.items()
    assert old in set(years[2022]["pegawai"]["unit_kerja"]) and new not in set(years[2022]["pegawai"]["unit_kerja"])
    assert new in set(years[2023]["pegawai"]["unit_kerja"]) and old not in set(years[2023]["pegawai"]["unit_kerja"])
