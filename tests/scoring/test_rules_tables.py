"""Every row of every table in RULES.md and every boundary it names, through the real pipeline.

Each case writes a real workbook, loads it with `ipasn.load` and scores it with `ipasn.score`
(`builders.run` also checks that the plain reference implementation agrees on the same input).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from tests.builders import (
    NIP1,
    assessment,
    custom_rules,
    employee,
    findings_for,
    make_nip,
    punishment,
    row,
    run,
    training,
    write_ruleset,
)

import ipasn
from ipasn.scoring.bands import categorize
from ipasn.scoring.summary import instansi, summarise

N = 2022  # measurement year: tanggal_acuan 31-12-2022, kinerja of 2021
GOOD_SKP = [assessment(tahun=N - 1, nilai=80)]


def score_one(tmp_path, pegawai=None, diklat=(), kinerja=GOOD_SKP, hukdis=(), *, rules=None,
              tanggal_acuan=None, tahun=N):
    sheets = {"pegawai": [pegawai or employee()], "diklat": list(diklat), "kinerja": list(kinerja),
              "hukdis": list(hukdis)}
    result = run(tmp_path, sheets, tahun, rules=rules, tanggal_acuan=tanggal_acuan)
    return row(result), result


# --- Kualifikasi -------------------------------------------------------------------------------

SIASN_CODES = [
    ("05", 1), ("10", 1), ("12", 1), ("15", 5), ("17", 5), ("18", 5), ("20", 5), ("25", 5),
    ("30", 10), ("35", 15), ("40", 15), ("42", 15), ("45", 20), ("47", 20), ("49", 25), ("50", 25),
]


@pytest.mark.parametrize(("code", "points"), [pytest.param(c, p, id=f"kode-{c}") for c, p in SIASN_CODES])
def test_education_siasn_code_as_text(tmp_path, code, points):
    scored, _ = score_one(tmp_path, employee(pendidikan=code))
    assert scored["kualifikasi"] == points
    assert scored["data_lengkap"]


@pytest.mark.parametrize(("code", "points"), [pytest.param(int(c), p, id=f"angka-{c}") for c, p in SIASN_CODES])
def test_education_siasn_code_as_excel_number(tmp_path, code, points):
    """Excel drops the leading zero of "05": the number 5 is still SD."""
    scored, _ = score_one(tmp_path, employee(pendidikan=code))
    assert scored["kualifikasi"] == points


EDUCATION_NAMES = [
    ("S-3", 25), ("Doktor", 25), ("S-2", 20), ("Magister", 20), ("S-1", 15), ("D-IV", 15),
    ("D-III", 10), ("Sarjana Muda", 10), ("D-II", 5), ("D-I", 5), ("SLTA", 5), ("SMA", 5), ("SMK", 5),
    ("MA", 5), ("SLTA Kejuruan", 5), ("SLTA Keguruan", 5), ("SLTP", 1), ("SMP", 1), ("SD", 1),
    ("Profesi", 15), ("Spesialis", 20), ("Subspesialis", 25),
]


@pytest.mark.parametrize(("name", "points"), [pytest.param(n, p, id=n) for n, p in EDUCATION_NAMES])
def test_education_level_names_from_the_table(tmp_path, name, points):
    scored, _ = score_one(tmp_path, employee(pendidikan=name))
    assert scored["kualifikasi"] == points
    assert scored["data_lengkap"]


@pytest.mark.parametrize(("value", "code"), [
    pytest.param(None, "PENDIDIKAN_KOSONG", id="kosong"),
    pytest.param("Pesantren Kilat", "PENDIDIKAN_TIDAK_DIKENALI", id="tidak-dikenali"),
    pytest.param("99", "PENDIDIKAN_TIDAK_DIKENALI", id="kode-tidak-ada"),
    pytest.param(0, "PENDIDIKAN_TIDAK_DIKENALI", id="angka-nol"),
])
def test_missing_or_unknown_education_is_zero_and_incomplete(tmp_path, value, code):
    scored, result = score_one(tmp_path, employee(pendidikan=value))
    assert scored["kualifikasi"] == 0
    assert not scored["data_lengkap"]
    assert "tidak" in scored["keterangan_kualifikasi"]
    assert findings_for(result, kode=code, kolom="pendidikan", nip=NIP1).shape[0] == 1


# --- Kompetensi: points per position type and indicator -----------------------------------------

POSITIONS = {
    "JPT": employee(jenis_jabatan="JPT Pratama", eselon="II.a"),
    "Administrator": employee(jenis_jabatan="Administrator", eselon="III.a"),
    "Pengawas": employee(jenis_jabatan="Pengawas", eselon="IV.a"),
    "Fungsional": employee(jenis_jabatan="Fungsional Tertentu"),
    "Pelaksana": employee(jenis_jabatan="Pelaksana"),
}
MATCHING_LEADERSHIP = {"JPT": "Diklatpim II", "Administrator": "Diklatpim III", "Pengawas": "Diklatpim IV"}
EVIDENCE = {
    "kepemimpinan": lambda jenis: [training(jenis="kepemimpinan", nama=MATCHING_LEADERSHIP.get(jenis, "Diklatpim IV"),
                                            tanggal=dt.date(2015, 5, 5), jp=None)],
    "fungsional": lambda jenis: [training(jenis="fungsional", nama="Diklat Pembentukan Auditor",
                                          tanggal=dt.date(2012, 3, 1), jp=None)],
    "teknis": lambda jenis: [training(jenis="teknis", tanggal=dt.date(N, 6, 1), jp=20)],
    "seminar": lambda jenis: [training(jenis="seminar", tanggal=dt.date(N - 1, 6, 1), jp=None)],
}
POINTS = {  # RULES.md, Kompetensi table
    "JPT": {"kepemimpinan": 15, "fungsional": 0, "teknis": 15, "seminar": 10},
    "Administrator": {"kepemimpinan": 15, "fungsional": 0, "teknis": 15, "seminar": 10},
    "Pengawas": {"kepemimpinan": 15, "fungsional": 0, "teknis": 15, "seminar": 10},
    "Fungsional": {"kepemimpinan": 0, "fungsional": 15, "teknis": 15, "seminar": 10},
    "Pelaksana": {"kepemimpinan": 0, "fungsional": 0, "teknis": 22.5, "seminar": 17.5},
}


@pytest.mark.parametrize(("jenis", "indicator"), [
    pytest.param(j, i, id=f"{j}-{i}") for j in POSITIONS for i in EVIDENCE
])
def test_each_indicator_alone_earns_its_points(tmp_path, jenis, indicator):
    scored, _ = score_one(tmp_path, POSITIONS[jenis], EVIDENCE[indicator](jenis))
    assert scored["jenis_jabatan"] == jenis
    for other in EVIDENCE:
        expected = POINTS[jenis][indicator] if other == indicator else 0
        assert scored[f"kompetensi_{other}"] == expected, other
    assert scored["kompetensi"] == POINTS[jenis][indicator]


@pytest.mark.parametrize("jenis", [pytest.param(j, id=j) for j in POSITIONS])
def test_all_indicators_give_the_maximum_40(tmp_path, jenis):
    evidence = [t for make in EVIDENCE.values() for t in make(jenis)]
    scored, _ = score_one(tmp_path, POSITIONS[jenis], evidence)
    assert scored["kompetensi"] == 40


@pytest.mark.parametrize("jenis", [pytest.param(j, id=j) for j in POSITIONS])
def test_no_training_gives_zero_kompetensi(tmp_path, jenis):
    scored, _ = score_one(tmp_path, POSITIONS[jenis])
    assert scored["kompetensi"] == 0
    assert scored["data_lengkap"]  # no training is a fact, not missing data


# --- Kompetensi: leadership training matching the eselon --------------------------------------

LEADERSHIP_NAMES = {
    1: ["Diklatpim I", "SEPATI", "PKN Tingkat I"],
    2: ["Diklatpim II", "SPAMEN", "SESPA", "SESPANAS", "PKN Tingkat II"],
    3: ["Diklatpim III", "SPAMA", "SEPADYA", "PKA"],
    4: ["Diklatpim IV", "ADUM", "SEPALA", "PKP"],
}
ESELON_TEXT = {1: "I.a", 2: "II.b", 3: "III.a", 4: "IV.b"}


def structural(eselon: int):
    return employee(jenis_jabatan="Struktural", eselon=ESELON_TEXT[eselon])


def leadership(name, tanggal=dt.date(2019, 11, 20), tingkat=None):
    return training(jenis="kepemimpinan", nama=name, tingkat=tingkat, tanggal=tanggal, jp=None)


@pytest.mark.parametrize(("eselon", "name"), [
    pytest.param(level, name, id=f"eselon{level}-{name}") for level, names in LEADERSHIP_NAMES.items()
    for name in names
])
def test_leadership_training_of_the_positions_level_counts(tmp_path, eselon, name):
    scored, _ = score_one(tmp_path, structural(eselon), [leadership(name)])
    assert scored["kompetensi_kepemimpinan"] == 15


@pytest.mark.parametrize(("eselon", "name"), [
    pytest.param(level, name, id=f"eselon{level}-{name}") for level, names in LEADERSHIP_NAMES.items()
    for name in names
])
def test_leadership_training_given_only_as_jenis_and_tingkat(tmp_path, eselon, name):
    """The level may sit in `tingkat` while the name says nothing about it."""
    item = training(jenis="Diklat Kepemimpinan", nama="Pelatihan", tingkat=name,
                    tanggal=dt.date(2019, 11, 20), jp=None)
    scored, _ = score_one(tmp_path, structural(eselon), [item])
    assert scored["kompetensi_kepemimpinan"] == 15


@pytest.mark.parametrize(("eselon", "trained"), [
    pytest.param(e, t, id=f"eselon{e}-tingkat{t}") for e in (1, 2, 3, 4) for t in (1, 2, 3, 4) if t != e
])
@pytest.mark.parametrize("higher_counts", [pytest.param(False, id="bawaan"), pytest.param(True, id="opsi-lebih-tinggi")])
def test_leadership_training_of_another_level(tmp_path, eselon, trained, higher_counts):
    """Default: only the same level counts. With the option, a higher level (smaller number) counts too;
    a lower level never does."""
    rules = custom_rules(tmp_path, {"opsi.kepemimpinan_lebih_tinggi_dihitung": True}) if higher_counts else None
    scored, _ = score_one(tmp_path, structural(eselon), [leadership(LEADERSHIP_NAMES[trained][0])], rules=rules)
    expected = 15 if higher_counts and trained < eselon else 0
    assert scored["kompetensi_kepemimpinan"] == expected


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("Diklatpim II", 15, id="pim2-sesuai"),
    pytest.param("PKN Tingkat II", 15, id="pkn2-sesuai"),
    pytest.param("Diklatpim I", 0, id="pim1-lebih-tinggi"),
    pytest.param("Diklatpim III", 0, id="pim3-lebih-rendah"),
])
def test_jpt_without_eselon_is_taken_as_eselon_two(tmp_path, name, expected):
    scored, _ = score_one(tmp_path, employee(jenis_jabatan="JPT", eselon=None), [leadership(name)])
    assert scored["jenis_jabatan"] == "JPT"
    assert scored["kompetensi_kepemimpinan"] == expected


def test_jpt_with_eselon_one_needs_level_one(tmp_path):
    pegawai = employee(jenis_jabatan="JPT", eselon="I.b")
    assert score_one(tmp_path, pegawai, [leadership("PKN Tingkat I")])[0]["kompetensi_kepemimpinan"] == 15
    assert score_one(tmp_path, pegawai, [leadership("PKN Tingkat II")])[0]["kompetensi_kepemimpinan"] == 0


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(1999, 1, 1), 15, id="lama-tanpa-jendela"),
    pytest.param(dt.date(N, 12, 31), 15, id="pada-tanggal-acuan"),
    pytest.param(dt.date(N + 1, 1, 1), 0, id="setelah-tanggal-acuan"),
])
def test_leadership_has_no_window_but_must_be_done_by_the_reference_date(tmp_path, tanggal, expected):
    scored, _ = score_one(tmp_path, structural(3), [leadership("Diklatpim III", tanggal=tanggal)])
    assert scored["kompetensi_kepemimpinan"] == expected


def test_leadership_training_does_not_count_for_fungsional_or_pelaksana(tmp_path):
    for jenis in ("Fungsional", "Pelaksana"):
        scored, _ = score_one(tmp_path, POSITIONS[jenis], [leadership("Diklatpim IV")])
        assert scored["kompetensi_kepemimpinan"] == 0


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(1990, 1, 1), 15, id="lama"),
    pytest.param(dt.date(N, 12, 31), 15, id="pada-tanggal-acuan"),
    pytest.param(dt.date(N + 1, 1, 1), 0, id="setelah-tanggal-acuan"),
])
def test_functional_training_any_time_up_to_the_reference_date(tmp_path, tanggal, expected):
    item = training(jenis="fungsional", nama="Diklat Fungsional", tanggal=tanggal, jp=None)
    scored, _ = score_one(tmp_path, POSITIONS["Fungsional"], [item])
    assert scored["kompetensi_fungsional"] == expected


# --- Kompetensi: technical training JP and window ----------------------------------------------

def technical(jp, tanggal=dt.date(N, 6, 1)):
    return training(jenis="teknis", tanggal=tanggal, jp=jp)


@pytest.mark.parametrize(("jps", "accumulate", "expected"), [
    pytest.param([20], True, 22.5, id="20-jp"),
    pytest.param([12, 8], True, 22.5, id="12+8-jumlah-20"),
    pytest.param([19.5], True, 0, id="19,5-jp"),
    pytest.param([10, 9.5], True, 0, id="10+9,5-kurang"),
    pytest.param([12, 8], False, 0, id="tanpa-akumulasi-12+8"),
    pytest.param([20, 8], False, 22.5, id="tanpa-akumulasi-satu-20"),
    pytest.param([19.5, 19.5], False, 0, id="tanpa-akumulasi-19,5+19,5"),
])
def test_technical_training_jp(tmp_path, jps, accumulate, expected):
    rules = None if accumulate else custom_rules(tmp_path, {"opsi.teknis_akumulasi_jp": False})
    items = [technical(jp, dt.date(N, 3 + i, 1)) for i, jp in enumerate(jps)]
    scored, _ = score_one(tmp_path, POSITIONS["Pelaksana"], items, rules=rules)
    assert scored["kompetensi_teknis"] == expected


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(N - 1, 12, 31), 0, id="31-12-N-1-di-luar"),
    pytest.param(dt.date(N, 1, 1), 15, id="01-01-N-di-dalam"),
    pytest.param(dt.date(N, 12, 31), 15, id="31-12-N-di-dalam"),
    pytest.param(dt.date(N + 1, 1, 1), 0, id="01-01-N+1-diabaikan"),
])
def test_technical_training_one_year_window(tmp_path, tanggal, expected):
    scored, _ = score_one(tmp_path, POSITIONS["Fungsional"], [technical(20, tanggal)])
    assert scored["kompetensi_teknis"] == expected


def test_technical_jp_outside_the_window_is_not_added(tmp_path):
    items = [technical(12, dt.date(N - 1, 12, 31)), technical(8, dt.date(N, 1, 1))]
    scored, _ = score_one(tmp_path, POSITIONS["Pelaksana"], items)
    assert scored["kompetensi_teknis"] == 0


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(N - 2, 12, 31), 0, id="31-12-N-2-di-luar"),
    pytest.param(dt.date(N - 1, 1, 1), 22.5, id="01-01-N-1-di-dalam"),
])
def test_technical_window_option_two_years(tmp_path, tanggal, expected):
    rules = custom_rules(tmp_path, {"opsi.teknis_jendela_tahun": 2})
    scored, _ = score_one(tmp_path, POSITIONS["Pelaksana"], [technical(20, tanggal)], rules=rules)
    assert scored["kompetensi_teknis"] == expected


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(N - 2, 12, 31), 0, id="31-12-N-2-di-luar"),
    pytest.param(dt.date(N - 1, 1, 1), 17.5, id="01-01-N-1-di-dalam"),
    pytest.param(dt.date(N, 12, 31), 17.5, id="31-12-N-di-dalam"),
    pytest.param(dt.date(N + 1, 1, 1), 0, id="01-01-N+1-diabaikan"),
])
def test_seminar_two_year_window(tmp_path, tanggal, expected):
    item = training(jenis="seminar", tanggal=tanggal, jp=None)
    scored, _ = score_one(tmp_path, POSITIONS["Pelaksana"], [item])
    assert scored["kompetensi_seminar"] == expected


@pytest.mark.parametrize("jenis", [
    pytest.param(j, id=j) for j in ("Seminar", "Workshop", "Kursus", "Magang", "Webinar", "Lokakarya")
])
def test_every_seminar_kind_counts(tmp_path, jenis):
    item = training(jenis=jenis, tanggal=dt.date(N, 2, 2), jp=None)
    scored, _ = score_one(tmp_path, POSITIONS["Fungsional"], [item])
    assert scored["kompetensi_seminar"] == 10


# --- Kinerja ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("nilai", "points"), [
    pytest.param(0, 1, id="0"),
    pytest.param(50, 1, id="50"),
    pytest.param(50.01, 5, id="50,01"),
    pytest.param(60, 5, id="60"),
    pytest.param(60.5, 15, id="60,5"),
    pytest.param(75, 15, id="75"),
    pytest.param(75.5, 25, id="75,5"),
    pytest.param(90, 25, id="90"),
    pytest.param(90.5, 30, id="90,5"),
    pytest.param(100, 30, id="100"),
    pytest.param(110, 30, id="110"),
    pytest.param(120, 30, id="120"),
])
def test_kinerja_bands(tmp_path, nilai, points):
    scored, _ = score_one(tmp_path, kinerja=[assessment(tahun=N - 1, nilai=nilai)])
    assert scored["kinerja"] == points
    assert scored["data_lengkap"]


@pytest.mark.parametrize("nilai", [pytest.param(120.5, id="120,5"), pytest.param(-1, id="negatif")])
def test_kinerja_value_out_of_range_is_a_finding(tmp_path, nilai):
    scored, result = score_one(tmp_path, kinerja=[assessment(tahun=N - 1, nilai=nilai)])
    assert scored["kinerja"] == 0
    assert not scored["data_lengkap"]
    found = findings_for(result, kode="NILAI_DI_LUAR_RENTANG")
    assert found[["kolom", "nip", "baris"]].values.tolist() == [["nilai", NIP1, 2]]
    assert bool(found["ditolak"].iloc[0])


@pytest.mark.parametrize(("predikat", "points"), [
    pytest.param("Sangat Baik", 30, id="sangat-baik"),
    pytest.param("Baik", 25, id="baik"),
    pytest.param("Cukup", 15, id="cukup"),
    pytest.param("Butuh Perbaikan", 15, id="butuh-perbaikan"),
    pytest.param("Kurang", 5, id="kurang"),
    pytest.param("Sangat Kurang", 1, id="sangat-kurang"),
    pytest.param("Buruk", 1, id="buruk"),
])
def test_kinerja_predicate_only(tmp_path, predikat, points):
    scored, _ = score_one(tmp_path, kinerja=[assessment(tahun=N - 1, predikat=predikat)])
    assert scored["kinerja"] == points
    assert scored["data_lengkap"]


@pytest.mark.parametrize(("nilai", "predikat", "points"), [
    pytest.param(55, "Sangat Baik", 5, id="55-sangat-baik"),
    pytest.param(95, "Sangat Kurang", 30, id="95-sangat-kurang"),
    pytest.param(76, "Cukup", 25, id="76-cukup"),
])
def test_kinerja_value_decides_over_predicate(tmp_path, nilai, predikat, points):
    scored, _ = score_one(tmp_path, kinerja=[assessment(tahun=N - 1, nilai=nilai, predikat=predikat)])
    assert scored["kinerja"] == points


@pytest.mark.parametrize("tahun", [pytest.param(N, id="tahun-N"), pytest.param(N - 2, id="tahun-N-2")])
def test_assessment_of_another_year_is_ignored(tmp_path, tahun):
    scored, _ = score_one(tmp_path, kinerja=[assessment(tahun=tahun, nilai=95)])
    assert scored["kinerja"] == 0
    assert not scored["data_lengkap"]
    assert f"tahun {N - 1}" in scored["keterangan_kinerja"]


def test_assessment_of_the_right_year_among_others(tmp_path):
    items = [assessment(tahun=N - 2, nilai=40), assessment(tahun=N - 1, nilai=80), assessment(tahun=N, nilai=95)]
    scored, _ = score_one(tmp_path, kinerja=items)
    assert scored["kinerja"] == 25


def test_option_tahun_kinerja_selisih_zero_uses_year_n(tmp_path):
    rules = custom_rules(tmp_path, {"opsi.tahun_kinerja_selisih": 0})
    items = [assessment(tahun=N - 1, nilai=40), assessment(tahun=N, nilai=95)]
    scored, _ = score_one(tmp_path, kinerja=items, rules=rules)
    assert scored["kinerja"] == 30


def test_no_assessment_is_zero_and_incomplete(tmp_path):
    scored, _ = score_one(tmp_path, kinerja=[])
    assert scored["kinerja"] == 0
    assert not scored["data_lengkap"]


# --- Disiplin -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("tingkat", "points"), [
    pytest.param("ringan", 3, id="ringan"),
    pytest.param("sedang", 2, id="sedang"),
    pytest.param("berat", 1, id="berat"),
    pytest.param("R", 3, id="R"),
    pytest.param("S", 2, id="S"),
    pytest.param("B", 1, id="B"),
    pytest.param("Teguran lisan", 3, id="teguran-lisan"),
    pytest.param("Teguran tertulis", 3, id="teguran-tertulis"),
    pytest.param("Pernyataan tidak puas secara tertulis", 3, id="pernyataan-tidak-puas"),
    pytest.param("Hukuman Disiplin Sedang", 2, id="hukuman-disiplin-sedang"),
    pytest.param("Penundaan kenaikan gaji berkala", 2, id="penundaan-kgb"),
    pytest.param("Pembebasan dari jabatan", 1, id="pembebasan-jabatan"),
    pytest.param("Hukdis Berat", 1, id="hukdis-berat"),
])
def test_discipline_levels(tmp_path, tingkat, points):
    scored, _ = score_one(tmp_path, hukdis=[punishment(tingkat=tingkat, tanggal=dt.date(N, 3, 3))])
    assert scored["disiplin"] == points
    assert scored["data_lengkap"]


def test_no_punishment_gives_five(tmp_path):
    scored, _ = score_one(tmp_path, hukdis=[])
    assert scored["disiplin"] == 5


@pytest.mark.parametrize(("levels", "points"), [
    pytest.param(["ringan", "berat", "sedang"], 1, id="berat-terberat"),
    pytest.param(["ringan", "sedang", "ringan"], 2, id="sedang-terberat"),
    pytest.param(["R", "R"], 3, id="dua-ringan"),
])
def test_heaviest_punishment_in_the_window_counts(tmp_path, levels, points):
    items = [punishment(tingkat=lv, tanggal=dt.date(N - i, 5, 5)) for i, lv in enumerate(levels)]
    scored, _ = score_one(tmp_path, hukdis=items)
    assert scored["disiplin"] == points


@pytest.mark.parametrize(("tanggal", "expected"), [
    pytest.param(dt.date(N - 5, 12, 31), 5, id="31-12-N-5-di-luar"),
    pytest.param(dt.date(N - 4, 1, 1), 1, id="01-01-N-4-di-dalam"),
    pytest.param(dt.date(N, 12, 31), 1, id="31-12-N-di-dalam"),
    pytest.param(dt.date(N + 1, 1, 1), 5, id="01-01-N+1-diabaikan"),
])
def test_discipline_five_year_window(tmp_path, tanggal, expected):
    scored, _ = score_one(tmp_path, hukdis=[punishment(tingkat="berat", tanggal=tanggal)])
    assert scored["disiplin"] == expected
    assert scored["data_lengkap"]


def test_heavier_punishment_outside_the_window_does_not_count(tmp_path):
    items = [punishment(tingkat="berat", tanggal=dt.date(N - 5, 12, 31)),
             punishment(tingkat="ringan", tanggal=dt.date(N - 4, 1, 1))]
    scored, _ = score_one(tmp_path, hukdis=items)
    assert scored["disiplin"] == 3


@pytest.mark.parametrize(("item", "column"), [
    pytest.param(punishment(tingkat="Dipindahkan", tanggal=dt.date(N, 1, 5)), "tingkat", id="tingkat-tak-terbaca"),
    pytest.param(punishment(tingkat="berat", tanggal="kemarin"), "tanggal", id="tanggal-tak-terbaca"),
    pytest.param(punishment(tingkat="??", tanggal=None), "tingkat", id="keduanya-tak-terbaca"),
])
def test_unreadable_punishment_makes_discipline_unknown(tmp_path, item, column):
    scored, result = score_one(tmp_path, hukdis=[item])
    assert scored["disiplin"] == 0
    assert not scored["data_lengkap"]
    assert "tidak dapat dibaca" in scored["keterangan_disiplin"]
    assert findings_for(result, lembar="hukdis", kolom=column, nip=NIP1).shape[0] == 1


def test_unreadable_punishment_outside_the_window_does_not_zero_discipline(tmp_path):
    """Its date shows it cannot count: the points stand, and the record stays complete (RULES.md
    "Completeness"); the finding is still listed, as one that does not change this year's score."""
    item = punishment(tingkat="Dipindahkan", tanggal=dt.date(N - 10, 1, 5))
    scored, result = score_one(tmp_path, hukdis=[item])
    assert scored["disiplin"] == 5
    assert scored["data_lengkap"]
    found = findings_for(result, lembar="hukdis", nip=NIP1)
    assert found["kode"].tolist() == ["TINGKAT_HUKDIS_TIDAK_DIKENALI"]
    assert not found["berdampak"].any()


