"""The demo instansi: reproducible, realistic in shape, dirty in the expected ways, loadable."""

from __future__ import annotations

import datetime as dt
import time

import pandas as pd
import pytest

import ipasn
from ipasn.demo.contract import make_demo, write_demo
from ipasn.input.schema import CONTRACT_COLUMNS

EXPECTED_CODES = {
    "PENDIDIKAN_TIDAK_DIKENALI", "JABATAN_TIDAK_DIKENALI", "TANGGAL_TIDAK_VALID", "JP_NEGATIF",
    "NIP_TIDAK_ADA_DI_PEGAWAI", "KINERJA_GANDA", "DUPLIKAT_PERSIS", "TINGKAT_HUKDIS_TIDAK_DIKENALI",
}


@pytest.fixture(scope="module")
def demo() -> dict[str, pd.DataFrame]:
    return make_demo()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    base = tmp_path_factory.mktemp("demo")
    return {
        "xlsx": write_demo(base / "a" / "demo.xlsx"),
        "xlsx_again": write_demo(base / "b" / "demo.xlsx"),
        "csv": write_demo(base / "csv"),
    }


@pytest.fixture(scope="module")
def loaded_xlsx(written):
    return ipasn.load(written["xlsx"])


@pytest.fixture(scope="module")
def loaded_csv(written):
    return ipasn.load(written["csv"])


# --- reproducibility ---------------------------------------------------------------------------


def test_same_arguments_give_identical_frames(demo):
    again = make_demo()
    assert list(again) == ["pegawai", "diklat", "kinerja", "hukdis"]
    for name, frame in demo.items():
        pd.testing.assert_frame_equal(frame, again[name])


def test_different_seed_gives_different_frames(demo):
    other = make_demo(seed=2023)
    for name in ("pegawai", "diklat", "kinerja"):
        assert not demo[name].equals(other[name])


def test_headers_and_every_value_is_text(demo):
    for name, columns in CONTRACT_COLUMNS.items():
        frame = demo[name]
        assert tuple(frame.columns) == columns
        assert len(frame) > 0
        for column in columns:
            assert frame[column].map(type).eq(str).all(), (name, column)


# --- shape of the instansi ---------------------------------------------------------------------


def test_unit_sizes_are_very_unequal(demo):
    sizes = demo["pegawai"]["unit_kerja"].value_counts()
    assert len(sizes) == 10
    assert sizes.sum() == 2500
    assert sizes.idxmax() == "Dinas Pendidikan"
    assert sizes.max() > 1000
    assert sizes.min() < 10
    assert sizes.min() >= 1
    assert (sizes <= 3).any()  # the edge-case unit


def test_unit_names_are_realistic_then_numbered():
    names = make_demo(units=70, employees=3000)["pegawai"]["unit_kerja"].drop_duplicates().tolist()
    assert len(names) == 70
    real = [n for n in names if not n.startswith("Unit Kerja ")]
    assert len(real) >= 60
    assert {"Dinas Pendidikan", "Dinas Kesehatan", "RSUD Ulin", "Inspektorat"} <= set(real)
    assert any(n.startswith("Kecamatan ") for n in real)


def test_sizes_scale_and_no_unit_is_empty():
    frames = make_demo(units=50, employees=20000)
    sizes = frames["pegawai"]["unit_kerja"].value_counts()
    assert len(sizes) == 50
    assert sizes.sum() == 20000
    assert sizes.min() >= 1
    small = make_demo(units=12, employees=12)["pegawai"]["unit_kerja"].value_counts()
    assert len(small) == 12 and small.min() == 1


def test_nip_structure(demo):
    raw = demo["pegawai"]["nip"]
    assert raw.str.contains(" ").sum() >= 3  # spaced, still valid
    nip = raw.str.replace(" ", "", regex=False)
    assert nip.str.fullmatch(r"\d{18}").all()
    assert nip.is_unique
    born = pd.to_datetime(nip.str.slice(0, 8), format="%Y%m%d")  # raises on an impossible date
    assert born.dt.year.between(1963, 2000).all()
    tmt_year = nip.str.slice(8, 12).astype(int)
    tmt_month = nip.str.slice(12, 14).astype(int)
    assert tmt_month.between(1, 12).all()
    assert (tmt_year <= 2022).all()
    assert (tmt_year - born.dt.year).between(19, 35).all()
    gender = nip.str.slice(14, 15)
    assert set(gender) == {"1", "2"}
    assert 0.45 < (gender == "1").mean() < 0.55


