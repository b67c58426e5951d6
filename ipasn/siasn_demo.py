"""A synthetic instansi shaped like the tables a BKD downloads from SIASN, for tests and demos.

``make_siasn()`` builds five tables the way SIASN writes them, one download each:

========================  ============================  ===========================================
file (or sheet)           rows                          notes
========================  ============================  ===========================================
Data Utama PNS            one per employee              PNS ID, NIP BARU (text), split titles, ids
                                                        beside names, UNOR (sub-unit) and UNOR
                                                        INDUK (SKPD)
Riwayat Diklat            leadership (LATIHAN           LAN's current names since 2019, Diklatpim
                          STRUKTURAL ID 1-5),           before; Latsar/Prajabatan rows
                          functional, technical
Riwayat Kursus            Bimtek, Seminar, Workshop,
                          Kursus, Webinar, Sosialisasi
Riwayat SKP               several years                 NILAI PRESTASI KERJA is the one IP ASN
                                                        uses; from 2022 a predicate only
Riwayat Hukuman Disiplin  PP 53/2010 and PP 94/2021     level R/S/B beside the punishment's name
                          names
========================  ============================  ===========================================

Each table starts with four title rows (title, instansi, "Diunduh dari SIASN dd-mm-yyyy", an empty
row); the header is on row ``HEADER_ROW`` (5), uppercase with spaces, and every riwayat table names
the employee (NIP BARU and NAMA). Written either as a folder of .xlsx downloads (``FILE_NAMES``, one
sheet "Sheet1" each, as SIASN's downloads have) or as one workbook with one sheet per table, named like
the files. The same arguments give the same bytes.

The mess of real downloads is injected at small, known shares (exact counts, at least one each):

- date cells: 75% real Excel date cells (format dd-mm-yyyy), 25% "dd-mm-yyyy" text;
- a bare year (2020 as a number) as the only date: 5% of Riwayat Diklat rows (TANGGAL SELESAI and
  TAHUN, no TANGGAL MULAI) and 15% of Riwayat Hukuman Disiplin rows (HUKUMAN TANGGAL, no TANGGAL SK);
- ``#N/A`` error cells (real ``t="e"`` cells) in 2% of the rows of every table, in columns that do not
  change a score when read as empty: TINGKAT PENDIDIKAN NAMA (TINGKAT PENDIDIKAN ID beside it says the
  level), GOL AKHIR NAMA, LOKASI KERJA NAMA, PENDIDIKAN NAMA, NOMOR SERTIFIKAT, INSTITUSI PENYELENGGARA,
  JUMLAH JAM of a seminar-like kursus, NILAI PERILAKU KERJA, NOMOR SK;
- STATUS CPNS PNS written "PNS"/"CPNS" instead of "P"/"C" for 15% of the rows; PPPK rows have an empty
  status (half) or "PPPK", and KEDUDUKAN HUKUM NAMA "PPPK Aktif";
- JENIS JABATAN NAMA "JA" (15% of the administrators and supervisors, 10% of the pelaksana) or "Jabatan
  Pelaksana" (20% of the pelaksana) beside the SIASN id;
- LATIHAN STRUKTURAL ID/NAMA empty on 15% of the leadership rows (the training's name must say it);
- JENIS TINGKAT HUKUMAN ID empty on 10% of the punishments (the name must say it); two "Tidak Ada"
  rows (no punishment, as operators type them in: SIASN's own reference has no such entry);
- with ``dirty=True`` only: one NIP BARU in Data Utama PNS stored as a number (15 significant digits,
  as Excel keeps it).

Traps that are not errors: UNOR NAMA repeats across SKPD ("Sekretariat", "Sub Bagian Keuangan"), so the
SKPD is UNOR INDUK NAMA; LATIHAN STRUKTURAL ID is not the level (2 is PIM IV); NILAI SKP stands before
NILAI PRESTASI KERJA and sometimes falls in another band; Latsar CPNS / Diklat Prajabatan rows carry JENIS
DIKLAT ID 1 "Diklat Struktural" without a LATIHAN STRUKTURAL (they never count); a PPPK's NIP has "21"
where a PNS's has the month of appointment; 30% of the names are in capitals; a few trainings and
punishments lie outside every window, one leadership training ends after the reference date.

Nothing else is wrong: every NIP of a riwayat row is an employee's, every date is a real day.

The truth is kept in plain frames (``SiasnDemo.pegawai``, ``.pelatihan``, ``.kinerja``, ``.hukdis``):
canonical values per employee and every training, assessment and punishment with its real date, so
that tests can say what a correct reader must find. A few employees are planted (column ``skenario``)
for spot checks. Everything is drawn from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.demo import (
    _BACHELOR_DEFAULT,
    _BACHELOR_TITLE,
    _DIPLOMA_TITLE,
    _EDU_P,
    _FEMALE,
    _FEMALE_LAST,
    _FUNGSIONAL_BY_KIND,
    _FUNGSIONAL_UMUM,
    _MALE,
    _MALE_LAST,
    _MASTER_DEFAULT,
    _MASTER_TITLE,
    _PELAKSANA,
    _SEMINAR_TOPICS,
    _TECHNICAL_TOPICS,
    _nips,
    _unit_sizes,
    check_size,
)
from ipasn.files import normalise_zip

__all__ = ["COLUMNS", "FILE_NAMES", "HEADER_ROW", "LAYOUTS", "ExcelError", "SiasnDemo", "make_siasn",
           "write_siasn"]

# --- the tables as SIASN writes them --------------------------------------------------------------

FILE_NAMES = {
    "utama": "Data Utama PNS",
    "diklat": "Riwayat Diklat",
    "kursus": "Riwayat Kursus",
    "skp": "Riwayat SKP",
    "hukdis": "Riwayat Hukuman Disiplin",
}
TITLES = {"utama": "DATA UTAMA PNS", "diklat": "RIWAYAT DIKLAT", "kursus": "RIWAYAT KURSUS",
          "skp": "RIWAYAT SKP", "hukdis": "RIWAYAT HUKUMAN DISIPLIN"}
HEADER_ROW = 5  # title, instansi, download line, an empty row, then the header
COLUMNS = {
    "utama": ("PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TANGGAL LAHIR",
              "JENIS KELAMIN", "STATUS CPNS PNS", "KEDUDUKAN HUKUM NAMA", "GOL AKHIR NAMA", "JENIS JABATAN ID",
              "JENIS JABATAN NAMA", "JABATAN NAMA", "ESELON ID", "ESELON NAMA", "TINGKAT PENDIDIKAN ID",
              "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN NAMA", "UNOR ID", "UNOR NAMA", "UNOR INDUK ID",
              "UNOR INDUK NAMA", "INSTANSI INDUK NAMA", "LOKASI KERJA NAMA"),
    "diklat": ("NIP BARU", "NAMA", "JENIS DIKLAT ID", "JENIS DIKLAT NAMA", "NAMA DIKLAT", "LATIHAN STRUKTURAL ID",
               "LATIHAN STRUKTURAL NAMA", "INSTITUSI PENYELENGGARA", "NOMOR SERTIFIKAT", "TANGGAL MULAI",
               "TANGGAL SELESAI", "TAHUN", "JUMLAH JAM"),
    "kursus": ("NIP BARU", "NAMA", "JENIS KURSUS NAMA", "NAMA KURSUS", "INSTITUSI PENYELENGGARA", "TANGGAL KURSUS",
               "TANGGAL SELESAI KURSUS", "TAHUN KURSUS", "JUMLAH JAM"),
    "skp": ("NIP BARU", "NAMA", "TAHUN", "NILAI SKP", "NILAI PERILAKU KERJA", "NILAI PRESTASI KERJA",
            "PREDIKAT KINERJA"),
    "hukdis": ("NIP BARU", "NAMA", "JENIS HUKUMAN ID", "JENIS HUKUMAN NAMA", "JENIS TINGKAT HUKUMAN ID",
               "NOMOR SK", "TANGGAL SK", "HUKUMAN TANGGAL", "AKHIR HUKUMAN TANGGAL", "MASA TAHUN", "MASA BULAN"),
}
DATE_COLUMNS = frozenset({"TANGGAL LAHIR", "TANGGAL MULAI", "TANGGAL SELESAI", "TANGGAL KURSUS",
                          "TANGGAL SELESAI KURSUS", "TANGGAL SK", "HUKUMAN TANGGAL", "AKHIR HUKUMAN TANGGAL"})
LAYOUTS = ("folder", "workbook")
FOLDER_SHEET = "Sheet1"
DATE_FORMAT = "dd-mm-yyyy"


class ExcelError(str):
    """The value of an Excel error cell (written with t="e"), as opposed to text that reads the same."""


NA = ExcelError("#N/A")

# Shares of the injected mess (see the module docstring); each is an exact count, at least one.
TEXT_DATE_SHARE = 0.25
BARE_YEAR_SHARE = {"diklat": 0.05, "hukdis": 0.15}
ERROR_SHARE = 0.02
ERROR_COLUMNS = {
    # In this order: even a small instansi (3 error rows) gets one beside an id that must be used instead.
    "utama": ("TINGKAT PENDIDIKAN NAMA", "GOL AKHIR NAMA", "LOKASI KERJA NAMA", "PENDIDIKAN NAMA"),
    "diklat": ("NOMOR SERTIFIKAT", "INSTITUSI PENYELENGGARA"),
    "kursus": ("JUMLAH JAM", "INSTITUSI PENYELENGGARA"),
    "skp": ("NILAI PERILAKU KERJA",),
    "hukdis": ("NOMOR SK",),
}
LONG_STATUS_SHARE = 0.15
JA_SHARE = {"structural": 0.15, "pelaksana": 0.10}
PELAKSANA_NAME_SHARE = 0.20
NO_LEADERSHIP_ID_SHARE = 0.15
NO_LEVEL_SHARE = 0.10
NO_PUNISHMENT_ROWS = 2

# --- units ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Skpd:
    name: str
    weight: float
    kind: str  # key into ipasn.demo's functional positions per kind of unit
    head: str
    divisions: tuple[tuple[str, str], ...]  # (bidang, one seksi / sub bidang under it)
    upt: str
    lokasi: str = "Kota Banjarbaru"
    workplaces: tuple[str, ...] = ()  # where most functional staff work (schools, ...)


_SKPD = (
    _Skpd("Dinas Kesehatan", 60, "kesehatan", "Kepala Dinas Kesehatan",
          (("Bidang Pelayanan Kesehatan", "Seksi Pelayanan Kesehatan Primer"),
           ("Bidang Pencegahan dan Pengendalian Penyakit", "Seksi Surveilans dan Imunisasi"),
           ("Bidang Sumber Daya Kesehatan", "Seksi Kefarmasian dan Alat Kesehatan")),
          "UPT Laboratorium Kesehatan Daerah"),
    _Skpd("Dinas Pendidikan dan Kebudayaan", 75, "pendidikan", "Kepala Dinas Pendidikan dan Kebudayaan",
          (("Bidang Pembinaan SMA", "Seksi Kurikulum dan Penilaian SMA"),
           ("Bidang Pembinaan SMK", "Seksi Peserta Didik dan Pembangunan Karakter SMK"),
           ("Bidang Ketenagaan", "Seksi Pendidik dan Tenaga Kependidikan")),
          "UPT Balai Teknologi Informasi dan Komunikasi Pendidikan",
          workplaces=("SMA Negeri 1 Banjarbaru", "SMK Negeri 2 Banjarmasin")),
    _Skpd("Badan Kepegawaian Daerah", 40, "kepegawaian", "Kepala Badan Kepegawaian Daerah",
          (("Bidang Mutasi dan Promosi", "Sub Bidang Mutasi Jabatan"),
           ("Bidang Pengembangan Kompetensi Aparatur", "Sub Bidang Diklat Struktural dan Fungsional"),
           ("Bidang Informasi Kepegawaian", "Sub Bidang Data dan Sistem Informasi")),
          "UPT Penilaian Kompetensi Pegawai"),
    _Skpd("Dinas Pekerjaan Umum dan Penataan Ruang", 50, "pupr", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
          (("Bidang Bina Marga", "Seksi Pembangunan Jalan dan Jembatan"),
           ("Bidang Sumber Daya Air", "Seksi Irigasi dan Rawa"),
           ("Bidang Penataan Ruang", "Seksi Pengendalian Pemanfaatan Ruang")),
          "UPT Laboratorium Bahan Konstruksi"),
    _Skpd("Badan Pendapatan Daerah", 45, "keuangan", "Kepala Badan Pendapatan Daerah",
          (("Bidang Pajak Daerah", "Sub Bidang Pajak Kendaraan Bermotor"),
           ("Bidang Retribusi dan Pendapatan Lain", "Sub Bidang Retribusi Daerah"),
           ("Bidang Perencanaan dan Pengendalian Operasional", "Sub Bidang Data dan Informasi")),
          "UPT Pengelolaan Pendapatan Daerah Banjarmasin", lokasi="Kota Banjarmasin"),
    _Skpd("Dinas Sosial", 30, "sosial", "Kepala Dinas Sosial",
          (("Bidang Rehabilitasi Sosial", "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia"),
           ("Bidang Perlindungan dan Jaminan Sosial", "Seksi Perlindungan Sosial Korban Bencana")),
          "UPT Panti Sosial Tresna Werdha Budi Sejahtera", lokasi="Kota Banjarmasin"),
)
_SUBBAG = ("Sub Bagian Umum dan Kepegawaian", "Sub Bagian Keuangan")
STRUCTURAL_SHARE = 0.2  # of an SKPD's employees, up to every structural post it has


def _skpd_table(units: int) -> list[_Skpd]:
    table = list(_SKPD[:units])
    for i in range(len(table), units):
        name = f"Unit Kerja {i + 1}"
        table.append(_Skpd(name, 40, "umum", f"Kepala {name}",
                           (("Bidang Program dan Pelaporan", "Seksi Evaluasi dan Pelaporan"),
                            ("Bidang Pelayanan", "Seksi Pelayanan Umum")), f"UPT {name}"))
    return table


def _posts(skpd: _Skpd) -> list[tuple[str, str, str, str]]:
    """The SKPD's structural posts, most senior first: (jabatan, sub-unit, position type, eselon id)."""
    bidang = [(f"Kepala {b}", b, "Administrator", "32") for b, _ in skpd.divisions]
    seksi = [(f"Kepala {s}", s, "Pengawas", "42") for _, s in skpd.divisions]
    subbag = [(f"Kepala {s}", s, "Pengawas", "41") for s in _SUBBAG]
    posts = [(skpd.head, skpd.name, "JPT", "21"), ("Sekretaris", "Sekretariat", "Administrator", "31"),
             bidang[0], subbag[0], *bidang[1:2], seksi[0], (f"Kepala {skpd.upt}", skpd.upt, "Pengawas", "41"),
             subbag[1], *seksi[1:2]]
    for b, s in zip(bidang[2:], seksi[2:]):
        posts += [b, s]
    return posts