# --- Categories ---------------------------------------------------------------------------------

# (pegawai, diklat, kinerja value, hukdis) chosen so that the total hits each boundary exactly.
FUNGSIONAL = "Fungsional"
CATEGORY_CASES = [
    # 15 + 15 (fungsional) + 25 + 5 = 60
    ("60", 60, "Sangat Rendah", "S-1", FUNGSIONAL, ["fungsional"], 80, None),
    # 5 + 22.5 (teknis) + 30 + 3 = 60.5
    ("60,5", 60.5, "Rendah", "SMA", "Pelaksana", ["teknis"], 95, "ringan"),
    # 20 + 15 + 30 + 5 = 70
    ("70", 70, "Rendah", "S-2", FUNGSIONAL, ["fungsional"], 95, None),
    # 15 + 22.5 + 30 + 3 = 70.5
    ("70,5", 70.5, "Sedang", "S-1", "Pelaksana", ["teknis"], 95, "ringan"),
    # 20 + 25 (fungsional + seminar) + 30 + 5 = 80
    ("80", 80, "Sedang", "S-2", FUNGSIONAL, ["fungsional", "seminar"], 95, None),
    # 25 + 22.5 + 30 + 3 = 80.5
    ("80,5", 80.5, "Tinggi", "S-3", "Pelaksana", ["teknis"], 95, "ringan"),
    # 25 + 25 + 30 + 1 = 81
    ("81", 81, "Tinggi", "S-3", FUNGSIONAL, ["fungsional", "seminar"], 95, "berat"),
    # 20 + 40 + 25 + 5 = 90
    ("90", 90, "Tinggi", "S-2", FUNGSIONAL, ["fungsional", "teknis", "seminar"], 80, None),
    # 25 + 40 + 25 + 1 = 91
    ("91", 91, "Sangat Tinggi", "S-3", FUNGSIONAL, ["fungsional", "teknis", "seminar"], 80, "berat"),
    # 25 + 40 + 30 + 5 = 100
    ("100", 100, "Sangat Tinggi", "S-3", "Pelaksana", ["teknis", "seminar"], 95, None),
]


