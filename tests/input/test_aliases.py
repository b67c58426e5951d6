"""Each alias family maps to the canonical values: headers, sheet names, vocabularies, dates and numbers.

Each family is written as one real workbook (one row per spelling, told apart by NIP), loaded once,
and every spelling is checked as its own test case.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from tests.builders import (
    NIP1,
    assessment,
    employee,
    make_nip,
    punishment,
    row,
    run,
    training,
    write_csv_folder,
    write_workbook,
)

import ipasn

N = 2022


def _load_family(tmp_path_factory, name, pegawai, **history):
    path = write_workbook(tmp_path_factory.mktemp(name) / f"{name}.xlsx", {"pegawai": pegawai, **history})
    return ipasn.load(path)


def _by_nip(frame: pd.DataFrame, nip: str) -> pd.Series:
    matches = frame[frame["nip"] == nip]
    assert len(matches) == 1, f"{nip}: {len(matches)} rows"
    return matches.iloc[0]


# --- Headers ------------------------------------------------------------------------------------

SIASN_HEADERS = {
    "pegawai": ["NIP BARU", "NAMA", "UNOR NAMA", "JENIS JABATAN NAMA", "ESELON NAMA", "JABATAN NAMA",
                "TINGKAT PENDIDIKAN NAMA", "STATUS CPNS PNS"],
    "diklat": ["NIP BARU", "JENIS DIKLAT NAMA", "NAMA DIKLAT", "TINGKAT DIKLAT", "TANGGAL SELESAI", "JUMLAH JAM"],
    "kinerja": ["NIP BARU", "TAHUN PENILAIAN", "NILAI SKP", "PREDIKAT KINERJA"],
    "hukdis": ["NIP BARU", "JENIS HUKUMAN NAMA", "TMT HUKUMAN"],
}
SPACING_HEADERS = {
    "pegawai": ["Nip", "Nama_Pegawai", "unit-kerja", "Jenis_Jabatan", "eselon", "jabatan", "PENDIDIKAN",
                "Status Pegawai"],
    "diklat": ["N I P", "Jenis", "nama_Diklat", "Tingkat", "tanggal_selesai", "JP"],
    "kinerja": ["nip", "TAHUN", "Nilai", "predikat"],
    "hukdis": ["NIP", "Tingkat_Hukuman", "Tanggal.Hukuman"],
}

STANDARD_SHEETS = {
    "pegawai": [employee(jenis_jabatan="Struktural", eselon="III.a", pendidikan="S-2")],
    "diklat": [training(jenis="kepemimpinan", nama="Diklatpim III", tingkat=None, tanggal=dt.date(2018, 5, 5),
                        jp=None),
               training(jenis="teknis", tanggal=dt.date(N, 5, 5), jp=24)],
    "kinerja": [assessment(tahun=N - 1, nilai=91)],
    "hukdis": [punishment(tingkat="ringan", tanggal=dt.date(N, 1, 1))],
}


@pytest.mark.parametrize("headers", [
    pytest.param(SIASN_HEADERS, id="siasn"),
    pytest.param(SPACING_HEADERS, id="huruf-spasi-garis-bawah"),
])
def test_header_aliases_give_the_same_scores(tmp_path, headers):
    """The SIASN export headers and odd spellings are read exactly like the canonical headers."""
    canonical = run(tmp_path, STANDARD_SHEETS, name="kanonik")
    aliased = run(tmp_path, STANDARD_SHEETS, headers=headers, name="alias")
    columns = ["nip", "nama", "unit_kerja", "jenis_jabatan", "kualifikasi", "kompetensi", "kinerja", "disiplin",
               "ip_asn", "data_lengkap"]
    pd.testing.assert_frame_equal(canonical.scores[columns], aliased.scores[columns])
    assert row(aliased)["ip_asn"] == 20 + 30 + 30 + 3
    assert aliased.findings.empty


@pytest.mark.parametrize(("column", "header"), [
    pytest.param("nip", "NIP BARU", id="nip-baru"),
    pytest.param("nip", "NIP_BARU", id="nip_baru"),
    pytest.param("nama", "NAMA", id="nama"),
    pytest.param("unit_kerja", "UNOR NAMA", id="unor-nama"),
    pytest.param("unit_kerja", "Satuan Kerja", id="satuan-kerja"),
    pytest.param("unit_kerja", "SKPD", id="skpd"),
    pytest.param("unit_kerja", "OPD", id="opd"),
    pytest.param("jenis_jabatan", "JENIS JABATAN NAMA", id="jenis-jabatan-nama"),
    pytest.param("jenis_jabatan", "jenis jabatan", id="jenis-jabatan"),
    pytest.param("pendidikan", "TINGKAT PENDIDIKAN NAMA", id="tingkat-pendidikan-nama"),
    pytest.param("pendidikan", "Pendidikan Terakhir", id="pendidikan-terakhir"),
    pytest.param("status", "STATUS CPNS PNS", id="status-cpns-pns"),
    pytest.param("eselon", "ESELON NAMA", id="eselon-nama"),
])
def test_each_pegawai_header_alias(tmp_path, column, header):
    base = employee(jenis_jabatan="Struktural", eselon="IV.a", pendidikan="D-III", unit_kerja="Dinas X",
                    nama="Siti", status="CPNS" if column == "status" else "PNS")
    columns = list(base)
    shown = [header if c == column else c for c in columns]
    data = ipasn.load(write_workbook(tmp_path / "p.xlsx", {"pegawai": [base]}, headers={"pegawai": shown}))
    loaded = _by_nip(data.pegawai, NIP1)
    expected = {"nip": NIP1, "nama": "Siti", "unit_kerja": "Dinas X", "jenis_jabatan": "Pengawas",
                "pendidikan": "30", "status": "CPNS", "eselon": 4}
    assert loaded[column] == expected[column]
    assert data.findings.empty


@pytest.mark.parametrize("titles", [
    pytest.param([["DAFTAR PEGAWAI DINAS X"]], id="satu-judul"),
    pytest.param([["DAFTAR PEGAWAI"], ["Keadaan per 31 Desember 2022"], []], id="dua-judul-dan-baris-kosong"),
    pytest.param([[], [], [], ["Lampiran", None, "halaman 1"]], id="baris-kosong-di-atas"),
])
def test_header_row_below_title_rows_keeps_excel_row_numbers(tmp_path, titles):
    people = [employee(make_nip(1)), employee(make_nip(2), pendidikan="Pesantren")]
    data = ipasn.load(write_workbook(tmp_path / "t.xlsx", {"pegawai": people}, title_rows=titles))
    assert data.pegawai["nip"].tolist() == [make_nip(1), make_nip(2)]
    header_row = len(titles) + 1
    assert data.pegawai["_row"].tolist() == [header_row + 1, header_row + 2]
    found = data.findings
    assert found[["baris", "kolom", "nilai"]].values.tolist() == [[header_row + 2, "pendidikan", "Pesantren"]]


@pytest.mark.parametrize(("sheet", "title"), [
    pytest.param("pegawai", "Data Pegawai", id="data-pegawai"),
    pytest.param("pegawai", "DATA_PEGAWAI", id="DATA_PEGAWAI"),
    pytest.param("pegawai", "PNS", id="pns"),
    pytest.param("diklat", "Riwayat Diklat", id="riwayat-diklat"),
    pytest.param("diklat", "Kursus", id="kursus"),
    pytest.param("kinerja", "SKP", id="skp"),
    pytest.param("kinerja", "Riwayat_SKP", id="riwayat-skp"),
    pytest.param("kinerja", "Penilaian Kinerja", id="penilaian-kinerja"),
    pytest.param("hukdis", "Hukuman Disiplin", id="hukuman-disiplin"),
    pytest.param("hukdis", "Riwayat Hukdis", id="riwayat-hukdis"),
])
@pytest.mark.parametrize("kind", [pytest.param("xlsx", id="xlsx"), pytest.param("csv", id="csv")])
def test_sheet_name_aliases(tmp_path, sheet, title, kind):
    sheets = {name: rows for name, rows in STANDARD_SHEETS.items()}
    if kind == "xlsx":
        path = write_workbook(tmp_path / "s.xlsx", sheets, sheet_names={sheet: title})
    else:
        path = write_csv_folder(tmp_path / "s", sheets)
        (path / f"{sheet}.csv").rename(path / f"{title}.csv")
    data = ipasn.load(path)
    assert data.files[sheet] == (path.name if kind == "xlsx" else f"{title}.csv")
    assert len(getattr(data, sheet)) == len(STANDARD_SHEETS[sheet])
    assert data.findings.empty


def test_unrelated_sheets_are_ignored(tmp_path):
    sheets = {**STANDARD_SHEETS, "catatan": [{"isi": "bukan data"}]}
    data = ipasn.load(write_workbook(tmp_path / "u.xlsx", sheets))
    assert set(data.files) == {"pegawai", "diklat", "kinerja", "hukdis"}


# --- Vocabularies -------------------------------------------------------------------------------

EDUCATION_ALIASES = [
    ("S1", "40"), ("s 1", "40"), ("S-1", "40"), ("Strata 1", "40"), ("Sarjana", "40"), ("S-1 Ekonomi", "40"),
    ("S1/D4", "40"), ("D4", "35"), ("D-IV", "35"), ("Diploma IV", "35"), ("Sarjana Terapan", "35"),
    ("D3", "30"), ("D-III", "30"), ("Diploma III", "30"), ("D-III Keperawatan", "30"), ("Sarjana Muda", "30"),
    ("D2", "25"), ("D-II", "25"), ("D1", "20"), ("D-I", "20"), ("Diploma I", "20"),
    ("SMA", "15"), ("SMU", "15"), ("SLTA", "15"), ("MA", "15"), ("Paket C", "15"), ("SMA IPA", "15"),
    ("SMK", "17"), ("STM", "17"), ("SLTA Kejuruan", "17"), ("SPG", "18"), ("SLTA Keguruan", "18"),
    ("SMP", "10"), ("SLTP", "10"), ("MTs", "10"), ("SLTP Kejuruan", "12"), ("SD", "05"), ("Sekolah Dasar", "05"),
    ("S2", "45"), ("S-2", "45"), ("Magister", "45"), ("Strata II", "45"), ("S3", "50"), ("Doktor", "50"),
    ("PhD", "50"), ("Profesi", "42"), ("Spesialis", "47"), ("Sp1", "47"), ("Subspesialis", "49"),
    ("40", "40"), ("5", "05"), ("05", "05"),
]


@pytest.fixture(scope="module")
def education_data(tmp_path_factory):
    people = [employee(make_nip(i), pendidikan=text) for i, (text, _) in enumerate(EDUCATION_ALIASES)]
    return _load_family(tmp_path_factory, "pendidikan", people)


@pytest.mark.parametrize(("index", "text", "code"), [
    pytest.param(i, t, c, id=t) for i, (t, c) in enumerate(EDUCATION_ALIASES)
])
def test_education_aliases(education_data, index, text, code):
    assert _by_nip(education_data.pegawai, make_nip(index))["pendidikan"] == code
    assert education_data.findings.empty


POSITION_ALIASES = [
    # (jenis_jabatan, eselon, canonical type, eselon level)
    ("Struktural", "II.a", "JPT", 2), ("Struktural", "II.b", "JPT", 2), ("Struktural", "I.a", "JPT", 1),
    ("Struktural", "III/b", "Administrator", 3), ("Struktural", "III.a", "Administrator", 3),
    ("Struktural", "IV", "Pengawas", 4), ("Struktural", "4", "Pengawas", 4), ("Struktural", 4, "Pengawas", 4),
    ("Struktural", "IV.b", "Pengawas", 4), ("Struktural", "Eselon III.a", "Administrator", 3),
    ("Struktural", "21", "JPT", 2), ("Struktural", 31, "Administrator", 3), ("Struktural", "41", "Pengawas", 4),
    ("Struktural", "12", "JPT", 1), ("Jabatan Struktural", "iii a", "Administrator", 3),
    ("1", "32", "Administrator", 3), (1, 42, "Pengawas", 4),
    ("JPT Pratama", None, "JPT", None), ("JPT Madya", None, "JPT", 1), ("Jabatan Pimpinan Tinggi", "II.a", "JPT", 2),
    ("Administrator", "III.a", "Administrator", 3), ("Jabatan Administrator", None, "Administrator", None),
    ("Pengawas", None, "Pengawas", None), ("Jabatan Pengawas", "IV.a", "Pengawas", 4),
    ("Fungsional Tertentu", None, "Fungsional", None), ("Fungsional", None, "Fungsional", None),
    ("JFT", None, "Fungsional", None), ("Jabatan Fungsional", "Non Eselon", "Fungsional", None),
    ("2", None, "Fungsional", None), (2, None, "Fungsional", None),
    ("Fungsional Umum", None, "Pelaksana", None), ("JFU", None, "Pelaksana", None),
    ("Pelaksana", None, "Pelaksana", None), ("Jabatan Pelaksana", "-", "Pelaksana", None),
    ("4", None, "Pelaksana", None), (4, None, "Pelaksana", None),
]


@pytest.fixture(scope="module")
def position_data(tmp_path_factory):
    people = [employee(make_nip(i), jenis_jabatan=j, eselon=e) for i, (j, e, _, _) in enumerate(POSITION_ALIASES)]
    return _load_family(tmp_path_factory, "jabatan", people)


@pytest.mark.parametrize(("index", "jenis", "level"), [
    pytest.param(i, t, lv, id=f"{j}|{e}") for i, (j, e, t, lv) in enumerate(POSITION_ALIASES)
])
def test_position_aliases(position_data, index, jenis, level):
    loaded = _by_nip(position_data.pegawai, make_nip(index))
    assert loaded["jenis_jabatan"] == jenis
    assert (None if pd.isna(loaded["eselon"]) else int(loaded["eselon"])) == level
    assert position_data.findings[position_data.findings["nip"] == make_nip(index)].empty


TRAINING_ALIASES = [
    ("Kepemimpinan", "kepemimpinan"), ("Diklat Struktural", "kepemimpinan"), ("Struktural", "kepemimpinan"),
    ("Diklatpim", "kepemimpinan"), ("PIM", "kepemimpinan"), ("Latihan Struktural", "kepemimpinan"),
    ("PKN", "kepemimpinan"), ("PKA", "kepemimpinan"), ("PKP", "kepemimpinan"),
    ("Pelatihan Kepemimpinan Administrator", "kepemimpinan"), ("1", "kepemimpinan"),
    ("Fungsional", "fungsional"), ("Diklat Fungsional", "fungsional"), ("Diklat Fungsional Auditor", "fungsional"),
    ("2", "fungsional"),
    ("Teknis", "teknis"), ("Diklat Teknis", "teknis"), ("Bimtek", "teknis"), ("Bimbingan Teknis", "teknis"),
    ("Diklat Teknis Pengadaan Barang", "teknis"), ("3", "teknis"), (3, "teknis"),
    ("Seminar", "seminar"), ("Workshop", "seminar"), ("Lokakarya", "seminar"), ("Kursus", "seminar"),
    ("Magang", "seminar"), ("Webinar", "seminar"), ("Seminar Nasional Kepegawaian", "seminar"), ("4", "seminar"),
]


@pytest.fixture(scope="module")
def training_data(tmp_path_factory):
    diklat = [training(jenis=text, nama="Diklatpim IV" if kind == "kepemimpinan" else f"Kegiatan {i}",
                       tanggal=dt.date(N, 1, 1 + i), jp=20)
              for i, (text, kind) in enumerate(TRAINING_ALIASES)]
    return _load_family(tmp_path_factory, "diklat", [employee()], diklat=diklat)


@pytest.mark.parametrize(("index", "kind"), [
    pytest.param(i, k, id=str(t)) for i, (t, k) in enumerate(TRAINING_ALIASES)
])
def test_training_kind_aliases(training_data, index, kind):
    loaded = training_data.diklat[training_data.diklat["tanggal_selesai"] == pd.Timestamp(N, 1, 1 + index)]
    assert loaded["jenis"].tolist() == [kind]
    assert training_data.findings.empty


LEVEL_ALIASES = [
    ("Diklatpim Tk. IV", None, 4), ("Diklat PIM III", None, 3), ("Diklatpim II Angkatan I", None, 2),
    ("PIM IV", None, 4), ("PKN Tingkat I", None, 1), ("PKN Tingkat II", None, 2), ("PKA", None, 3),
    ("PKP", None, 4), ("SEPATI", None, 1), ("SPAMEN", None, 2), ("SESPA", None, 2), ("SESPANAS", None, 2),
    ("SPAMA", None, 3), ("SEPADYA", None, 3), ("ADUM", None, 4), ("SEPALA", None, 4),
    ("Pelatihan", "III", 3), ("Pelatihan", "Tingkat II", 2), ("Pelatihan", 4, 4), ("Pelatihan", "IV", 4),
    ("Diklatpim III", "", 3), ("Kegiatan", "PIM 2", 2),
]


@pytest.fixture(scope="module")
def level_data(tmp_path_factory):
    diklat = [training(jenis="kepemimpinan", nama=name, tingkat=level, tanggal=dt.date(2000 + i, 1, 1), jp=None)
              for i, (name, level, _) in enumerate(LEVEL_ALIASES)]
    return _load_family(tmp_path_factory, "tingkat", [employee()], diklat=diklat)


@pytest.mark.parametrize(("index", "level"), [
    pytest.param(i, lv, id=f"{n}|{t}") for i, (n, t, lv) in enumerate(LEVEL_ALIASES)
])
def test_leadership_level_aliases(level_data, index, level):
    loaded = level_data.diklat[level_data.diklat["tanggal_selesai"] == pd.Timestamp(2000 + index, 1, 1)]
    assert loaded["tingkat"].tolist() == [level]
    assert level_data.findings.empty


PREDICATE_ALIASES = [
    ("Sangat Baik", "SANGAT BAIK"), ("SANGAT BAIK", "SANGAT BAIK"), ("sangat_baik", "SANGAT BAIK"),
    ("SB", "SANGAT BAIK"), ("Baik", "BAIK"), ("B", "BAIK"), ("Cukup", "CUKUP"), ("C", "CUKUP"),
    ("Butuh Perbaikan", "BUTUH PERBAIKAN"), ("BP", "BUTUH PERBAIKAN"), ("Kurang", "KURANG"), ("K", "KURANG"),
    ("Sangat Kurang", "SANGAT KURANG"), ("SK", "SANGAT KURANG"), ("Buruk", "BURUK"),
]


@pytest.fixture(scope="module")
def predicate_data(tmp_path_factory):
    people = [employee(make_nip(i)) for i in range(len(PREDICATE_ALIASES))]
    kinerja = [assessment(make_nip(i), N - 1, predikat=text) for i, (text, _) in enumerate(PREDICATE_ALIASES)]
    return _load_family(tmp_path_factory, "predikat", people, kinerja=kinerja)


@pytest.mark.parametrize(("index", "predicate"), [
    pytest.param(i, p, id=t) for i, (t, p) in enumerate(PREDICATE_ALIASES)
])
def test_predicate_aliases(predicate_data, index, predicate):
    assert _by_nip(predicate_data.kinerja, make_nip(index))["predikat"] == predicate
    assert predicate_data.findings.empty


DISCIPLINE_ALIASES = [
    ("ringan", "ringan"), ("RINGAN", "ringan"), ("R", "ringan"), ("Hukuman Disiplin Ringan", "ringan"),
    ("Teguran Lisan", "ringan"), ("Teguran tertulis", "ringan"), ("Pernyataan Tidak Puas Secara Tertulis", "ringan"),
    ("sedang", "sedang"), ("S", "sedang"), ("Hukdis Sedang", "sedang"), ("Penundaan Kenaikan Pangkat", "sedang"),
    ("berat", "berat"), ("B", "berat"), ("Hukuman Disiplin Berat", "berat"), ("Pembebasan dari Jabatan", "berat"),
    ("PTDH", "berat"),
]


@pytest.fixture(scope="module")
def discipline_data(tmp_path_factory):
    hukdis = [punishment(tingkat=text, tanggal=dt.date(2000 + i, 1, 1)) for i, (text, _) in enumerate(DISCIPLINE_ALIASES)]
    return _load_family(tmp_path_factory, "hukdis", [employee()], hukdis=hukdis)


@pytest.mark.parametrize(("index", "level"), [
    pytest.param(i, lv, id=t) for i, (t, lv) in enumerate(DISCIPLINE_ALIASES)
])
def test_discipline_aliases(discipline_data, index, level):
    loaded = discipline_data.hukdis[discipline_data.hukdis["tanggal"] == pd.Timestamp(2000 + index, 1, 1)]
    assert loaded["tingkat"].tolist() == [level]
    assert discipline_data.findings.empty


STATUS_ALIASES = [
    (None, "PNS"), ("", "PNS"), ("PNS", "PNS"), ("pns", "PNS"), ("P", "PNS"), ("Aktif", "PNS"),
    ("CPNS", "CPNS"), ("C", "CPNS"), ("Calon PNS", "CPNS"), ("PPPK", "PPPK"), ("P3K", "PPPK"),
]


@pytest.fixture(scope="module")
def status_data(tmp_path_factory):
    people = [employee(make_nip(i), status=text) for i, (text, _) in enumerate(STATUS_ALIASES)]
    return _load_family(tmp_path_factory, "status", people)


@pytest.mark.parametrize(("index", "status"), [
    pytest.param(i, s, id=repr(t)) for i, (t, s) in enumerate(STATUS_ALIASES)
])
def test_status_aliases(status_data, index, status):
    assert _by_nip(status_data.pegawai, make_nip(index))["status"] == status
    assert status_data.findings.empty


# --- Dates and numbers --------------------------------------------------------------------------

DATE_FORMS = [
    ("excel-datetime", dt.datetime(2022, 1, 12), dt.date(2022, 1, 12)),
    ("excel-date", dt.date(2022, 1, 12), dt.date(2022, 1, 12)),
    ("excel-serial", 44573, dt.date(2022, 1, 12)),
    ("excel-serial-float", 44573.0, dt.date(2022, 1, 12)),
    ("serial-as-text", "44573", dt.date(2022, 1, 12)),
    ("dd-mm-yyyy", "12-01-2022", dt.date(2022, 1, 12)),
    ("yyyy-mm-dd", "2022-01-12", dt.date(2022, 1, 12)),
    ("dd/mm/yyyy", "12/01/2022", dt.date(2022, 1, 12)),
    ("dd.mm.yyyy", "12.01.2022", dt.date(2022, 1, 12)),
    ("d-m-yyyy", "2-3-2022", dt.date(2022, 3, 2)),
    ("12-Januari-2022", "12 Januari 2022", dt.date(2022, 1, 12)),
    ("1-Agustus-2021", "1 Agustus 2021", dt.date(2021, 8, 1)),
    ("17-Agt-kapital", "17 AGUSTUS 2020", dt.date(2020, 8, 17)),
    ("5-Des-2019", "5 Des 2019", dt.date(2019, 12, 5)),
    ("29-Pebruari-2020", "29 Pebruari 2020", dt.date(2020, 2, 29)),
    ("datetime-text", "2022-01-12 00:00:00", dt.date(2022, 1, 12)),
]


@pytest.fixture(scope="module")
def date_data(tmp_path_factory):
    people = [employee(make_nip(i)) for i in range(len(DATE_FORMS))]
    diklat = [training(make_nip(i), "seminar", value, jp=None) for i, (_, value, _) in enumerate(DATE_FORMS)]
    hukdis = [punishment(make_nip(i), "ringan", value) for i, (_, value, _) in enumerate(DATE_FORMS)]
    return _load_family(tmp_path_factory, "tanggal", people, diklat=diklat, hukdis=hukdis)


@pytest.mark.parametrize(("index", "expected"), [
    pytest.param(i, e, id=name) for i, (name, _, e) in enumerate(DATE_FORMS)
])
def test_date_forms(date_data, index, expected):
    assert _by_nip(date_data.diklat, make_nip(index))["tanggal_selesai"] == pd.Timestamp(expected)
    assert _by_nip(date_data.hukdis, make_nip(index))["tanggal"] == pd.Timestamp(expected)


def test_date_forms_raise_no_findings(date_data):
    assert date_data.findings.empty


@pytest.mark.parametrize(("inside", "outside"), [
    pytest.param(dt.date(2022, 1, 1), dt.date(2021, 12, 31), id="excel-date"),
    pytest.param(44562, 44561, id="excel-serial"),
    pytest.param("01-01-2022", "31-12-2021", id="dd-mm-yyyy"),
    pytest.param("2022-01-01", "2021-12-31", id="yyyy-mm-dd"),
    pytest.param("01/01/2022", "31/12/2021", id="dd/mm/yyyy"),
    pytest.param("1 Januari 2022", "31 Desember 2021", id="nama-bulan"),
])
def test_every_date_form_respects_the_window_edge(tmp_path, inside, outside):
    people = [employee(make_nip(1)), employee(make_nip(2))]
    diklat = [training(make_nip(1), "teknis", inside, 20), training(make_nip(2), "teknis", outside, 20)]
    result = run(tmp_path, {"pegawai": people, "diklat": diklat})
    assert row(result, make_nip(1))["kompetensi_teknis"] == 22.5
    assert row(result, make_nip(2))["kompetensi_teknis"] == 0


@pytest.mark.parametrize(("jp", "expected"), [
    pytest.param("20,5", 20.5, id="koma-desimal"),
    pytest.param("20.5", 20.5, id="titik-desimal"),
    pytest.param("20", 20.0, id="teks"),
    pytest.param(20, 20.0, id="angka"),
    pytest.param(19.5, 19.5, id="angka-desimal"),
    pytest.param(" 8 ", 8.0, id="spasi"),
    pytest.param("1.000,0", 1000.0, id="ribuan-titik"),
])
@pytest.mark.parametrize("kind", [pytest.param("xlsx", id="xlsx"), pytest.param("csv", id="csv")])
def test_jp_numbers(tmp_path, jp, expected, kind):
    result = run(tmp_path, {"pegawai": [employee()], "diklat": [training(jenis="teknis", jp=jp)]}, kind=kind)
    assert result.dataset.diklat["jp"].tolist() == [expected]
    assert row(result)["kompetensi_teknis"] == (22.5 if expected >= 20 else 0)


@pytest.mark.parametrize(("nip", "expected"), [
    pytest.param("198501012010011001", NIP1, id="teks"),
    pytest.param("19850101 201001 1 001", NIP1, id="dengan-spasi"),
    pytest.param("'198501012010011001", NIP1, id="apostrof-excel"),
    pytest.param("19850101.201001.1.001", NIP1, id="dengan-titik"),
])
def test_nip_spellings(tmp_path, nip, expected):
    data = ipasn.load(write_workbook(tmp_path / "n.xlsx", {"pegawai": [employee(nip)],
                                                        "kinerja": [assessment(NIP1, N - 1, 80)]}))
    assert data.pegawai["nip"].tolist() == [expected]
    assert len(data.kinerja) == 1  # the history row (plain NIP) finds its employee
    assert data.findings.empty