# --- positions, education, ranks ------------------------------------------------------------------

ESELON_NAMA = {"21": "II.a", "22": "II.b", "31": "III.a", "32": "III.b", "41": "IV.a", "42": "IV.b"}
_TYPE_ID = {"JPT": "1", "Administrator": "1", "Pengawas": "1", "Fungsional": "2", "Pelaksana": "4"}
_TYPE_NAME = {"1": "Struktural", "2": "Fungsional Tertentu", "4": "Fungsional Umum"}
_SKILL = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Terampil", "Mahir", "Penyelia")
_SKILL_P = (0.32, 0.3, 0.1, 0.14, 0.09, 0.05)

# Education levels in the order of ipasn.demo's table: (SIASN id, TINGKAT PENDIDIKAN NAMA) choices.
_LEVELS = (
    (("50", "S-3"),), (("45", "S-2"),), (("40", "S-1"),), (("35", "D-IV"),), (("30", "D-III"),),
    (("25", "D-II"), ("20", "D-I")), (("15", "SLTA"), ("17", "SLTA Kejuruan")), (("10", "SLTP"),), (("05", "SD"),),
)
_MAJORS = {
    "50": ("Ilmu Administrasi Publik", "Ilmu Kesehatan Masyarakat", "Ilmu Manajemen", "Ilmu Pendidikan"),
    "45": ("Magister Manajemen", "Ilmu Administrasi", "Kesehatan Masyarakat", "Teknik Sipil", "Pendidikan",
           "Ilmu Hukum"),
    "40": ("Ekonomi Manajemen", "Ekonomi Akuntansi", "Ilmu Hukum", "Ilmu Administrasi Negara", "Teknik Sipil",
           "Kesehatan Masyarakat", "Keperawatan", "Pendidikan Matematika", "Pendidikan Bahasa Indonesia",
           "Ilmu Komputer", "Ilmu Pemerintahan", "Pekerjaan Sosial"),
    "35": ("Keperawatan", "Kebidanan", "Teknik Informatika", "Akuntansi Sektor Publik"),
    "30": ("Keperawatan", "Kebidanan", "Akuntansi", "Manajemen Informatika", "Analis Kesehatan", "Teknik Sipil"),
    "25": ("Pendidikan Guru Sekolah Dasar", "Komputer"),
    "20": ("Komputer", "Perpajakan"),
}
_SCHOOL_MAJORS = {"15": ("SMA IPA", "SMA IPS", "SMU IPS", "Madrasah Aliyah"),
                  "17": ("SMK Akuntansi", "SMEA", "STM Bangunan", "SMK Teknik Komputer dan Jaringan"),
                  "10": ("SMP", "SLTP Negeri"), "05": ("SD", "Sekolah Dasar")}