@pytest.mark.parametrize(("total", "kategori", "pendidikan", "jenis", "indicators", "nilai", "hukdis"), [
    pytest.param(*case[1:], id=case[0]) for case in CATEGORY_CASES
])
def test_category_of_a_person_at_each_boundary(tmp_path, total, kategori, pendidikan, jenis, indicators,
                                               nilai, hukdis):
    diklat = [t for i in indicators for t in EVIDENCE[i](jenis)]
    punish = [punishment(tingkat=hukdis, tanggal=dt.date(N, 2, 2))] if hukdis else []
    scored, _ = score_one(tmp_path, employee(jenis_jabatan=jenis, pendidikan=pendidikan), diklat,
                          [assessment(tahun=N - 1, nilai=nilai)], punish)
    assert scored["ip_asn"] == total
    assert scored["kategori"] == kategori


@pytest.mark.parametrize(("value", "kategori"), [
    pytest.param(0, "Sangat Rendah", id="0"),
    pytest.param(60, "Sangat Rendah", id="60"),
    pytest.param(60.5, "Rendah", id="60,5"),
    pytest.param(70, "Rendah", id="70"),
    pytest.param(70.5, "Sedang", id="70,5"),
    pytest.param(80, "Sedang", id="80"),
    pytest.param(80.5, "Tinggi", id="80,5"),
    pytest.param(81, "Tinggi", id="81"),
    pytest.param(90, "Tinggi", id="90"),
    pytest.param(90.5, "Sangat Tinggi", id="90,5"),
    pytest.param(100, "Sangat Tinggi", id="100"),
])
def test_category_bands_for_any_value(value, kategori):
    rules = ipasn.load_ruleset()
    assert categorize(pd.Series([value]), rules).tolist() == [kategori]


