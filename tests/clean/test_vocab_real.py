"""The parsers behind issue 10, value by value: what SIASN and hand-made exports write, and what ipasn
reads it as (or refuses). The whole path, through `ipasn score`, is in test_real_exports.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from ipasn.clean.codes import (
    NO_PUNISHMENT,
    kedudukan_type,
    names_leadership,
    parse_discipline,
    parse_leadership_id,
    parse_leadership_level,
    parse_predicate,
    parse_punishment,
    parse_training_id,
    parse_training_kind,
    status_obstacle,
    status_type,
)
from ipasn.clean.dates import YEAR_ONLY, parse_date
from ipasn.clean.parse import parse_jp


@pytest.mark.parametrize(("text", "level"), [
    # PP 53/2010 and PP 94/2021, as SIASN names them and as people type them
    ("Teguran Lisan", "ringan"), ("teguran tertulis", "ringan"), ("Pernyataan Tidak Puas Secara Tertulis", "ringan"),
    ("Pemotongan Tunjangan Kinerja sebesar 25% selama 6 (enam) bulan", "sedang"),
    ("Pemotongan tukin 25 % selama 12 bulan", "sedang"),
    ("Penundaan Kenaikan Gaji Berkala selama 1 (satu) tahun", "sedang"),
    ("Penundaan kenaikan gaji berkala untuk paling lama 1 (satu) tahun", "sedang"),
    ("Penundaan Kenaikan Pangkat selama 1 Tahun", "sedang"),
    ("Penurunan pangkat pada pangkat yang setingkat lebih rendah selama 1 (satu) tahun", "sedang"),
    ("Penurunan pangkat pada pangkat yang setingkat lebih rendah selama 3 (tiga) tahun", "berat"),
    ("Penurunan Pangkat Satu Tingkat Lebih Rendah Selama 3 Tahun", "berat"),
    ("Pemindahan dalam rangka penurunan jabatan setingkat lebih rendah", "berat"),
    ("Penurunan jabatan setingkat lebih rendah selama 12 (dua belas) bulan", "berat"),
    ("Pembebasan dari jabatan", "berat"),
    ("Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", "berat"),
    ("Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "berat"), ("PDHTAPS", "berat"),
    ("Pemberhentian tidak dengan hormat sebagai Pegawai Negeri Sipil", "berat"), ("PTDH", "berat"),
    ("Hukuman Disiplin Ringan berupa Teguran Lisan", "ringan"), ("Hukuman Disiplin Sedang", "sedang"),
    # "No punishment" in its spellings
    ("Tidak ada", NO_PUNISHMENT), ("-", NO_PUNISHMENT), ("Nihil", NO_PUNISHMENT),
    ("Tidak Pernah", NO_PUNISHMENT),
    # the whole phrase decides: a duration that decides the level must be there and be one of the law's
    ("Penurunan pangkat setingkat lebih rendah", None), ("Penurunan pangkat setingkat lebih rendah 2 tahun", None),
    ("Penurunan", None), ("Pangkat", None), ("Hukuman disiplin berat berupa teguran lisan", None),
    ("Dipindahkan", None), ("??", None),
])
def test_punishment_names(text, level):
    assert parse_punishment(text)[0] == level
    assert parse_discipline(text)[0] == level  # the same text in the level column reads the same


@pytest.mark.parametrize(("text", "level", "named"), [
    ("Pelatihan Kepemimpinan Administrator Angkatan X", 3, True), ("Pelatihan Kepemimpinan Pengawas", 4, True),
    ("Pelatihan Kepemimpinan Nasional Tingkat II", 2, True), ("PKN Tingkat I", 1, True), ("PKA", 3, True),
    ("Diklat PIM IV", 4, True), ("SEPALA/ADUM/DIKLAT PIM TK.IV", 4, True), ("SEPADYA/SPAMA/DIKLAT PIM TK. III", 3, True),
    ("SPAMEN/SESPA/SESPANAS/DIKLAT PIM TK. II", 2, True), ("SEPATI/DIKLAT PIM TK. I", 1, True), ("SEPADA", 5, True),
    ("Diklatpim Tingkat III Angkatan II", 3, True),
    # not a leadership name: a level word elsewhere, a Pengawas that is a functional post, no level
    ("Kursus Bahasa Inggris Level 2", 2, False), ("Diklat Pengawas Sekolah", None, False),
    ("Diklat Struktural Lainnya", None, False), ("SESPIM", None, False),
])
def test_leadership_names(text, level, named):
    assert parse_leadership_level(text)[0] == level
    assert names_leadership(text)[0] is named


@pytest.mark.parametrize(("value", "level"), [("1", 5), ("2", 4), (3, 3), ("4", 2), ("05", 1), ("6", None),
                                              ("7", None), ("8", None)])
def test_latihan_struktural_id(value, level):
    parsed, problem = parse_leadership_id(value)
    assert parsed == level and problem is None


def test_an_unknown_latihan_struktural_id_is_a_problem():
    assert parse_leadership_id("9") == (None, "TINGKAT_DIKLAT_TIDAK_DIKENALI")


@pytest.mark.parametrize(("value", "kind"), [
    ("1", "kepemimpinan"), ("2", "fungsional"), ("3", "teknis"), ("4", "seminar"), ("5", "teknis"), ("6", "teknis"),
    ("7", "seminar"), ("8", "teknis"), ("9", "seminar"), ("10", "seminar"), (10, "seminar"), ("11", None),
])
def test_jenis_diklat_id(value, kind):
    assert parse_training_id(value)[0] == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Latsar CPNS", "prajabatan"), ("Pelatihan Dasar CPNS Golongan III", "prajabatan"), ("Diklat Prajabatan", "prajabatan"),
    ("Prajab Gol. II", "prajabatan"), ("Pelatihan Manajerial", "teknis"), ("Pelatihan Sosial Kultural", "teknis"),
    ("Sosialisasi", "seminar"), ("Bimbingan Teknis", "teknis"), ("Diklat PIM IV", "kepemimpinan"),
])
def test_training_kinds(text, kind):
    assert parse_training_kind(text)[0] == kind


@pytest.mark.parametrize(("text", "kind", "reason"), [
    ("PNS", "PNS", None), ("P", "PNS", None), ("Aktif", None, None), ("PNS Aktif", "PNS", None),
    ("PNS DPK", "PNS", None), ("PNS DPB", "PNS", None), ("Tugas Belajar", None, None), ("Diperbantukan", None, None),
    ("CPNS Aktif", "CPNS", None), ("C", "CPNS", None), ("PPPK Aktif", "PPPK", None), ("P3K", "PPPK", None),
    ("CLTN", None, "CLTN"), ("Cuti di Luar Tanggungan Negara", None, "CLTN"),
    ("Pemberhentian Sementara", None, "pemberhentian sementara"), ("PNS CLTN", "PNS", "CLTN"),
])
def test_status_and_kedudukan_values(text, kind, reason):
    assert status_type(text) == (kind, None)
    assert status_obstacle(text)[0] == reason


def test_an_unknown_status_is_a_problem_in_either_column():
    assert status_type("Honorer") == (None, "STATUS_TIDAK_DIKENALI")
    assert kedudukan_type("Masa Persiapan Pensiun") == (None, "KEDUDUKAN_TIDAK_DIKENALI")


@pytest.mark.parametrize("value", [2020, 2020.0, "2020", " 2020 ", "2020.0", dt.datetime(1905, 7, 12)])
def test_a_bare_year_is_31_december_and_says_so(value):
    assert parse_date(value) == (pd.Timestamp(2020, 12, 31), YEAR_ONLY)


@pytest.mark.parametrize(("value", "expected"), [
    (44573, pd.Timestamp(2022, 1, 12)), ("44573", pd.Timestamp(2022, 1, 12)), (dt.datetime(2022, 1, 12), pd.Timestamp(2022, 1, 12)),
    ("12-01-2022", pd.Timestamp(2022, 1, 12)),
])
def test_dates_are_not_years(value, expected):
    assert parse_date(value) == (expected, None)


@pytest.mark.parametrize(("value", "expected"), [(1000, (1000.0, None)), ("1.000,0", (1000.0, None)),
                                                 (1000.5, (None, "JP_TIDAK_WAJAR")), ("1e303", (None, "JP_TIDAK_WAJAR"))])
def test_jp_bound(value, expected):
    assert parse_jp(value) == expected


def test_sedang_is_a_predicate():
    assert parse_predicate("Sedang") == ("SEDANG", None)