_GOLONGAN = ("I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
             "IV/a", "IV/b", "IV/c", "IV/d", "IV/e")
# First rank by education level (index into _GOLONGAN) and the highest rank it normally reaches.
_GOL_START = {"50": 9, "45": 9, "40": 8, "35": 8, "30": 6, "25": 5, "20": 4, "15": 4, "17": 4, "10": 1, "05": 0}
_GOL_CAP = {"50": 16, "45": 15, "40": 13, "35": 13, "30": 11, "25": 10, "20": 10, "15": 10, "17": 10,
            "10": 7, "05": 7}
_GOL_MIN = {"JPT": 14, "Administrator": 12, "Pengawas": 10}
_PPPK_GOL = {"45": "X", "40": "IX", "35": "IX", "30": "VII", "15": "V", "17": "V"}

# --- trainings ------------------------------------------------------------------------------------

# SIASN LATIHAN STRUKTURAL ID -> (its name, the eselon level it belongs to).
LATIHAN_STRUKTURAL = {"1": ("SEPADA", 5), "2": ("PIM IV/ADUM/SEPALA", 4), "3": ("PIM III/SPAMA/SEPADYA", 3),
                      "4": ("PIM II/SPAMEN/SESPA", 2), "5": ("PIM I/SEPATI", 1)}
_LS_ID = {level: ls_id for ls_id, (_, level) in LATIHAN_STRUKTURAL.items()}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
_ANGKATAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
_LEADERSHIP_JP = {1: 400, 2: 360, 3: 300, 4: 285, 5: 180}
_LEADERSHIP_DAYS = {1: 120, 2: 110, 3: 95, 4: 85, 5: 40}
_LAN_NAMES = {1: "Pelatihan Kepemimpinan Nasional Tingkat I", 2: "Pelatihan Kepemimpinan Nasional Tingkat II",
              3: "Pelatihan Kepemimpinan Administrator", 4: "Pelatihan Kepemimpinan Pengawas"}
_LAN_SHORT = {1: "PKN Tingkat I", 2: "PKN Tingkat II", 3: "PKA", 4: "PKP"}
_OLD_NAMES = {1: "SEPATI", 2: "SPAMEN", 3: "SPAMA", 4: "ADUM", 5: "SEPADA"}
_LEADERSHIP_HOST = {1: ("Lembaga Administrasi Negara",), 2: ("Lembaga Administrasi Negara",
                                                             "PPSDM Kemendagri Regional Bukittinggi"),
                    3: ("BPSDMD Provinsi Demo", "PPSDM Kemendagri Regional Makassar"),
                    4: ("BPSDMD Provinsi Demo",), 5: ("Badan Diklat Provinsi Demo",)}
_FUNCTIONAL_TOPIC = {"pendidikan": "Guru", "kesehatan": "Tenaga Kesehatan", "kepegawaian": "Analis SDM Aparatur",
                     "pupr": "Teknik Jalan dan Jembatan", "keuangan": "Analis Keuangan", "sosial": "Pekerja Sosial",
                     "umum": "Analis Kebijakan"}
_HOSTS = ("BPSDMD Provinsi Demo", "Badan Kepegawaian Negara", "Lembaga Administrasi Negara",
          "Kementerian Dalam Negeri", "LKPP", "Kementerian Keuangan", "Kementerian Kesehatan",
          "Universitas Lambung Mangkurat")
_KURSUS_KINDS = ("Seminar", "Workshop", "Kursus", "Webinar", "Sosialisasi")
_KURSUS_KIND_P = (0.25, 0.2, 0.1, 0.35, 0.1)
_TECHNICAL_JP = (16, 20, 24, 30, 32, 40, 45, 60)
_BIMTEK_JP = (8, 12, 16, 20, 24, 32)

# --- assessments and punishments ------------------------------------------------------------------

PREDICATE_ONLY_FROM = 2022  # PermenPANRB 6/2022: the SKP of 2022 on is a predicate only
_PREDICATES = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
_PREDICATE_P = (0.2, 0.72, 0.05, 0.02, 0.01)
PP94_FROM = dt.date(2021, 8, 31)  # PP 94/2021 in force
# (JENIS HUKUMAN NAMA, level R/S/B, MASA TAHUN, MASA BULAN, regime); the id is the position + 1.
HUKUMAN = (
    ("Teguran Lisan", "R", 0, 0, "both"),
    ("Teguran Tertulis", "R", 0, 0, "both"),
    ("Pernyataan Tidak Puas Secara Tertulis", "R", 0, 0, "both"),
    ("Penundaan Kenaikan Gaji Berkala Selama 1 Tahun", "S", 1, 0, "pp53"),
    ("Penundaan Kenaikan Pangkat Selama 1 Tahun", "S", 1, 0, "pp53"),
    ("Penurunan Pangkat Setingkat Lebih Rendah Selama 1 Tahun", "S", 1, 0, "pp53"),
    ("Penurunan Pangkat Setingkat Lebih Rendah Selama 3 Tahun", "B", 3, 0, "pp53"),
    ("Pemindahan Dalam Rangka Penurunan Jabatan Setingkat Lebih Rendah", "B", 0, 0, "pp53"),
    ("Pembebasan Dari Jabatan", "B", 0, 0, "pp53"),
    ("Pemberhentian Dengan Hormat Tidak Atas Permintaan Sendiri Sebagai PNS", "B", 0, 0, "dismissal"),
    ("Pemberhentian Tidak Dengan Hormat Sebagai PNS", "B", 0, 0, "dismissal"),
    ("Pemotongan Tunjangan Kinerja Sebesar 25% Selama 6 Bulan", "S", 0, 6, "pp94"),
    ("Pemotongan Tunjangan Kinerja Sebesar 25% Selama 9 Bulan", "S", 0, 9, "pp94"),
    ("Pemotongan Tunjangan Kinerja Sebesar 25% Selama 12 Bulan", "S", 1, 0, "pp94"),
    ("Penurunan Jabatan Setingkat Lebih Rendah Selama 12 Bulan", "B", 1, 0, "pp94"),
    ("Pembebasan Dari Jabatan Menjadi Jabatan Pelaksana Selama 12 Bulan", "B", 1, 0, "pp94"),
)
LEVEL_NAMES = {"R": "ringan", "S": "sedang", "B": "berat"}
_LEVEL_P = (0.55, 0.3, 0.15)
PUNISHED_SHARE = 0.05


# --- small helpers --------------------------------------------------------------------------------


def _choose(rng: np.random.Generator, pool, share: float, minimum: int = 1) -> list:
    """An exact share of `pool` (at least `minimum`, at most all), drawn without replacement, in pool order."""
    pool = list(pool)
    k = min(len(pool), max(minimum, int(round(share * len(pool)))))
    picked = set(rng.permutation(len(pool))[:k].tolist())
    return [p for i, p in enumerate(pool) if i in picked]


def _one(rng: np.random.Generator, options, p=None):
    options = list(options)
    if p is not None:
        p = np.asarray(p, dtype=float) / np.sum(p)
    return options[int(rng.choice(len(options), p=p))]


def _day(rng: np.random.Generator, first: dt.date, last: dt.date) -> dt.date:
    span = max(0, (last - first).days)
    return first + dt.timedelta(days=int(rng.integers(0, span + 1)))