def test_unit_mean_of_90_5_is_sangat_tinggi(tmp_path):
    """90.5 cannot be one person's total under the default ruleset, but a unit mean can be 90.5."""
    jenis = FUNGSIONAL
    diklat_all = ["fungsional", "teknis", "seminar"]
    people = [employee(make_nip(1), jenis_jabatan=jenis, pendidikan="S-2"),   # 20+40+25+5 = 90
              employee(make_nip(2), jenis_jabatan=jenis, pendidikan="S-3")]   # 25+40+25+1 = 91
    diklat = [dict(t, nip=p["nip"]) for p in people for i in diklat_all for t in EVIDENCE[i](jenis)]
    sheets = {"pegawai": people, "diklat": diklat,
              "kinerja": [assessment(p["nip"], N - 1, 80) for p in people],
              "hukdis": [punishment(make_nip(2), "berat", dt.date(N, 1, 1))]}
    result = run(tmp_path, sheets)
    assert result.scores["ip_asn"].tolist() == [90, 91]
    unit = summarise(result, by="unit_kerja").loc["Dinas A"]
    assert unit["ip_asn"] == 90.5
    assert unit["kategori"] == "Sangat Tinggi"


# --- Who is measured ----------------------------------------------------------------------------

def test_cpns_and_pppk_are_counted_not_scored(tmp_path):
    people = [employee(make_nip(1)), employee(make_nip(2), status="CPNS"), employee(make_nip(3), status="PPPK"),
              employee(make_nip(4), status=None)]
    sheets = {"pegawai": people, "kinerja": [assessment(p["nip"], N - 1, 80) for p in people]}
    result = run(tmp_path, sheets)
    assert result.scores["nip"].tolist() == [make_nip(1), make_nip(4)]  # empty status means PNS
    assert len(result.pegawai) == 4
    assert result.pegawai.set_index("nip")["diukur"].to_dict() == {
        make_nip(1): True, make_nip(2): False, make_nip(3): False, make_nip(4): True}
    total = instansi(result)
    assert (total["terdaftar"], total["diukur"], total["tidak_diukur"]) == (4, 2, 2)
    assert total["partisipasi"] == 0.5