def test_status_mix(demo):
    status = demo["pegawai"]["status"]
    share = status.value_counts(normalize=True)
    pns = share.get("PNS", 0) + share.get("", 0)
    assert 0.86 < pns < 0.94
    assert 0.2 < share.get("", 0) / pns < 0.4
    assert 0.03 < share["CPNS"] < 0.07
    assert 0.03 < share["PPPK"] < 0.07


def test_names_look_indonesian(demo):
    names = demo["pegawai"]["nama"]
    assert names.str.contains("'").sum() >= 3
    assert names.str.contains(r"S\.Pd\.").any()
    assert names.str.startswith("dr. ").any()
    assert (names != "").all()


# --- after loading ---------------------------------------------------------------------------


def test_all_position_types_present_after_loading(loaded_xlsx):
    types = set(loaded_xlsx.pegawai["jenis_jabatan"].dropna())
    assert types == {"JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana"}
    share = loaded_xlsx.pegawai["jenis_jabatan"].value_counts(normalize=True)
    assert 0.01 < share["JPT"] < 0.03
    assert 0.04 < share["Administrator"] < 0.08
    assert 0.11 < share["Pengawas"] < 0.17
    assert 0.34 < share["Fungsional"] < 0.42
    assert 0.36 < share["Pelaksana"] < 0.44
    status = set(loaded_xlsx.pegawai["status"])
    assert {"PNS", "CPNS", "PPPK"} <= status


def test_education_follows_the_national_mix(loaded_xlsx):
    level = loaded_xlsx.pegawai["pendidikan"].value_counts(normalize=True)
    s1_d4 = level.get("40", 0) + level.get("35", 0)
    assert 0.52 < s1_d4 < 0.65  # national 56.3% S-1 plus D-IV
    assert 0.09 < level.get("45", 0) < 0.16  # S-2 12.3%
    assert 0.09 < level.get("30", 0) < 0.14  # D-III 11.3%
    assert 0.10 < level.get("15", 0) + level.get("17", 0) < 0.18  # SLTA 13.8%
    assert level.get("50", 0) > 0 and level.get("10", 0) > 0 and level.get("05", 0) > 0


def test_leadership_training_mostly_matches_the_eselon(loaded_xlsx):
    pegawai = loaded_xlsx.pegawai
    structural = pegawai[pegawai["jenis_jabatan"].isin(["JPT", "Administrator", "Pengawas"])]
    level = structural["eselon"].fillna(2).astype(int)  # a JPT without eselon is eselon II
    lead = loaded_xlsx.diklat[loaded_xlsx.diklat["jenis"] == "kepemimpinan"]
    have = set(zip(lead["nip"], lead["tingkat"].astype(int)))
    matching = pd.Series([(n, lv) in have for n, lv in zip(structural["nip"], level)])
    assert 0.65 < matching.mean() < 0.85


def test_kinerja_covers_most_pns_in_the_previous_year(loaded_xlsx):
    pns = loaded_xlsx.pegawai.loc[loaded_xlsx.pegawai["status"] == "PNS", "nip"]
    kinerja = loaded_xlsx.kinerja
    assessed = set(kinerja.loc[kinerja["tahun"] == 2021, "nip"])
    assert 0.88 < pns.isin(assessed).mean() < 0.97
    assert (kinerja["tahun"] == 2020).any()
    values = kinerja["nilai"].dropna()
    assert {90.0, 75.0, 60.0, 50.0} <= set(values)
    assert (values > 90).any() and (values < 60).any()
    assert kinerja["nilai"].isna().any()  # predicate only


def test_findings_include_every_kind_of_dirt(loaded_xlsx):
    codes = set(loaded_xlsx.findings["kode"])
    missing = EXPECTED_CODES - codes
    assert not missing, missing
    # dirt stays a small share of each sheet
    accounting = loaded_xlsx.accounting.set_index("lembar")
    for sheet in ("pegawai", "diklat", "kinerja"):
        assert accounting.loc[sheet, "bermasalah"] / accounting.loc[sheet, "dibaca"] < 0.03