def _year_days(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _guid(rng: np.random.Generator) -> str:
    """A SIASN id: 32 uppercase hex digits."""
    return rng.bytes(16).hex().upper()


# --- the result -----------------------------------------------------------------------------------


@dataclass
class SiasnDemo:
    """The tables as they are written, and the truth behind them.

    `tables` holds, per table key (`FILE_NAMES`), the cells below the header exactly as written: text,
    numbers, `datetime.date` (a date cell), `ExcelError` or None; row i is Excel row HEADER_ROW + 1 + i.

    The truth frames (canonical values, real dates):
    - `pegawai`: nip, nama, unit_kerja (the SKPD), sub_unit, status (PNS/CPNS/PPPK), kedudukan, diukur,
      jenis_jabatan (JPT/Administrator/Pengawas/Fungsional/Pelaksana), eselon (level 2-4 or <NA>),
      pendidikan (SIASN tingkat pendidikan id), nip_angka (stored as a number), skenario, baris;
    - `pelatihan`: nip, tabel (diklat/kursus), baris, kategori (kepemimpinan/fungsional/teknis/seminar/
      latsar), tingkat (leadership level 1-5 or <NA>), nama, tanggal_selesai, hanya_tahun, jp;
    - `kinerja`: nip, tahun, nilai (NILAI PRESTASI KERJA or NaN), nilai_skp, predikat, baris;
    - `hukdis`: nip, tingkat (ringan/sedang/berat, None for "Tidak Ada"), jenis_hukuman, tanggal (the TMT,
      HUKUMAN TANGGAL), hanya_tahun, baris;
    - `mess`: every injected error cell, bare year and numeric NIP: tabel, baris, kolom, jenis.
    """

    instansi: str
    tahun: int
    downloaded: dt.date
    tables: dict[str, pd.DataFrame]
    pegawai: pd.DataFrame
    pelatihan: pd.DataFrame
    kinerja: pd.DataFrame
    hukdis: pd.DataFrame
    mess: pd.DataFrame

    def planted(self, skenario: str) -> pd.Series:
        """The truth row of the employee planted for a scenario."""
        rows = self.pegawai[self.pegawai["skenario"] == skenario]
        if len(rows) != 1:
            raise KeyError(f"no planted employee for {skenario!r}")
        return rows.iloc[0]

    def files(self) -> dict[str, bytes]:
        """The folder layout: file name -> bytes of that download (one sheet, "Sheet1")."""
        return {f"{FILE_NAMES[key]}.xlsx": _workbook_bytes(self, {FOLDER_SHEET: key}) for key in FILE_NAMES}

    def workbook(self) -> bytes:
        """The one-workbook layout: one sheet per table, named like the files."""
        return _workbook_bytes(self, {FILE_NAMES[key]: key for key in FILE_NAMES})

    def write(self, path: str | Path, layout: str | None = None) -> Path:
        """Write to `path`: a folder of downloads, or one workbook (default: by the path's suffix)."""
        path = Path(path)
        layout = layout or ("workbook" if path.suffix.lower() == ".xlsx" else "folder")
        if layout not in LAYOUTS:
            raise ValueError(f"layout harus salah satu dari {', '.join(LAYOUTS)}")
        if layout == "workbook":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.workbook())
            return path
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.files().items():
            (path / name).write_bytes(data)
        return path


def write_siasn(path: str | Path, layout: str | None = None, **kwargs) -> Path:
    """`make_siasn(**kwargs).write(path, layout)`."""
    return make_siasn(**kwargs).write(path, layout)


# --- writing --------------------------------------------------------------------------------------