def test_no_pns_at_all_scores_nobody_and_reports_zero_participation(tmp_path):
    people = [employee(make_nip(1), status="CPNS"), employee(make_nip(2), status="PPPK", unit_kerja="Dinas B")]
    result = run(tmp_path, {"pegawai": people, "kinerja": [assessment(make_nip(1), N - 1, 80)]})
    assert result.scores.empty
    assert list(result.scores.columns[:15]) == ipasn.OUTPUT_COLUMNS
    total = instansi(result)
    assert (total["terdaftar"], total["diukur"], total["partisipasi"]) == (2, 0, 0.0)
    assert pd.isna(total["ip_asn"]) and total["kategori"] is None
    assert summarise(result)["diukur"].tolist() == [0, 0]


# --- Summary ------------------------------------------------------------------------------------

def test_instansi_mean_is_over_employees_not_over_unit_means(tmp_path):
    """Unit A: one PNS scoring 100. Unit B: three PNS scoring 60 and one CPNS.
    Instansi mean = (100 + 3*60) / 4 = 70 (Rendah); the mean of unit means would be 80."""
    top = employee(make_nip(1), unit_kerja="Unit A", jenis_jabatan="Pelaksana", pendidikan="S-3")
    mids = [employee(make_nip(i), unit_kerja="Unit B", jenis_jabatan=FUNGSIONAL, pendidikan="S-1") for i in (2, 3, 4)]
    cpns = employee(make_nip(5), unit_kerja="Unit B", status="CPNS")
    diklat = ([dict(t, nip=top["nip"]) for i in ("teknis", "seminar") for t in EVIDENCE[i]("Pelaksana")]
              + [dict(t, nip=p["nip"]) for p in mids for t in EVIDENCE["fungsional"](FUNGSIONAL)])
    sheets = {"pegawai": [top, *mids, cpns], "diklat": diklat,
              "kinerja": [assessment(top["nip"], N - 1, 95)] + [assessment(p["nip"], N - 1, 80) for p in mids],
              "hukdis": []}
    result = run(tmp_path, sheets)
    assert result.scores.set_index("nip")["ip_asn"].to_dict() == {
        make_nip(1): 100, make_nip(2): 60, make_nip(3): 60, make_nip(4): 60}

    units = summarise(result, by="unit_kerja")
    assert units.loc["Unit A", "ip_asn"] == 100
    assert units.loc["Unit B", "ip_asn"] == 60
    assert units.loc["Unit B", "kategori"] == "Sangat Rendah"
    assert (units.loc["Unit B", "terdaftar"], units.loc["Unit B", "diukur"]) == (4, 3)
    assert units.loc["Unit B", "partisipasi"] == 0.75
    assert units.loc["Unit A", "partisipasi"] == 1.0
    assert units.loc["Unit A", "kualifikasi"] == 25 and units.loc["Unit B", "kualifikasi"] == 15

    total = instansi(result)
    assert total["ip_asn"] == 70
    assert total["ip_asn"] != units["ip_asn"].mean()
    assert total["kategori"] == "Rendah"
    assert total["kompetensi"] == (40 + 3 * 15) / 4
    assert (total["terdaftar"], total["diukur"], total["tidak_diukur"]) == (5, 4, 1)
    assert total["partisipasi"] == 0.8
    assert total["Sangat Tinggi"] == 1 and total["Sangat Rendah"] == 3