def test_spaced_nips_are_accepted(demo, loaded_xlsx):
    spaced = demo["pegawai"]["nip"][demo["pegawai"]["nip"].str.contains(" ")]
    assert spaced.str.replace(" ", "", regex=False).isin(set(loaded_xlsx.pegawai["nip"])).all()
    assert len(loaded_xlsx.pegawai) == len(demo["pegawai"])


# --- writing ---------------------------------------------------------------------------------


def test_xlsx_is_byte_identical(written):
    first, second = written["xlsx"], written["xlsx_again"]
    assert first.suffix == ".xlsx" and first.stat().st_size > 0
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_sheets_and_text_cells(written):
    import openpyxl

    workbook = openpyxl.load_workbook(written["xlsx"], read_only=True)
    try:
        assert workbook.sheetnames == ["pegawai", "diklat", "kinerja", "hukdis"]
        assert workbook.properties.modified == dt.datetime(2022, 12, 31)
        rows = workbook["pegawai"].iter_rows(min_row=1, max_row=5)
        header = [c.value for c in next(rows)]
        assert header == list(CONTRACT_COLUMNS["pegawai"])
        for row in rows:
            assert row[0].data_type == "s" and isinstance(row[0].value, str)
    finally:
        workbook.close()


def test_folder_variant_writes_four_csv(written, demo):
    folder = written["csv"]
    assert folder.is_dir()
    assert sorted(p.name for p in folder.iterdir()) == [
        "diklat.csv", "hukdis.csv", "kinerja.csv", "pegawai.csv"]
    for name, columns in CONTRACT_COLUMNS.items():
        data = (folder / f"{name}.csv").read_bytes()
        assert b"\r\n" not in data
        assert data.decode("utf-8").split("\n", 1)[0] == ",".join(columns)
        back = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(back, demo[name], check_dtype=False)


def test_csv_folder_loads_like_the_workbook(loaded_xlsx, loaded_csv):
    for name in ("pegawai", "diklat", "kinerja", "hukdis"):
        pd.testing.assert_frame_equal(
            getattr(loaded_xlsx, name).drop(columns="_row"),
            getattr(loaded_csv, name).drop(columns="_row"),
        )
    pd.testing.assert_frame_equal(
        loaded_xlsx.findings.drop(columns=["berkas", "lembar"]),
        loaded_csv.findings.drop(columns=["berkas", "lembar"]),
    )


def test_parquet_folder_loads_like_the_workbook(demo, loaded_xlsx, tmp_path):
    """The national-scale path: text columns read from parquet as dictionaries, NIPs through Arrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for name, frame in demo.items():
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp_path / f"{name}.parquet")
    loaded = ipasn.load(tmp_path)
    for name in ("pegawai", "diklat", "kinerja", "hukdis", "hukdis_unreadable"):
        pd.testing.assert_frame_equal(getattr(loaded_xlsx, name).drop(columns="_row", errors="ignore"),
                                      getattr(loaded, name).drop(columns="_row", errors="ignore"))
    pd.testing.assert_frame_equal(loaded_xlsx.findings.drop(columns=["berkas", "lembar"]),
                                  loaded.findings.drop(columns=["berkas", "lembar"]))
    pd.testing.assert_frame_equal(ipasn.score(loaded_xlsx, 2022).scores, ipasn.score(loaded, 2022).scores)


# --- arguments and speed -----------------------------------------------------------------------


def test_invalid_arguments():
    with pytest.raises(ValueError):
        make_demo(units=0)
    with pytest.raises(ValueError):
        make_demo(units=10, employees=5)


def test_other_year_shifts_the_dates():
    frames = make_demo(units=5, employees=300, tahun=2019)
    kinerja_years = set(frames["kinerja"]["tahun"])
    assert kinerja_years == {"2018", "2017"}
    nip = frames["pegawai"]["nip"].str.replace(" ", "", regex=False)
    assert (nip.str.slice(8, 12).astype(int) <= 2019).all()


def test_fast_enough():
    start = time.perf_counter()
    make_demo()
    assert time.perf_counter() - start < 2.0
    frames = make_demo(units=50, employees=20000)
    assert len(frames["pegawai"]) == 20000