def _workbook_bytes(demo: SiasnDemo, sheets: dict[str, str]) -> bytes:
    """One workbook (sheet title -> table key), deterministic: fixed properties, normalised zip."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    book.remove(book.active)
    stamp = dt.datetime.combine(demo.downloaded, dt.time(8, 0))
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "ipasn.siasn_demo"
    book.properties.title = "Data SIASN sintetis"
    bold = Font(bold=True)
    titles = (None, demo.instansi.upper(), f"Diunduh dari SIASN {demo.downloaded:%d-%m-%Y}")
    for title, key in sheets.items():
        sheet = book.create_sheet(title)
        frame = demo.tables[key]
        sheet.cell(1, 1, TITLES[key]).font = bold
        for row, text in enumerate(titles[1:], start=2):
            sheet.cell(row, 1, text)
        for position, column in enumerate(frame.columns, start=1):
            cell = sheet.cell(HEADER_ROW, position, column)
            cell.font = bold
            sheet.column_dimensions[get_column_letter(position)].width = max(12, min(40, len(column) + 4))
        for offset, values in enumerate(frame.itertuples(index=False, name=None)):
            excel_row = HEADER_ROW + 1 + offset
            for position, (column, value) in enumerate(zip(frame.columns, values), start=1):
                if value is None or (isinstance(value, float) and np.isnan(value)):
                    continue
                cell = sheet.cell(excel_row, position)
                if isinstance(value, ExcelError):
                    cell.value, cell.data_type = str(value), "e"
                elif isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                    cell.data_type = "s"  # after: openpyxl would take "=..." for a formula
                    if column in ("NIP BARU", "NIP LAMA"):
                        cell.number_format = "@"
                elif isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = DATE_FORMAT
                else:
                    cell.value = value.item() if isinstance(value, np.generic) else value
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not save_workbook(): that stamps `modified` with the clock
    return normalise_zip(buffer.getvalue())


# --- the generator --------------------------------------------------------------------------------


def make_siasn(units: int = 3, employees: int = 150, seed: int = 2022, tahun: int = 2022,
               dirty: bool = False) -> SiasnDemo:
    """A synthetic instansi as five SIASN downloads, with the truth behind them.

    `units` SKPD (each with its sub-units: sekretariat, bidang, seksi, an UPT), `employees` split over
    them by weight; histories reach back from `tahun`, the measurement year (SKP up to `tahun`, the
    download dated 5 January of `tahun` + 1). `dirty` adds one NIP stored as a number.
    """
    units, employees, tahun = int(units), int(employees), int(tahun)
    check_size(units, employees)
    rng = np.random.default_rng(seed)
    people = _people(rng, units, employees, tahun)
    plants = _plant(rng, people, tahun)
    trainings = _trainings(rng, people, plants, tahun)
    assessments = _assessments(rng, people, plants, tahun)
    punishments = _punishments(rng, people, plants, tahun)
    builder = _Tables(rng, people, tahun)
    tables = {
        "utama": builder.utama(dirty),
        "diklat": builder.diklat(trainings),
        "kursus": builder.kursus(trainings),
        "skp": builder.skp(assessments),
        "hukdis": builder.hukdis(punishments),
    }
    builder.errors(tables)
    return SiasnDemo(
        instansi="Pemerintah Provinsi Demo", tahun=tahun, downloaded=dt.date(tahun + 1, 1, 5), tables=tables,
        pegawai=builder.truth_pegawai(), pelatihan=builder.truth_trainings(trainings),
        kinerja=builder.truth_assessments(assessments), hukdis=builder.truth_punishments(punishments),
        mess=pd.DataFrame(builder.mess, columns=["tabel", "baris", "kolom", "jenis"]),
    )


def _people(rng: np.random.Generator, units: int, employees: int, tahun: int) -> list[dict]:
    """One dict per employee, in export order (by SKPD, seniority first), with the true attributes."""
    table = _skpd_table(units)
    sizes = _unit_sizes([(s.name, s.weight, s.kind) for s in table], employees)
    people: list[dict] = []
    for skpd, size in zip(table, sizes.tolist()):
        posts = _posts(skpd)[:min(len(_posts(skpd)), max(1, int(round(size * STRUCTURAL_SHARE))))]
        staff = size - len(posts)
        places = [*(s for s in _SUBBAG), *(b for b, _ in skpd.divisions), *(s for _, s in skpd.divisions),
                  skpd.upt, *skpd.workplaces]
        place_w = np.array([1.0] * (len(places) - 1 - len(skpd.workplaces)) + [3.0] * (1 + len(skpd.workplaces)))
        members = [{"skpd": skpd, "post": post, "status": "PNS"} for post in posts]
        for _ in range(staff):
            members.append({"skpd": skpd, "post": None, "status": "PNS",
                            "sub_unit": places[int(rng.choice(len(places), p=place_w / place_w.sum()))]})
        people += members
    staff = [p for p in people if p["post"] is None]
    for p in _choose(rng, staff, 0.06):
        p["status"] = "CPNS"
    for p in _choose(rng, [p for p in staff if p["status"] == "PNS"], 0.08):
        p["status"] = "PPPK"
    for p in people:
        p["kedudukan"] = "PPPK Aktif" if p["status"] == "PPPK" else "Aktif"
    pns_staff = [p for p in staff if p["status"] == "PNS"]
    for kedudukan, share in (("CLTN", 0.015), ("Tugas Belajar", 0.02), ("PNS DPK", 0.015),
                             ("Pemberhentian Sementara", 0.01)):
        free = [p for p in pns_staff if p["kedudukan"] == "Aktif"]
        for p in _choose(rng, free, share):
            p["kedudukan"] = kedudukan

    status = np.array([p["status"] for p in people], dtype=object)
    nips, tmt = _nips(rng, status, tahun)
    nips = nips.astype(str).tolist()
    for i, p in enumerate(people):
        if p["status"] == "PPPK":  # NI PPPK: "21" where a PNS's NIP has the month of TMT
            nips[i] = nips[i][:12] + "21" + nips[i][14:]
        p["nip"], p["tmt"] = nips[i], int(tmt[i])
    # Within an SKPD the structural posts go to its longest-serving PNS, the most senior post first.
    for skpd in table:
        members = [p for p in people if p["skpd"] is skpd and p["status"] == "PNS"]
        ranked = sorted(members, key=lambda p: (p["tmt"], p["nip"]))
        holders = [p for p in members if p["post"] is not None]
        others = [p for p in members if p["post"] is None]
        pairs = [(p["nip"], p["tmt"]) for p in ranked]
        for p, (nip, year) in zip(holders + others, pairs):
            p["nip"], p["tmt"] = nip, year
    taken: set[str] = set()
    for p in people:
        while p["nip"] in taken:  # a PPPK number may meet a PNS's: take the next serial
            p["nip"] = p["nip"][:15] + f"{(int(p['nip'][15:]) + 1) % 1000:03d}"
        taken.add(p["nip"])
    for p in people:
        _position(rng, p)
        _education(rng, p)
        _identity(rng, p, tahun)
    return people


def _position(rng: np.random.Generator, p: dict) -> None:
    if p["post"] is not None:
        p["jabatan"], p["sub_unit"], p["jenis_jabatan"], p["eselon_id"] = p["post"]
        return
    p["eselon_id"] = None
    share_fungsional = {"PNS": 0.5, "CPNS": 0.5, "PPPK": 0.85}[p["status"]]
    if p["sub_unit"] in p["skpd"].workplaces or p["sub_unit"] == p["skpd"].upt:
        share_fungsional = max(share_fungsional, 0.8)
    if rng.random() < share_fungsional:
        p["jenis_jabatan"] = "Fungsional"
        base = _one(rng, _FUNGSIONAL_BY_KIND.get(p["skpd"].kind, _FUNGSIONAL_UMUM))
        skill = "Ahli Pertama" if p["status"] != "PNS" else _one(rng, _SKILL, _SKILL_P)
        if base in ("Dokter", "Dokter Spesialis", "Apoteker", "Guru", "Auditor", "Widyaiswara"):
            skill = skill if skill.startswith("Ahli") else "Ahli Pertama"
        p["jabatan"] = f"{base} {skill}"
    else:
        p["jenis_jabatan"] = "Pelaksana"
        p["jabatan"] = _one(rng, _PELAKSANA)


def _education(rng: np.random.Generator, p: dict) -> None:
    kind = p["jenis_jabatan"]
    if kind == "Fungsional" and " Ahli " in f" {p['jabatan']} ":
        level = _one(rng, (1, 2, 3), (0.12, 0.8, 0.08))
    elif kind == "Fungsional":
        level = _one(rng, (4, 6), (0.85, 0.15))
    else:
        level = int(rng.choice(9, p=_EDU_P[("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana")
                                            .index(kind)]))
    if str(p["jabatan"]).startswith("Dokter"):
        level = 1 if "Spesialis" in p["jabatan"] else 2
    code, name = _one(rng, _LEVELS[level])
    p["pendidikan"], p["pendidikan_nama"] = code, name
    if code in _MAJORS:
        p["pendidikan_jurusan"] = f"{name} {_one(rng, _MAJORS[code])}"
    else:
        p["pendidikan_jurusan"] = _one(rng, _SCHOOL_MAJORS[code])


def _identity(rng: np.random.Generator, p: dict, tahun: int) -> None:
    """Name, titles, birth date, rank and ids."""
    nip = p["nip"]
    female = nip[14] == "2"
    first = _one(rng, _FEMALE if female else _MALE)
    last = _one(rng, _FEMALE_LAST if female else _MALE_LAST)
    middle = _one(rng, _FEMALE if female else _MALE)
    shape = rng.random()
    p["nama"] = first if shape < 0.12 else f"{first} {last}" if shape < 0.8 else f"{first} {middle} {last}"
    p["nama"] = p["nama"].upper() if rng.random() < 0.3 else p["nama"]
    p["born"] = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    front, back = [], []
    code, kind = p["pendidikan"], p["skpd"].kind
    if str(p["jabatan"]).startswith("Dokter"):
        front.append("dr.")
        if code == "45":
            back.append(_one(rng, ("Sp.PD.", "Sp.A.", "Sp.OG.")))
    elif code in ("50", "45", "40"):
        bachelor = _one(rng, _BACHELOR_TITLE.get(kind, _BACHELOR_DEFAULT))
        if code == "40":
            back.append(bachelor)
        else:
            master = _one(rng, _MASTER_TITLE.get(kind, _MASTER_DEFAULT))
            back += [bachelor, master] if rng.random() < 0.6 else [master]
            if code == "50":
                front.insert(0, "Dr.")
    elif code == "35":
        back.append("S.Tr.Kes." if kind == "kesehatan" else "S.ST.")
    elif code == "30":
        back.append(_one(rng, _DIPLOMA_TITLE.get(kind, ("A.Md.",))))
    if p["born"].year < 1980 and rng.random() < 0.1:
        front.append("Hj." if female else "H.")
    p["gelar_depan"], p["gelar_belakang"] = " ".join(front), ", ".join(back)
    start = _GOL_START[code]
    if p["status"] == "PPPK":
        p["golongan"] = _PPPK_GOL.get(code, "IX")
    elif p["status"] == "CPNS":
        p["golongan"] = _GOLONGAN[start]
    else:
        rank = max(start + (tahun - p["tmt"]) // 4, _GOL_MIN.get(p["jenis_jabatan"], 0))
        p["golongan"] = _GOLONGAN[min(rank, max(_GOL_CAP[code], _GOL_MIN.get(p["jenis_jabatan"], 0)))]
    p["pns_id"] = _guid(rng)
    p["nip_lama"] = f"{int(rng.integers(10000000, 99999999)):09d}" if p["tmt"] < 1999 else None
    p["skenario"] = ""


# --- planted employees ----------------------------------------------------------------------------


def _plant(rng: np.random.Generator, people: list[dict], tahun: int) -> dict[str, dict]:
    """Employees with a known history for spot checks; each scenario is skipped if nobody fits."""
    plants: dict[str, dict] = {}

    def take(name: str, fits) -> None:
        for p in people:
            if not p["skenario"] and fits(p):
                p["skenario"] = name
                plants[name] = p
                return

    aktif = lambda p: p["status"] == "PNS" and p["kedudukan"] == "Aktif"  # noqa: E731
    take("administrator_pka", lambda p: aktif(p) and p["jenis_jabatan"] == "Administrator")
    take("pengawas_pkp", lambda p: aktif(p) and p["jenis_jabatan"] == "Pengawas")
    take("jpt_pkn_ii", lambda p: aktif(p) and p["jenis_jabatan"] == "JPT")
    take("pengawas_pkp_setelah_acuan", lambda p: aktif(p) and p["jenis_jabatan"] == "Pengawas")
    take("administrator_pkp_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Administrator")
    take("hukdis_berat_tahun_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Pelaksana")
    take("hukdis_nama_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Pelaksana")
    take("hukdis_tidak_ada", lambda p: aktif(p) and p["jenis_jabatan"] == "Fungsional")
    take("skp_beda_pita", lambda p: aktif(p) and p["tmt"] <= tahun - 3)
    take("cltn", lambda p: p["kedudukan"] == "CLTN")
    take("tugas_belajar", lambda p: p["kedudukan"] == "Tugas Belajar")
    take("pppk_status_kosong", lambda p: p["status"] == "PPPK")
    take("cpns", lambda p: p["status"] == "CPNS")
    return plants


# --- histories ------------------------------------------------------------------------------------


def _training(p: dict, tabel: str, kategori: str, nama: str, selesai: dt.date, days: int, jp, **extra) -> dict:
    row = {"p": p, "tabel": tabel, "kategori": kategori, "tingkat": None, "nama": nama, "selesai": selesai,
           "mulai": selesai - dt.timedelta(days=max(0, days - 1)), "jp": jp, "hanya_tahun": False,
           "jenis_id": None, "jenis_nama": None, "ls_id": None, "institusi": None, "sertifikat": None}
    row.update(extra)
    return row


def _leadership(rng: np.random.Generator, p: dict, level: int, selesai: dt.date, with_id: bool = True,
                lan_long: bool | None = None) -> dict:
    """A leadership training of `level` ending on `selesai`, named as it was called in its year."""
    year = selesai.year
    angkatan = _one(rng, _ANGKATAN)
    if level == 5 or year < 2000:
        name = f"{_OLD_NAMES[level]} Angkatan {angkatan}"
    elif year < 2019:
        name = f"Diklatpim Tingkat {_ROMAN[level]} Angkatan {angkatan}"
    else:
        long = rng.random() < 0.6 if lan_long is None else lan_long
        name = f"{_LAN_NAMES[level] if long else _LAN_SHORT[level]} Angkatan {angkatan}"
    sertifikat = f"{int(rng.integers(1, 999)):03d}/{_LAN_SHORT.get(level, 'DIKLAT').replace(' ', '')}/{year}"
    return _training(p, "diklat", "kepemimpinan", name, selesai, _LEADERSHIP_DAYS[level], _LEADERSHIP_JP[level],
                     tingkat=level, jenis_id="1", jenis_nama="Diklat Struktural",
                     ls_id=_LS_ID[level] if with_id else None, institusi=_one(rng, _LEADERSHIP_HOST[level]),
                     sertifikat=sertifikat)


def _trainings(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    window_first = dt.date(tahun - 3, 1, 1)
    end = dt.date(tahun, 12, 31)
    planted = {id(p) for p in plants.values()}
    for p in people:
        own = {"JPT": 2, "Administrator": 3, "Pengawas": 4}.get(p["jenis_jabatan"])
        # Leadership: most officials have the training of their level, many the one below it earlier.
        if own is not None and id(p) not in planted:
            u = rng.random()  # their own level, the level below, the level above (before a promotion), none
            level = own if u < 0.78 else own + 1 if u < 0.86 else own - 1 if u < 0.9 else None
            if level is not None and 2 <= level <= 4:
                first = min(tahun, max(p["tmt"] + 4, tahun - 14))
                done = _day(rng, dt.date(first, 1, 1), end)
                rows.append(_leadership(rng, p, level, done, with_id=rng.random() >= NO_LEADERSHIP_ID_SHARE))
                if level == own and own < 4 and rng.random() < 0.45:
                    earlier = max(dt.date(p["tmt"] + 2, 1, 1), done - dt.timedelta(days=int(rng.integers(900, 2600))))
                    rows.append(_leadership(rng, p, own + 1, min(earlier, done - dt.timedelta(days=200)),
                                            with_id=rng.random() >= NO_LEADERSHIP_ID_SHARE))
            if own == 4 and p["born"].year < 1972 and rng.random() < 0.3:
                rows.append(_leadership(rng, p, 5, _day(rng, *_year_days(max(1990, p["tmt"] + 3)))))
        # Functional: most functional officials, any time since appointment.
        if p["jenis_jabatan"] == "Fungsional" and rng.random() < 0.6:
            topic = _FUNCTIONAL_TOPIC.get(p["skpd"].kind, "Analis Kebijakan")
            prefix = _one(rng, ("Diklat Fungsional", "Pelatihan Fungsional", "Diklat Pembentukan Jabatan Fungsional"))
            rows.append(_training(p, "diklat", "fungsional", f"{prefix} {topic}",
                                  _day(rng, dt.date(min(tahun, p["tmt"]), 1, 1), end), 10, _one(rng, (40, 60, 80, 120)),
                                  jenis_id="2", jenis_nama="Diklat Fungsional", institusi=_one(rng, _HOSTS),
                                  sertifikat=f"DF.{int(rng.integers(1000, 9999))}"))
        # Latsar CPNS (since 2018) / Prajabatan (before) for the recently appointed.
        if p["status"] in ("PNS", "CPNS") and p["tmt"] >= tahun - 6 and rng.random() < 0.8:
            year = min(tahun, p["tmt"] + (0 if p["status"] == "CPNS" else 1))
            gol = "III" if p["pendidikan"] in ("50", "45", "40", "35") else "II"
            name = (f"Latsar CPNS Golongan {gol} Angkatan {_one(rng, _ANGKATAN)}" if year >= 2018
                    else f"Diklat Prajabatan Golongan {gol}")
            rows.append(_training(p, "diklat", "latsar", name, _day(rng, *_year_days(year)), 50, 300,
                                  jenis_id="1", jenis_nama="Diklat Struktural", institusi="BPSDMD Provinsi Demo",
                                  sertifikat=f"LATSAR.{int(rng.integers(1000, 9999))}"))
        if p["status"] == "PPPK":
            continue
        # Technical trainings (Riwayat Diklat) and Bimtek (Riwayat Kursus) in the last years.
        for _ in range(int(rng.choice(3, p=(0.5, 0.35, 0.15)))):
            topic = _one(rng, _TECHNICAL_TOPICS)
            jp = _one(rng, _TECHNICAL_JP)
            rows.append(_training(p, "diklat", "teknis", f"Pelatihan {topic}", _day(rng, window_first, end),
                                  max(1, jp // 8), jp, jenis_id="3", jenis_nama="Diklat Teknis",
                                  institusi=_one(rng, _HOSTS), sertifikat=f"DT.{int(rng.integers(1000, 9999))}"))
        for _ in range(int(rng.choice(3, p=(0.45, 0.4, 0.15)))):
            jp = _one(rng, _BIMTEK_JP)
            rows.append(_training(p, "kursus", "teknis", f"Bimtek {_one(rng, _TECHNICAL_TOPICS)}",
                                  _day(rng, window_first, end), max(1, jp // 8), jp, jenis_nama="Bimtek",
                                  institusi=_one(rng, _HOSTS)))
        for _ in range(int(rng.choice(5, p=(0.3, 0.3, 0.2, 0.12, 0.08)))):
            kind = _one(rng, _KURSUS_KINDS, _KURSUS_KIND_P)
            jp = _one(rng, (2, 3, 4, 8, None))
            rows.append(_training(p, "kursus", "seminar", f"{kind} {_one(rng, _SEMINAR_TOPICS)}",
                                  _day(rng, window_first, end), 1 if kind != "Kursus" else 5, jp, jenis_nama=kind,
                                  institusi=_one(rng, _HOSTS)))
    rows += _planted_trainings(rng, plants, tahun)
    _bare_years(rng, [r for r in rows if r["tabel"] == "diklat" and r["p"]["skenario"] == ""],
                BARE_YEAR_SHARE["diklat"], "selesai")
    order = {id(p): i for i, p in enumerate(people)}
    return sorted(rows, key=lambda r: (order[id(r["p"])], r["tabel"], r["selesai"], r["nama"]))


def _planted_trainings(rng: np.random.Generator, plants: dict[str, dict], tahun: int) -> list[dict]:
    rows = []
    if p := plants.get("administrator_pka"):  # "Pelatihan Kepemimpinan Administrator Angkatan XII" in the window
        row = _leadership(rng, p, 3, dt.date(tahun - 1, 10, 28), lan_long=True)
        row["nama"] = "Pelatihan Kepemimpinan Administrator Angkatan XII"
        rows.append(row)
    if p := plants.get("pengawas_pkp"):  # LATIHAN STRUKTURAL ID 2 is level IV
        rows.append(_leadership(rng, p, 4, dt.date(tahun - 2, 8, 14), lan_long=True))
    if p := plants.get("jpt_pkn_ii"):  # ID 4 is level II; the short name
        rows.append(_leadership(rng, p, 2, dt.date(tahun - 3, 11, 5), lan_long=False))
    if p := plants.get("pengawas_pkp_setelah_acuan"):  # ends after the reference date: no points yet
        rows.append(_leadership(rng, p, 4, dt.date(tahun + 1, 1, 3), lan_long=True))
    if p := plants.get("administrator_pkp_saja"):  # one level below the post: no points
        rows.append(_leadership(rng, p, 4, dt.date(tahun - 6, 5, 20), lan_long=True))
    return rows


def _bare_years(rng: np.random.Generator, rows: list[dict], share: float, column: str) -> None:
    for row in _choose(rng, [r for r in rows if r[column] is not None], share):
        row["hanya_tahun"] = True


def _nilai(rng: np.random.Generator) -> float:
    u = rng.random()
    value = rng.uniform(60.5, 75.5) if u < 0.07 else rng.uniform(45.0, 60.0) if u > 0.985 else rng.normal(85.5, 4.5)
    return round(float(np.clip(value, 40.0, 99.0)), 2)


def _prestasi(year: int, skp: float, perilaku: float) -> float:
    """NILAI PRESTASI KERJA: SKP 60% and behaviour 40% (PP 46/2011); 70/30 for 2021 (PermenPANRB 8/2021)."""
    share = 0.7 if year >= 2021 else 0.6
    return round(share * skp + (1 - share) * perilaku, 2)


def _band_word(value: float) -> str:
    return ("Sangat Baik" if value > 90 else "Baik" if value > 75 else "Cukup" if value > 60
            else "Kurang" if value > 50 else "Buruk")


def _assessments(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    assessed = [p for p in people if p["status"] in ("PNS", "PPPK")]
    missing = {id(p) for p in _choose(rng, [p for p in assessed if not p["skenario"]], 0.05)}
    for p in assessed:
        for year in range(max(p["tmt"] + 1, tahun - 3), tahun + 1):
            if (year == tahun - 1 and id(p) in missing) or (year == tahun and rng.random() < 0.3):
                continue
            if year >= PREDICATE_ONLY_FROM:
                rows.append({"p": p, "tahun": year, "skp": None, "perilaku": None, "nilai": None,
                             "predikat": _one(rng, _PREDICATES, _PREDICATE_P)})
                continue
            skp, perilaku = _nilai(rng), _nilai(rng)
            if p["skenario"] == "skp_beda_pita" and year == tahun - 1:
                skp, perilaku = 93.0, 78.0  # NILAI SKP says 30 points, NILAI PRESTASI KERJA 25
            nilai = _prestasi(year, skp, perilaku)
            rows.append({"p": p, "tahun": year, "skp": skp, "perilaku": perilaku, "nilai": nilai,
                         "predikat": _band_word(nilai) if rng.random() < 0.5 else None})
    return rows


def _punishments(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    pns = [p for p in people if p["status"] == "PNS" and not p["skenario"]
           and p["kedudukan"] != "Pemberhentian Sementara"]
    punished = _choose(rng, pns, PUNISHED_SHARE, minimum=3)
    for i, p in enumerate(punished):
        for _ in range(2 if rng.random() < 0.2 else 1):
            level = "RSB"[i] if i < 3 else _one(rng, "RSB", _LEVEL_P)
            sk = _day(rng, dt.date(tahun - 8, 1, 1), dt.date(tahun, 12, 15))
            regime = "pp94" if sk >= PP94_FROM else "pp53"
            names = [h for h in HUKUMAN if h[1] == level and h[4] in (regime, "both")]
            rows.append(_punishment(rng, p, _one(rng, names), sk))
    for p in people:
        if p["kedudukan"] == "Pemberhentian Sementara":
            rows.append(_punishment(rng, p, HUKUMAN[9], _day(rng, dt.date(tahun, 1, 1), dt.date(tahun, 11, 30))))
    _bare_years(rng, rows, BARE_YEAR_SHARE["hukdis"], "tmt")
    for row in _choose(rng, [r for r in rows if not r["hanya_tahun"]], NO_LEVEL_SHARE):
        row["level_shown"] = None
    if p := plants.get("hukdis_berat_tahun_saja"):  # 2020 typed as a number, nothing else
        row = _punishment(rng, p, HUKUMAN[6], dt.date(tahun - 2, 6, 15))
        row["hanya_tahun"] = True
        rows.append(row)
    if p := plants.get("hukdis_nama_saja"):  # no level: the name says sedang
        row = _punishment(rng, p, HUKUMAN[11], dt.date(tahun - 1, 3, 1))
        row["level_shown"] = None
        rows.append(row)
    no_punishment = [plants["hukdis_tidak_ada"]] if "hukdis_tidak_ada" in plants else []
    punished_ids = {id(p) for p in punished}
    others = [p for p in people if p["status"] == "PNS" and not p["skenario"] and id(p) not in punished_ids]
    no_punishment += _choose(rng, others, 0.0, minimum=NO_PUNISHMENT_ROWS - len(no_punishment))
    for p in no_punishment:
        rows.append({"p": p, "hukuman": None, "sk": None, "tmt": None, "hanya_tahun": False, "level_shown": None,
                     "nomor": "-"})
    order = {id(p): i for i, p in enumerate(people)}
    return sorted(rows, key=lambda r: (order[id(r["p"])], r["tmt"] or dt.date.min))


def _punishment(rng: np.random.Generator, p: dict, hukuman: tuple, sk: dt.date) -> dict:
    tmt = min(sk + dt.timedelta(days=int(rng.integers(0, 21))), dt.date(sk.year, 12, 31))
    return {"p": p, "hukuman": hukuman, "sk": sk, "tmt": tmt, "hanya_tahun": False, "level_shown": hukuman[1],
            "nomor": f"862/{int(rng.integers(1, 999)):03d}/BKD/{sk.year}"}


# --- the written tables ---------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


class _Tables:
    """Builds the written cells from the drawn histories, recording the mess it puts in."""

    def __init__(self, rng: np.random.Generator, people: list[dict], tahun: int) -> None:
        self.rng, self.people, self.tahun = rng, people, tahun
        self.mess: list[tuple[str, int, str, str]] = []
        self.rows: dict[str, dict[int, int]] = {}  # table -> id(record) -> Excel row

    def _date(self, day: dt.date | None) -> object:
        """A date as a date cell or, at TEXT_DATE_SHARE, as dd-mm-yyyy text."""
        if day is None:
            return None
        return f"{day:%d-%m-%Y}" if self.rng.random() < TEXT_DATE_SHARE else day

    def _frame(self, key: str, records: list[dict]) -> pd.DataFrame:
        frame = pd.DataFrame(records, columns=list(COLUMNS[key]), dtype=object)
        return frame.astype(object).where(frame.notna(), None)

    def _row(self, index: int) -> int:
        return HEADER_ROW + 1 + index

    def utama(self, dirty: bool) -> pd.DataFrame:
        rng = self.rng
        records = []
        structural = [p for p in self.people if p["jenis_jabatan"] in ("Administrator", "Pengawas")]
        pelaksana = [p for p in self.people if p["jenis_jabatan"] == "Pelaksana"]
        ja = {id(p) for p in _choose(rng, structural, JA_SHARE["structural"])}
        ja |= {id(p) for p in _choose(rng, pelaksana, JA_SHARE["pelaksana"])}
        named = {id(p) for p in _choose(rng, [p for p in pelaksana if id(p) not in ja], PELAKSANA_NAME_SHARE)}
        long_status = {id(p) for p in _choose(rng, [p for p in self.people if p["status"] != "PPPK"],
                                               LONG_STATUS_SHARE)}
        pppk = [p for p in self.people if p["status"] == "PPPK"]
        pppk_named = {id(p) for p in pppk[1::2]}  # the first PPPK (planted) has an empty status
        unor_ids: dict[str, str] = {}
        for p in self.people:
            skpd = p["skpd"]
            induk = unor_ids.setdefault(skpd.name, _guid(rng))
            unor = induk if p["sub_unit"] == skpd.name else unor_ids.setdefault(f"{skpd.name}/{p['sub_unit']}",
                                                                                _guid(rng))
            type_id = _TYPE_ID[p["jenis_jabatan"]]
            type_name = ("JA" if id(p) in ja else "Jabatan Pelaksana" if id(p) in named else _TYPE_NAME[type_id])
            if p["status"] == "PNS":
                status = "PNS" if id(p) in long_status else "P"
            elif p["status"] == "CPNS":
                status = "CPNS" if id(p) in long_status else "C"
            else:
                status = "PPPK" if id(p) in pppk_named else None
            lokasi = skpd.lokasi if p["sub_unit"] != skpd.upt else "Kota Banjarmasin"
            records.append({
                "PNS ID": p["pns_id"], "NIP BARU": p["nip"], "NIP LAMA": p["nip_lama"], "NAMA": p["nama"],
                "GELAR DEPAN": p["gelar_depan"] or None, "GELAR BELAKANG": p["gelar_belakang"] or None,
                "TANGGAL LAHIR": self._date(p["born"]), "JENIS KELAMIN": "Wanita" if p["nip"][14] == "2" else "Pria",
                "STATUS CPNS PNS": status, "KEDUDUKAN HUKUM NAMA": p["kedudukan"], "GOL AKHIR NAMA": p["golongan"],
                "JENIS JABATAN ID": type_id, "JENIS JABATAN NAMA": type_name, "JABATAN NAMA": p["jabatan"],
                "ESELON ID": p["eselon_id"], "ESELON NAMA": ESELON_NAMA.get(p["eselon_id"]),
                "TINGKAT PENDIDIKAN ID": p["pendidikan"], "TINGKAT PENDIDIKAN NAMA": p["pendidikan_nama"],
                "PENDIDIKAN NAMA": p["pendidikan_jurusan"], "UNOR ID": unor, "UNOR NAMA": p["sub_unit"],
                "UNOR INDUK ID": induk, "UNOR INDUK NAMA": skpd.name, "INSTANSI INDUK NAMA": "Pemerintah Provinsi Demo",
                "LOKASI KERJA NAMA": lokasi,
            })
            p["nip_angka"] = False
        if dirty:
            candidates = [i for i, p in enumerate(self.people)
                          if p["status"] == "PNS" and not p["skenario"] and p["jenis_jabatan"] == "Pelaksana"]
            i = candidates[len(candidates) // 2] if candidates else len(self.people) - 1
            self.people[i]["nip_angka"] = True
            records[i]["NIP BARU"] = float(f"{int(self.people[i]['nip']):.15g}")  # what Excel keeps of it
            self.mess.append(("utama", self._row(i), "NIP BARU", "nip_angka"))
        for i, p in enumerate(self.people):
            p["baris"] = self._row(i)
        return self._frame("utama", records)

    def diklat(self, trainings: list[dict]) -> pd.DataFrame:
        records = []
        for row in (r for r in trainings if r["tabel"] == "diklat"):
            p, year = row["p"], row["selesai"].year
            ls = LATIHAN_STRUKTURAL.get(row["ls_id"])
            excel_row = self._row(len(records))
            row["baris"] = excel_row
            if row["hanya_tahun"]:
                mulai, selesai = None, year
                self.mess.append(("diklat", excel_row, "TANGGAL SELESAI", "tahun_saja"))
            else:
                mulai, selesai = self._date(row["mulai"]), self._date(row["selesai"])
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS DIKLAT ID": row["jenis_id"],
                "JENIS DIKLAT NAMA": row["jenis_nama"], "NAMA DIKLAT": row["nama"],
                "LATIHAN STRUKTURAL ID": row["ls_id"],
                "LATIHAN STRUKTURAL NAMA": ls[0] if ls else None, "INSTITUSI PENYELENGGARA": row["institusi"],
                "NOMOR SERTIFIKAT": row["sertifikat"], "TANGGAL MULAI": mulai, "TANGGAL SELESAI": selesai,
                "TAHUN": year, "JUMLAH JAM": row["jp"],
            })
        return self._frame("diklat", records)

    def kursus(self, trainings: list[dict]) -> pd.DataFrame:
        records = []
        for row in (r for r in trainings if r["tabel"] == "kursus"):
            p = row["p"]
            row["baris"] = self._row(len(records))
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS KURSUS NAMA": row["jenis_nama"],
                "NAMA KURSUS": row["nama"], "INSTITUSI PENYELENGGARA": row["institusi"],
                "TANGGAL KURSUS": self._date(row["mulai"]), "TANGGAL SELESAI KURSUS": self._date(row["selesai"]),
                "TAHUN KURSUS": row["selesai"].year, "JUMLAH JAM": row["jp"],
            })
        return self._frame("kursus", records)

    def skp(self, assessments: list[dict]) -> pd.DataFrame:
        records = []
        for row in assessments:
            p = row["p"]
            row["baris"] = self._row(len(records))
            records.append({"NIP BARU": p["nip"], "NAMA": p["nama"], "TAHUN": row["tahun"], "NILAI SKP": row["skp"],
                            "NILAI PERILAKU KERJA": row["perilaku"], "NILAI PRESTASI KERJA": row["nilai"],
                            "PREDIKAT KINERJA": row["predikat"]})
        return self._frame("skp", records)

    def hukdis(self, punishments: list[dict]) -> pd.DataFrame:
        records = []
        for row in punishments:
            p, hukuman = row["p"], row["hukuman"]
            excel_row = self._row(len(records))
            row["baris"] = excel_row
            if hukuman is None:
                records.append({"NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS HUKUMAN NAMA": "Tidak Ada",
                                "NOMOR SK": row["nomor"]})
                self.mess.append(("hukdis", excel_row, "JENIS HUKUMAN NAMA", "tidak_ada"))
                continue
            name, _, years, months, _ = hukuman
            if row["hanya_tahun"]:
                sk, tmt, akhir = None, row["tmt"].year, None
                self.mess.append(("hukdis", excel_row, "HUKUMAN TANGGAL", "tahun_saja"))
            else:
                sk, tmt = self._date(row["sk"]), self._date(row["tmt"])
                akhir = self._date(_add_months(row["tmt"], 12 * years + months)) if years or months else None
            records.append({
                "NIP BARU": p["nip"], "NAMA": p["nama"], "JENIS HUKUMAN ID": f"{HUKUMAN.index(hukuman) + 1:02d}",
                "JENIS HUKUMAN NAMA": name, "JENIS TINGKAT HUKUMAN ID": row["level_shown"], "NOMOR SK": row["nomor"],
                "TANGGAL SK": sk, "HUKUMAN TANGGAL": tmt, "AKHIR HUKUMAN TANGGAL": akhir,
                "MASA TAHUN": years, "MASA BULAN": months,
            })
            if row["level_shown"] is None:
                self.mess.append(("hukdis", excel_row, "JENIS TINGKAT HUKUMAN ID", "tingkat_kosong"))
        return self._frame("hukdis", records)

    def errors(self, tables: dict[str, pd.DataFrame]) -> None:
        """#N/A in ERROR_SHARE of each table's rows, in columns that change no score."""
        for key, columns in ERROR_COLUMNS.items():
            frame = tables[key]
            rows = [i for i in range(len(frame))
                    if key != "kursus" or frame.at[i, "JENIS KURSUS NAMA"] in _KURSUS_KINDS]
            for n, i in enumerate(_choose(self.rng, rows, ERROR_SHARE)):
                column = columns[n % len(columns)]
                frame.at[i, column] = NA
                self.mess.append((key, self._row(i), column, "#N/A"))

    # --- truth frames ---

    def truth_pegawai(self) -> pd.DataFrame:
        level = {"JPT": 2, "Administrator": 3, "Pengawas": 4}
        return pd.DataFrame({
            "nip": [p["nip"] for p in self.people],
            "nama": [p["nama"] for p in self.people],
            "unit_kerja": [p["skpd"].name for p in self.people],
            "sub_unit": [p["sub_unit"] for p in self.people],
            "status": [p["status"] for p in self.people],
            "kedudukan": [p["kedudukan"] for p in self.people],
            "diukur": [p["status"] == "PNS" and p["kedudukan"] in ("Aktif", "Tugas Belajar", "PNS DPK")
                       for p in self.people],
            "jenis_jabatan": [p["jenis_jabatan"] for p in self.people],
            "eselon": pd.array([level.get(p["jenis_jabatan"]) for p in self.people], dtype="Int8"),
            "pendidikan": [p["pendidikan"] for p in self.people],
            "nip_angka": [p["nip_angka"] for p in self.people],
            "skenario": [p["skenario"] for p in self.people],
            "baris": [p["baris"] for p in self.people],
        })

    def truth_trainings(self, trainings: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in trainings],
            "tabel": [r["tabel"] for r in trainings],
            "baris": [r["baris"] for r in trainings],
            "kategori": [r["kategori"] for r in trainings],
            "tingkat": pd.array([r["tingkat"] for r in trainings], dtype="Int8"),
            "nama": [r["nama"] for r in trainings],
            "tanggal_selesai": [r["selesai"] for r in trainings],
            "hanya_tahun": [r["hanya_tahun"] for r in trainings],
            "jp": [np.nan if r["jp"] is None else float(r["jp"]) for r in trainings],
        })

    def truth_assessments(self, assessments: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in assessments],
            "tahun": [r["tahun"] for r in assessments],
            "nilai": [np.nan if r["nilai"] is None else r["nilai"] for r in assessments],
            "nilai_skp": [np.nan if r["skp"] is None else r["skp"] for r in assessments],
            "predikat": [r["predikat"] for r in assessments],
            "baris": [r["baris"] for r in assessments],
        })

    def truth_punishments(self, punishments: list[dict]) -> pd.DataFrame:
        return pd.DataFrame({
            "nip": [r["p"]["nip"] for r in punishments],
            "tingkat": [LEVEL_NAMES[r["hukuman"][1]] if r["hukuman"] else None for r in punishments],
            "jenis_hukuman": [r["hukuman"][0] if r["hukuman"] else "Tidak Ada" for r in punishments],
            "tanggal": [r["tmt"] for r in punishments],
            "hanya_tahun": [r["hanya_tahun"] for r in punishments],
            "baris": [r["baris"] for r in punishments],
        })