# --- Ruleset validation -------------------------------------------------------------------------

def test_the_bundled_ruleset_matches_rules_md():
    rules = ipasn.load_ruleset()
    assert rules.dimensi_maks == {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5}
    assert {j: rules.kompetensi[j].model_dump() for j in POINTS} == POINTS
    assert rules.education_points == dict(SIASN_CODES)
    assert rules.disiplin.jendela_tahun == 5 and rules.seminar_jendela_tahun == 2
    assert rules.teknis_min_jp == 20
    assert rules.options_in_force() == {
        "kepemimpinan_lebih_tinggi_dihitung": False, "teknis_akumulasi_jp": True, "teknis_jendela_tahun": 1,
        "tahun_kinerja_selisih": 1, "jpt_eselon_bawaan": 2}


@pytest.mark.parametrize(("changes", "named"), [
    pytest.param({"kompetensi.Pelaksana.seminar": 10}, "kompetensi.Pelaksana", id="kompetensi-pelaksana-35"),
    pytest.param({"kompetensi.JPT.kepemimpinan": 20}, "kompetensi.JPT", id="kompetensi-jpt-45"),
    pytest.param({"dimensi_maks.disiplin": 10}, "dimensi_maks", id="dimensi-105"),
    pytest.param({"dimensi_maks.kinerja": 25}, "dimensi_maks", id="dimensi-95"),
])
def test_inconsistent_ruleset_is_refused_naming_the_key(tmp_path, changes, named):
    path = write_ruleset(tmp_path / "salah.yaml", changes)
    with pytest.raises(ipasn.RulesetError, match=named) as caught:
        ipasn.load_ruleset(path)
    assert "salah.yaml" in str(caught.value)


def test_custom_ruleset_with_consistent_changes_is_accepted(tmp_path):
    rules = custom_rules(tmp_path, {"kompetensi.Pelaksana.teknis": 20, "kompetensi.Pelaksana.seminar": 20})
    assert rules.kompetensi["Pelaksana"].teknis == 20
    scored, _ = score_one(tmp_path, POSITIONS["Pelaksana"], EVIDENCE["teknis"]("Pelaksana"), rules=rules)
    assert scored["kompetensi_teknis"] == 20
