"""A synthetic but realistic instansi, in the raw form of an HR export, for demos, tests and benchmarks.

``make_demo()`` returns the four input sheets the way a provincial BKD export looks: every value is
text, codes and levels are written in the mixed spellings real files use, and a small, realistic share
of the rows is dirty (NIPs with spaces, unknown education, impossible dates, negative JP, conflicting
assessments, duplicated rows ...), so that ``ipasn.load`` has findings to report.

Everything is drawn from ``numpy.random.default_rng(seed)``: the same arguments always give the same
frames, and ``write_demo`` writes byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.xlsx import workbook_bytes

__all__ = ["SHEET_COLUMNS", "make_demo", "write_demo"]

SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "pegawai": ("nip", "nama", "unit_kerja", "jenis_jabatan", "eselon", "jabatan", "pendidikan", "status"),
    "diklat": ("nip", "jenis", "nama_diklat", "tingkat", "tanggal_selesai", "jp"),
    "kinerja": ("nip", "tahun", "nilai", "predikat"),
    "hukdis": ("nip", "tingkat", "tanggal"),
}

# --- units -------------------------------------------------------------------------------------

# (name, relative size, kind). The order is the order units are taken in: `units=10` takes the first
# ten. Kind "staf_ahli" is the edge case: a unit of three eselon II officials.
_UNITS: tuple[tuple[str, float, str], ...] = (
    ("Dinas Pendidikan", 1150, "pendidikan"),
    ("Dinas Kesehatan", 180, "kesehatan"),
    ("RSUD Ulin", 520, "rs"),
    ("Sekretariat Daerah", 200, "setda"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", 140, "pupr"),
    ("Badan Pendapatan Daerah", 110, "keuangan"),
    ("Badan Kepegawaian Daerah", 60, "kepegawaian"),
    ("Inspektorat", 50, "inspektorat"),
    ("Dinas Sosial", 70, "sosial"),
    ("Staf Ahli Gubernur", 0, "staf_ahli"),
    ("Satuan Polisi Pamong Praja", 120, "satpol"),
    ("Rumah Sakit Jiwa Sambang Lihum", 230, "rs"),
    ("RSUD dr. H. Moch. Ansari Saleh", 300, "rs"),
    ("Badan Perencanaan Pembangunan Daerah", 60, "umum"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", 80, "keuangan"),
    ("Dinas Perhubungan", 110, "umum"),
    ("Dinas Kependudukan dan Pencatatan Sipil", 40, "umum"),
    ("Dinas Tenaga Kerja dan Transmigrasi", 70, "umum"),
    ("Dinas Tanaman Pangan dan Hortikultura", 90, "umum"),
    ("Dinas Perkebunan dan Peternakan", 90, "umum"),
    ("Dinas Kehutanan", 150, "umum"),
    ("Dinas Kelautan dan Perikanan", 80, "umum"),
    ("Dinas Lingkungan Hidup", 60, "umum"),
    ("Dinas Perindustrian", 40, "umum"),
    ("Dinas Perdagangan", 50, "umum"),
    ("Dinas Koperasi dan Usaha Kecil Menengah", 40, "umum"),
    ("Dinas Pemuda dan Olahraga", 50, "umum"),
    ("Dinas Kebudayaan dan Pariwisata", 50, "umum"),
    ("Dinas Perpustakaan dan Kearsipan", 50, "umum"),
    ("Dinas Komunikasi dan Informatika", 45, "umum"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 45, "umum"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", 35, "umum"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", 40, "umum"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", 50, "pupr"),
    ("Dinas Energi dan Sumber Daya Mineral", 70, "umum"),
    ("Dinas Ketahanan Pangan", 40, "umum"),
    ("Badan Penanggulangan Bencana Daerah", 45, "umum"),
    ("Badan Kesatuan Bangsa dan Politik", 35, "umum"),
    ("Badan Pengembangan Sumber Daya Manusia", 45, "kepegawaian"),
    ("Badan Riset dan Inovasi Daerah", 30, "umum"),
    ("Badan Penghubung Daerah", 15, "umum"),
    ("Sekretariat DPRD", 90, "setda"),
    ("Biro Pemerintahan", 25, "setda"),
    ("Biro Hukum", 25, "setda"),
    ("Biro Organisasi", 20, "setda"),
    ("Biro Umum", 60, "setda"),
    ("Biro Perekonomian", 20, "setda"),
    ("Biro Pengadaan Barang dan Jasa", 25, "setda"),
    ("SMA Negeri 1 Banjarmasin", 70, "pendidikan"),
    ("SMA Negeri 1 Banjarbaru", 60, "pendidikan"),
    ("SMK Negeri 1 Martapura", 65, "pendidikan"),
    ("SLB Negeri Pelambuan", 30, "pendidikan"),
    ("UPT Laboratorium Kesehatan Daerah", 35, "kesehatan"),
    ("UPT Balai Latihan Kerja", 30, "umum"),
    ("UPT Pengelolaan Pendapatan Daerah Banjarmasin", 40, "keuangan"),
    ("UPTD Taman Hutan Raya Sultan Adam", 25, "umum"),
    ("Kecamatan Banjarmasin Utara", 20, "kecamatan"),
    ("Kecamatan Banjarmasin Selatan", 20, "kecamatan"),
    ("Kecamatan Banjarmasin Timur", 18, "kecamatan"),
    ("Kecamatan Banjarmasin Barat", 18, "kecamatan"),
    ("Kecamatan Banjarmasin Tengah", 16, "kecamatan"),
    ("Kecamatan Landasan Ulin", 15, "kecamatan"),
    ("Kecamatan Liang Anggang", 14, "kecamatan"),
)
_EXTRA_UNIT_WEIGHT = 40.0  # "Unit Kerja 64", ... beyond the list
_STAF_AHLI_SIZE = 3

# --- people ------------------------------------------------------------------------------------

_MALE = np.array([
    "Ahmad", "Muhammad", "Abdul", "Akhmad", "Budi", "Agus", "Bambang", "Eko", "Hendra", "Rudi", "Joko",
    "Slamet", "Wahyu", "Dedi", "Rahmat", "Syahrani", "Fauzan", "Rizky", "Arif", "Yusuf", "Hasan",
    "Husin", "Ilham", "Irfan", "Gusti", "Anang", "Aliansyah", "Noor", "Fahmi", "Taufik", "Zainal",
    "Mulyadi", "Suriansyah", "Hairil", "Rusdi", "Iwan", "Andi", "Ferry", "Yudi", "Hery", "Bayu",
    "Imam", "Khairil", "Lukman", "Nanang", "Ridwan", "Samsul", "Teguh", "Umar", "Wawan", "Zulkifli",
    "Ma'ruf", "Fathurrahman", "Saipul", "Jailani", "Hamdani", "Yosep", "Paulus",
], dtype=object)
_FEMALE = np.array([
    "Siti", "Nur", "Dewi", "Sri", "Rina", "Wulan", "Ratna", "Fitri", "Yuliana", "Rahmah", "Aminah",
    "Noorhayati", "Fatimah", "Erna", "Lestari", "Indah", "Maya", "Nurul", "Rizka", "Ayu", "Dian",
    "Eka", "Herlina", "Ika", "Juliani", "Kartini", "Lina", "Mariani", "Novita", "Putri", "Rabi'ah",
    "Nur'aini", "Safitri", "Tuti", "Umi", "Winda", "Yanti", "Zahra", "Normila", "Halimah",
    "Mahmudah", "Raudah", "Jamilah", "Maria", "Agustina", "Hairunnisa", "Husna", "Laila", "Melati",
], dtype=object)
_MALE_LAST = np.array([
    "Saputra", "Kurniawan", "Setiawan", "Pratama", "Santoso", "Nugroho", "Hidayat", "Rahman", "Fauzi",
    "Maulana", "Firdaus", "Hakim", "Rahmadi", "Effendi", "Wijaya", "Gunawan", "Arsyad", "Syarifuddin",
    "Rahmatullah", "Hidayatullah", "Fadillah", "Ramadhan", "Prasetyo", "Siregar", "Nasution",
    "Harahap", "Lubis", "Simanjuntak", "Noor", "Mahdi", "Anshari", "Syafi'i",
], dtype=object)
_FEMALE_LAST = np.array([
    "Sari", "Wati", "Lestari", "Hasanah", "Rahmawati", "Handayani", "Wulandari", "Puspitasari",
    "Anggraini", "Kusumawati", "Fitriani", "Ningsih", "Rahayu", "Susanti", "Yuliani", "Marlina",
    "Fadilah", "Khairunnisa", "Noviyanti", "Aulia", "Siregar", "Nasution", "Lubis",
], dtype=object)

# --- positions ---------------------------------------------------------------------------------

_TYPES = ("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana")
# Mix among PNS, so that with 5% CPNS and 5% PPPK (all Fungsional or Pelaksana) the whole instansi
# comes to about 2 / 6 / 14 / 38 / 40 percent.
_PNS_TYPE_P = np.array([0.0222, 0.0667, 0.1556, 0.35, 0.4055])
_ESELON_LEVEL = {0: 2, 1: 3, 2: 4}

_ADMINISTRATOR = np.array([
    "Sekretaris", "Kepala Bidang Perencanaan", "Kepala Bidang Pelayanan", "Kepala Bagian Umum",
    "Kepala Bidang Pengendalian dan Evaluasi", "Kepala Bidang Pembinaan", "Kepala Bagian Keuangan",
    "Kepala UPT",
], dtype=object)
_PENGAWAS = np.array([
    "Kepala Sub Bagian Umum dan Kepegawaian", "Kepala Sub Bagian Keuangan", "Kepala Sub Bagian Program",
    "Kepala Seksi Pelayanan", "Kepala Seksi Pembinaan", "Kepala Seksi Pengendalian",
    "Kepala Seksi Data dan Informasi", "Kepala Sub Bagian Tata Usaha",
], dtype=object)
_PELAKSANA = np.array([
    "Pengadministrasi Umum", "Pengolah Data", "Pengadministrasi Keuangan", "Bendahara Pengeluaran",
    "Pengemudi", "Pengelola Barang Milik Daerah", "Verifikator Keuangan", "Pengadministrasi Kepegawaian",
    "Pengelola Program dan Kegiatan", "Caraka", "Pengelola Data Pelaporan", "Petugas Keamanan",
], dtype=object)
_FUNGSIONAL_UMUM = (
    "Analis Kebijakan", "Perencana", "Pranata Komputer", "Arsiparis", "Pustakawan",
    "Pengelola Pengadaan Barang/Jasa", "Pranata Hubungan Masyarakat", "Statistisi",
)
_FUNGSIONAL_BY_KIND = {
    "pendidikan": ("Guru", "Guru", "Guru", "Guru", "Pengawas Sekolah", "Pustakawan"),
    "kesehatan": ("Perawat", "Bidan", "Dokter", "Epidemiolog Kesehatan", "Sanitarian",
                  "Pranata Laboratorium Kesehatan", "Nutrisionis"),
    "rs": ("Perawat", "Perawat", "Perawat", "Bidan", "Dokter", "Dokter Spesialis", "Apoteker",
           "Radiografer", "Perekam Medis", "Nutrisionis"),
    "inspektorat": ("Auditor", "Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah"),
    "kepegawaian": ("Analis Sumber Daya Manusia Aparatur", "Analis Sumber Daya Manusia Aparatur",
                    "Widyaiswara", "Pranata Komputer"),
    "pupr": ("Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang", "Teknik Tata Bangunan"),
    "sosial": ("Pekerja Sosial", "Penyuluh Sosial", "Pekerja Sosial"),
    "satpol": ("Polisi Pamong Praja", "Polisi Pamong Praja", "Pemadam Kebakaran"),
    "keuangan": ("Analis Keuangan Pusat dan Daerah", "Pemeriksa Pajak", "Analis Anggaran"),
}
_SKILL_LEVELS = np.array(["Ahli Pertama", "Ahli Muda", "Ahli Madya", "Terampil", "Mahir", "Penyelia"],
                         dtype=object)
_STAF_AHLI = (
    "Staf Ahli Gubernur Bidang Pemerintahan, Politik dan Hukum",
    "Staf Ahli Gubernur Bidang Ekonomi, Keuangan dan Pembangunan",
    "Staf Ahli Gubernur Bidang Kemasyarakatan dan Sumber Daya Manusia",
)
# Eselon II positions other than the unit's head.
_OTHER_JPT = {
    "setda": ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
              "Asisten Administrasi Umum", "Kepala Biro Pemerintahan", "Kepala Biro Hukum",
              "Kepala Biro Organisasi"),
    "rs": ("Wakil Direktur Pelayanan", "Wakil Direktur Umum dan Keuangan",
           "Wakil Direktur Penunjang Medik"),
    "pendidikan": tuple(f"Kepala Cabang Dinas Pendidikan Wilayah {r}"
                        for r in ("I", "II", "III", "IV", "V", "VI", "VII")),
}
_OTHER_JPT_DEFAULT = _STAF_AHLI

# --- education ---------------------------------------------------------------------------------

# Levels: S-3, S-2, S-1, D-IV, D-III, D-II/D-I, SLTA, SMP, SD. Rows: position type. Calibrated so that
# with the default position mix the instansi follows the national mix (BKN, 31 Dec 2023).
_EDU_P = np.array([
    [0.10, 0.75, 0.15, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00],       # JPT
    [0.02, 0.50, 0.45, 0.03, 0.00, 0.00, 0.00, 0.00, 0.00],       # Administrator
    [0.00, 0.25, 0.65, 0.05, 0.05, 0.00, 0.00, 0.00, 0.00],       # Pengawas
    [0.015, 0.10, 0.655, 0.04, 0.17, 0.01, 0.01, 0.00, 0.00],     # Fungsional
    [0.00, 0.02, 0.4772, 0.004, 0.1025, 0.033, 0.3355, 0.019, 0.0088],  # Pelaksana
])
_EDU_P = _EDU_P / _EDU_P.sum(axis=1, keepdims=True)
# Spellings per level with their weights; SIASN codes among them.
_EDU_SPELLING = (
    (("S-3", "S3", "Doktor", "Strata 3"), (0.4, 0.3, 0.2, 0.1)),
    (("S-2", "S2", "Magister", "Strata 2", "45"), (0.4, 0.25, 0.15, 0.1, 0.1)),
    (("S-1", "S1", "Strata 1", "Sarjana", "40", "S-1 Ekonomi"), (0.42, 0.25, 0.12, 0.05, 0.12, 0.04)),
    (("D-IV", "D IV", "D4", "Diploma IV"), (0.45, 0.25, 0.2, 0.1)),
    (("D-III", "D III", "D3", "30", "Sarjana Muda"), (0.45, 0.25, 0.12, 0.13, 0.05)),
    (("D-II", "D-I", "D II", "D I"), (0.35, 0.35, 0.15, 0.15)),
    (("SLTA", "SMA", "SMK", "15", "SMU", "STM"), (0.35, 0.25, 0.18, 0.1, 0.07, 0.05)),
    (("SMP", "SLTP"), (0.7, 0.3)),
    (("SD",), (1.0,)),
)
_BACHELOR_TITLE = {
    "pendidikan": ("S.Pd.", "S.Pd.", "S.Pd.", "S.Si.", "S.Kom."),
    "kesehatan": ("S.Kep., Ners", "S.KM.", "S.Farm., Apt.", "S.Gz."),
    "rs": ("S.Kep., Ners", "S.Kep., Ners", "S.Farm., Apt.", "S.KM."),
    "pupr": ("S.T.", "S.T.", "S.E."),
    "inspektorat": ("S.E., Ak.", "S.E.", "S.H."),
}
_BACHELOR_DEFAULT = ("S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.AP.", "S.IP.", "S.Hut.", "S.Pi.")
_MASTER_TITLE = {
    "pendidikan": ("M.Pd.", "M.Pd.", "M.Si."),
    "kesehatan": ("M.Kes.", "M.Kep.", "M.KM."),
    "rs": ("M.Kes.", "M.Kep.", "M.M.R.S."),
    "pupr": ("M.T.", "M.T.", "M.Si."),
    "inspektorat": ("M.Ak.", "M.Si.", "M.M."),
}
_MASTER_DEFAULT = ("M.Si.", "M.M.", "M.H.", "M.AP.", "M.Si.")
_DIPLOMA_TITLE = {"kesehatan": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Farm."),
                  "rs": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Rad.", "A.Md.Kep.")}

# --- trainings ---------------------------------------------------------------------------------

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# Names by era: SEPATI/SPAMEN/SPAMA/ADUM until 2000, Diklatpim I-IV until 2018, PKN/PKA/PKP since 2019
# (Peraturan LAN 2019); some exports keep the old name for a new course.
_LEADERSHIP_NAMES = {
    1: (("SEPATI", "Diklatpim Tk. I"), ("Diklatpim Tk. I", "PIM I", "Diklat Kepemimpinan Tingkat I"),
        ("PKN Tingkat I", "PKN Tk. I", "Diklatpim Tk. I")),
    2: (("SPAMEN", "SESPA"), ("Diklatpim Tk. II", "PIM II", "Diklat Kepemimpinan Tingkat II"),
        ("PKN Tingkat II", "PKN Tk. II", "PKN Tingkat II", "PIM II")),
    3: (("SPAMA", "SEPADYA"), ("Diklatpim Tk. III", "PIM III", "Diklat Kepemimpinan Tingkat III"),
        ("PKA", "PKA", "PKA Angkatan 2", "PIM III")),
    4: (("ADUM", "SEPALA"), ("Diklatpim Tk. IV", "PIM IV", "Diklatpim Tk. IV Angkatan 12",
                             "Diklat Kepemimpinan Tingkat IV"),
        ("PKP", "PKP", "PKP Angkatan 5", "PIM IV")),
}
_LEADERSHIP_JP = {1: "400", 2: "360", 3: "300", 4: "285"}
_LEADERSHIP_KIND = np.array(["Kepemimpinan", "Struktural", "Diklat PIM"], dtype=object)
_FUNCTIONAL_KIND = np.array(["Fungsional", "Diklat Fungsional", "Fungsional"], dtype=object)
_TECHNICAL_KIND = np.array(["Teknis", "Bimtek", "Diklat Teknis"], dtype=object)
_TECHNICAL_TOPICS = np.array([
    "Penyusunan SKP", "Pengadaan Barang/Jasa Pemerintah", "Pengelolaan Keuangan Daerah",
    "Aplikasi SIPD", "Pengelolaan Barang Milik Daerah", "Penyusunan Laporan Kinerja",
    "Kearsipan Dinamis", "Manajemen Risiko", "Penyusunan Standar Pelayanan", "SIASN",
    "Kurikulum Merdeka", "Pelayanan Prima", "Penanganan Pengaduan", "Penyusunan Anggaran",
    "Keselamatan Pasien", "Audit Kinerja", "Analisis Jabatan", "Sistem Informasi Geografis",
    "Penulisan Naskah Dinas", "Manajemen Aset",
], dtype=object)
_TECHNICAL_JP = np.array([8, 10, 12, 16, 18, 20, 24, 25, 30, 32, 36, 40, 45, 48, 56, 60])
_TECHNICAL_JP_P = np.array([9, 6, 6, 9, 5, 8, 8, 5, 8, 8, 4, 6, 3, 4, 2, 2], dtype=float)
_SEMINAR_KIND = np.array(["Seminar", "Workshop", "Webinar", "Kursus", "Magang"], dtype=object)
_SEMINAR_KIND_P = np.array([0.3, 0.25, 0.3, 0.1, 0.05])
_SEMINAR_TOPICS = np.array([
    "Reformasi Birokrasi", "Smart ASN", "Manajemen Talenta ASN", "Zona Integritas",
    "Transformasi Digital Pemerintahan", "Pencegahan Korupsi", "Moderasi Beragama",
    "Sistem Merit", "Bahasa Inggris", "Public Speaking", "Inovasi Pelayanan Publik",
    "Kesehatan Mental ASN", "Keterbukaan Informasi Publik", "Pengarusutamaan Gender",
], dtype=object)

_PREDIKAT = np.array(["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang"], dtype=object)
_DISCIPLINE_SPELLING = (
    (("Ringan", "R", "Teguran tertulis", "Teguran Lisan"), (0.45, 0.25, 0.2, 0.1)),
    (("Sedang", "S", "Penundaan Kenaikan Pangkat"), (0.55, 0.35, 0.1)),
    (("Berat", "B"), (0.65, 0.35)),
)


# --- helpers -----------------------------------------------------------------------------------


def _pick(rng: np.random.Generator, options, n: int, p=None) -> np.ndarray:
    """n draws from `options` (an object array) with probabilities p."""
    options = np.asarray(options, dtype=object)
    if p is not None:
        p = np.asarray(p, dtype=float)
        p = p / p.sum()
    return options[rng.choice(len(options), size=n, p=p)] if n else np.empty(0, dtype=object)


def _n_dirty(rows: int, share: float, minimum: int = 3) -> int:
    return min(rows, max(minimum, int(round(share * rows))))


def _year_start(years: np.ndarray) -> np.ndarray:
    return (np.asarray(years, dtype=np.int64) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def _random_days(rng: np.random.Generator, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """A uniform day between first and last (datetime64[D], inclusive), elementwise."""
    first = np.asarray(first, dtype="datetime64[D]")
    span = (np.asarray(last, dtype="datetime64[D]") - first).astype(np.int64) + 1
    span = np.maximum(span, 1)
    return first + np.floor(rng.random(len(first)) * span).astype(np.int64)


def _format_dates(days: np.ndarray) -> np.ndarray:
    """datetime64[D] -> "dd-mm-yyyy" text (formats only the distinct days)."""
    if len(days) == 0:
        return np.empty(0, dtype=object)
    unique, inverse = np.unique(days, return_inverse=True)
    text = np.array([d.strftime("%d-%m-%Y") for d in unique.astype(dt.date)], dtype=object)
    return text[inverse.reshape(-1)]


def _format_hundredths(values: np.ndarray) -> np.ndarray:
    """Integer hundredths -> Indonesian text: 8550 -> "85,5", 9000 -> "90", 8553 -> "85,53"."""
    out = np.empty(len(values), dtype=object)
    for i, h in enumerate(np.asarray(values, dtype=np.int64).tolist()):
        whole, frac = divmod(h, 100)
        if frac == 0:
            out[i] = str(whole)
        elif frac % 10 == 0:
            out[i] = f"{whole},{frac // 10}"
        else:
            out[i] = f"{whole},{frac:02d}"
    return out


def _insert_after(frame: pd.DataFrame, positions: np.ndarray, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows[i]` placed right after `frame`'s row `positions[i]` (or at the end for len(frame))."""
    key = np.concatenate([np.arange(len(frame), dtype=float), np.asarray(positions, dtype=float) + 0.5])
    both = pd.concat([frame, rows], ignore_index=True)
    return both.iloc[np.argsort(key, kind="stable")].reset_index(drop=True)


# --- units and sizes ---------------------------------------------------------------------------


def _unit_table(units: int) -> list[tuple[str, float, str]]:
    table = list(_UNITS[:units])
    for i in range(len(table), units):
        table.append((f"Unit Kerja {i + 1}", _EXTRA_UNIT_WEIGHT, "umum"))
    return table


def _unit_sizes(table: list[tuple[str, float, str]], employees: int) -> np.ndarray:
    """Employees per unit: the staf ahli unit gets three, the rest is split by weight (each >= 1)."""
    n = len(table)
    sizes = np.zeros(n, dtype=np.int64)
    fixed = [i for i, (_, _, kind) in enumerate(table) if kind == "staf_ahli"]
    free = [i for i in range(n) if i not in fixed]
    remaining = employees
    for i in fixed:
        sizes[i] = max(1, min(_STAF_AHLI_SIZE, employees - (n - 1)))
        remaining -= sizes[i]
    if not free:
        sizes[fixed[-1]] += remaining
        return sizes
    weights = np.array([table[i][1] for i in free], dtype=float)
    # Each unit gets one employee; the rest goes by weight with the largest-remainder rule.
    extra = remaining - len(free)
    share = weights / weights.sum() * extra
    base = np.floor(share).astype(np.int64)
    left = extra - base.sum()
    order = np.argsort(-(share - base), kind="stable")
    base[order[:left]] += 1
    sizes[free] = base + 1
    return sizes


# --- the generator -----------------------------------------------------------------------------


def check_size(units: int, employees: int) -> None:
    """A demo instansi needs a unit, and at least one employee in each."""
    if units < 1:
        raise ValueError("units harus paling sedikit 1")
    if employees < units:
        raise ValueError("employees harus paling sedikit sama dengan units (tiap unit minimal 1 pegawai)")


def make_demo(units: int = 10, employees: int = 2500, seed: int = 2022,
              tahun: int = 2022) -> dict[str, pd.DataFrame]:
    """A synthetic instansi as raw sheets "pegawai", "diklat", "kinerja", "hukdis" (all text).

    `employees` is split very unequally over `units` (Dinas Pendidikan is the largest; "Staf Ahli
    Gubernur", the tenth unit, has three people). The same arguments give identical frames.
    """
    units, employees, tahun = int(units), int(employees), int(tahun)
    check_size(units, employees)
    rng = np.random.default_rng(seed)
    people = _people(rng, units, employees, tahun)
    pegawai = _pegawai_sheet(rng, people)
    diklat = _diklat_sheet(rng, people, tahun)
    kinerja = _kinerja_sheet(rng, people, tahun)
    hukdis = _hukdis_sheet(rng, people, tahun)
    frames = {"pegawai": pegawai, "diklat": diklat, "kinerja": kinerja, "hukdis": hukdis}
    return {name: frames[name].loc[:, list(cols)].astype(object).reset_index(drop=True)
            for name, cols in SHEET_COLUMNS.items()}


def _nips(rng: np.random.Generator, status: np.ndarray, tahun: int) -> tuple[np.ndarray, np.ndarray]:
    """18-digit NIPs (as int64) and the TMT CPNS year of each employee."""
    n = len(status)
    pns = status == "PNS"
    # PNS: born 1963-2000 (most in the 1970s-80s), appointed at 19-35 and at least two years before
    # `tahun`; CPNS and PPPK: appointed in `tahun` or the year before.
    last_pns = tahun - 2
    birth_hi = min(2000, last_pns - 19)
    birth_lo = min(1963, birth_hi)
    birth = birth_lo + np.floor(rng.beta(2.0, 2.3, n) * (birth_hi - birth_lo + 1)).astype(np.int64)
    age = np.rint(rng.triangular(19, 25, 35, n)).astype(np.int64)
    age = np.minimum(age, np.maximum(19, last_pns - birth))
    tmt_year = birth + age
    new = ~pns
    if new.any():
        tmt_year[new] = tahun - rng.integers(0, 2, new.sum())
        b = tmt_year[new] - np.rint(rng.triangular(20, 26, 35, new.sum())).astype(np.int64)
        birth[new] = np.clip(b, min(1963, tahun - 35), max(min(2000, tahun - 19), 1963))
    tmt_year = np.minimum(tmt_year, tahun)
    born = _random_days(rng, _year_start(birth), _year_start(birth + 1) - 1)
    ymd = born.astype(object)
    born_num = np.array([d.year * 10000 + d.month * 100 + d.day for d in ymd], dtype=np.int64)
    month = _pick(rng, np.arange(1, 13), n,
                  p=[30, 5, 25, 6, 3, 3, 4, 3, 3, 3, 4, 11]).astype(np.int64)
    gender = rng.integers(1, 3, n).astype(np.int64)
    prefix = (born_num * 1000000 + tmt_year * 100 + month) * 10 + gender
    serial = rng.integers(1, 600, n).astype(np.int64)
    groups = pd.Series(prefix)
    serial = groups.map(pd.Series(serial).groupby(prefix).first()).to_numpy(np.int64) \
        + groups.groupby(prefix).cumcount().to_numpy(np.int64)
    return prefix * 1000 + serial, tmt_year


def _people(rng: np.random.Generator, units: int, employees: int, tahun: int) -> pd.DataFrame:
    """One row per employee with the true (clean) attributes, in export order."""
    table = _unit_table(units)
    sizes = _unit_sizes(table, employees)
    unit_idx = np.repeat(np.arange(units), sizes)
    n = employees
    kind = np.array([table[i][2] for i in unit_idx], dtype=object)

    status = _pick(rng, ["PNS", "CPNS", "PPPK"], n, p=[0.90, 0.05, 0.05])
    staf_ahli = kind == "staf_ahli"
    status[staf_ahli] = "PNS"
    ptype = rng.choice(5, size=n, p=_PNS_TYPE_P)
    ptype[status == "CPNS"] = np.where(rng.random((status == "CPNS").sum()) < 0.5, 3, 4)
    ptype[status == "PPPK"] = np.where(rng.random((status == "PPPK").sum()) < 0.8, 3, 4)
    ptype[staf_ahli] = 0
    # Every unit of 20 or more has a head of eselon II (a PNS).
    for u in range(units):
        members = np.flatnonzero(unit_idx == u)
        if len(members) >= 20 and not (ptype[members] == 0).any():
            candidates = members[status[members] == "PNS"]
            head = candidates[0] if len(candidates) else members[0]
            ptype[head], status[head] = 0, "PNS"

    nip, tmt_year = _nips(rng, status, tahun)
    order = np.lexsort((nip, ptype, unit_idx))
    people = pd.DataFrame({
        "unit": unit_idx[order], "kind": kind[order], "status": status[order], "ptype": ptype[order],
        "nip": nip[order], "tmt": tmt_year[order],
    })
    people["nip_text"] = people["nip"].astype(str)
    people["gender"] = people["nip"].to_numpy() // 1000 % 10
    people["unit_name"] = [table[u][0] for u in people["unit"]]
    return people


def _pegawai_sheet(rng: np.random.Generator, people: pd.DataFrame) -> pd.DataFrame:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()

    # Position type and eselon, in the spellings exports use.
    jenis = np.empty(n, dtype=object)
    eselon = np.full(n, "", dtype=object)
    for t, level in _ESELON_LEVEL.items():
        rows = np.flatnonzero(ptype == t)
        roman = _ROMAN[level]
        structural = rng.random(len(rows)) < 0.7
        jenis[rows] = np.where(structural, "Struktural",
                               ("JPT Pratama", "Administrator", "Pengawas")[t])
        sub = np.where(rng.random(len(rows)) < 0.45, ".a", ".b")
        with_eselon = structural | (rng.random(len(rows)) < 0.5)
        eselon[rows] = np.where(with_eselon, np.char.add(roman, sub.astype(str)).astype(object), "")
    rows = np.flatnonzero(ptype == 3)
    jenis[rows] = _pick(rng, ["Fungsional Tertentu", "Fungsional", "JFT"], len(rows), p=[0.45, 0.35, 0.2])
    rows = np.flatnonzero(ptype == 4)
    jenis[rows] = _pick(rng, ["Pelaksana", "Fungsional Umum", "JFU"], len(rows), p=[0.55, 0.3, 0.15])
    staf_ahli = kind == "staf_ahli"
    jenis[staf_ahli], eselon[staf_ahli] = "Struktural", "II.b"

    jabatan = _titles(rng, people)

    # Education: true level, then a spelling.
    level = np.empty(n, dtype=np.int64)
    for t in range(5):
        rows = np.flatnonzero(ptype == t)
        level[rows] = rng.choice(9, size=len(rows), p=_EDU_P[t])
    doctor = np.char.startswith(jabatan.astype(str), "Dokter")
    level[doctor] = np.where(np.char.startswith(jabatan[doctor].astype(str), "Dokter Spesialis"), 1, 2)
    pendidikan = np.empty(n, dtype=object)
    for lv, (spellings, p) in enumerate(_EDU_SPELLING):
        rows = np.flatnonzero(level == lv)
        pendidikan[rows] = _pick(rng, spellings, len(rows), p=p)

    nama = _names(rng, people, level, jabatan)

    status = people["status"].to_numpy().copy()
    pns = np.flatnonzero(status == "PNS")
    status[pns[rng.random(len(pns)) < 0.3]] = ""

    nip = people["nip_text"].to_numpy().copy()

    # Dirt: spaced NIPs, unknown and empty education, an unknown position type.
    picks = rng.permutation(n)
    k_space = _n_dirty(n, 0.008)
    k_edu = _n_dirty(n, 0.003)
    k_noedu = _n_dirty(n, 0.003)
    spaced = picks[:k_space]
    nip[spaced] = [f"{s[:8]} {s[8:14]} {s[14]} {s[15:]}" for s in nip[spaced]]
    unknown = picks[k_space:k_space + k_edu]
    pendidikan[unknown] = _pick(rng, ["Kursus Komputer", "-"], len(unknown))
    if len(unknown) >= 2:
        pendidikan[unknown[:2]] = ["Kursus Komputer", "-"]
    pendidikan[picks[k_space + k_edu:k_space + k_edu + k_noedu]] = ""
    pelaksana = np.flatnonzero(ptype == 4)
    if len(pelaksana):
        expert = rng.permutation(pelaksana)[:_n_dirty(n, 0.002)]
        jenis[expert] = "Tenaga Ahli"
        jabatan[expert] = "Tenaga Ahli Sistem Informasi"

    return pd.DataFrame({
        "nip": nip, "nama": nama, "unit_kerja": people["unit_name"].to_numpy(dtype=object),
        "jenis_jabatan": jenis, "eselon": eselon, "jabatan": jabatan, "pendidikan": pendidikan,
        "status": status,
    })


def _head_title(name: str, kind: str) -> str:
    if kind == "setda":
        return {"Sekretariat Daerah": "Sekretaris Daerah", "Sekretariat DPRD": "Sekretaris DPRD"}.get(
            name, f"Kepala {name}")
    if kind == "rs":
        return f"Direktur {name}"
    if name == "Inspektorat":
        return "Inspektur"
    if kind == "kecamatan":
        return f"Camat {name.removeprefix('Kecamatan ')}"
    return f"Kepala {name}"


def _titles(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()
    unit = people["unit"].to_numpy()
    names = people["unit_name"].to_numpy()
    jabatan = np.empty(n, dtype=object)
    jabatan[ptype == 1] = _pick(rng, _ADMINISTRATOR, (ptype == 1).sum())
    jabatan[ptype == 2] = _pick(rng, _PENGAWAS, (ptype == 2).sum())
    jabatan[ptype == 4] = _pick(rng, _PELAKSANA, (ptype == 4).sum())
    jpt = np.flatnonzero(ptype == 0)
    for k in sorted(set(kind[jpt].tolist())):
        rows = jpt[kind[jpt] == k]
        jabatan[rows] = _pick(rng, _OTHER_JPT.get(k, _OTHER_JPT_DEFAULT), len(rows))
    # The first JPT of each unit is its head (rows are in export order: JPT first).
    first = jpt[np.r_[True, unit[jpt][1:] != unit[jpt][:-1]]] if len(jpt) else jpt
    for i in first:
        jabatan[i] = _head_title(names[i], kind[i])
    staf = np.flatnonzero(kind == "staf_ahli")
    jabatan[staf] = [_STAF_AHLI[j % len(_STAF_AHLI)] for j in range(len(staf))]
    fungsional = np.flatnonzero(ptype == 3)
    base = np.empty(len(fungsional), dtype=object)
    for k in sorted(set(kind[fungsional].tolist())):
        rows = kind[fungsional] == k
        base[rows] = _pick(rng, _FUNGSIONAL_BY_KIND.get(k, _FUNGSIONAL_UMUM), rows.sum())
    skill = _pick(rng, _SKILL_LEVELS, len(fungsional), p=[0.3, 0.3, 0.12, 0.15, 0.08, 0.05])
    jabatan[fungsional] = [f"{b} {s}" for b, s in zip(base, skill)]
    return jabatan


def _names(rng: np.random.Generator, people: pd.DataFrame, level: np.ndarray,
           jabatan: np.ndarray) -> np.ndarray:
    n = len(people)
    female = people["gender"].to_numpy() == 2
    kind = people["kind"].to_numpy()
    first = np.where(female, _pick(rng, _FEMALE, n), _pick(rng, _MALE, n))
    middle = np.where(female, _pick(rng, _FEMALE, n), _pick(rng, _MALE, n))
    last = np.where(female, _pick(rng, _FEMALE_LAST, n), _pick(rng, _MALE_LAST, n))
    shape = rng.random(n)  # < .15 one word, < .8 first + last, else three words
    titled = rng.random(n) < 0.75
    hajj = rng.random(n) < 0.08
    title_pick = rng.random((n, 2))
    born = people["nip_text"].str.slice(0, 4).astype(int).to_numpy()
    out = np.empty(n, dtype=object)
    for i in range(n):
        if shape[i] < 0.15:
            base = first[i]
        elif shape[i] < 0.8:
            base = f"{first[i]} {last[i]}"
        else:
            base = f"{first[i]} {middle[i]} {last[i]}"
        prefix, suffix = [], []
        if hajj[i] and born[i] < 1982:
            prefix.append("Hj." if female[i] else "H.")
        lv = level[i]
        doctor = str(jabatan[i]).startswith("Dokter")
        if doctor:
            prefix.insert(0, "dr.")
            if lv == 1:
                suffix.append("Sp.PD." if title_pick[i, 0] < 0.5 else "Sp.A.")
        elif titled[i] and lv <= 3:
            options = _BACHELOR_TITLE.get(kind[i], _BACHELOR_DEFAULT)
            bachelor = options[int(title_pick[i, 0] * len(options))]
            if lv == 3:
                bachelor = "S.Tr.Kes." if kind[i] in ("kesehatan", "rs") else "S.ST."
            if lv <= 1:
                masters = _MASTER_TITLE.get(kind[i], _MASTER_DEFAULT)
                master = masters[int(title_pick[i, 1] * len(masters))]
                suffix += [bachelor, master] if title_pick[i, 0] < 0.6 else [master]
                if lv == 0:
                    prefix.insert(0, "Dr.")
            else:
                suffix.append(bachelor)
        elif titled[i] and lv == 4:
            options = _DIPLOMA_TITLE.get(kind[i], ("A.Md.",))
            suffix.append(options[int(title_pick[i, 0] * len(options))])
        name = " ".join(prefix + [base])
        out[i] = f"{name}, {', '.join(suffix)}" if suffix else name
    return out


def _diklat_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()
    tmt = people["tmt"].to_numpy()
    parts: list[dict[str, np.ndarray]] = []
    end = np.datetime64(f"{tahun:04d}-12-31")

    # Leadership: ~75% matching the eselon, some one level lower or higher, some none; a matching
    # official often also has the previous level from earlier in the career.
    structural = np.flatnonzero(ptype <= 2)
    own = np.array([_ESELON_LEVEL[t] for t in ptype[structural]], dtype=np.int64)
    u = rng.random(len(structural))
    level = np.where(u < 0.75, own, np.where(u < 0.83, own + 1, np.where(u < 0.88, own - 1, 0)))
    level = np.where(level > 4, 0, level)
    earlier = (u < 0.75) & (own < 4) & (rng.random(len(structural)) < 0.4)
    who = np.concatenate([structural[level > 0], structural[earlier]])
    lv = np.concatenate([level[level > 0], own[earlier] + 1])
    if len(who):
        lo_year = np.maximum(tmt[who] + 2, tahun - 20)
        first = _year_start(np.minimum(lo_year, tahun))
        days = _random_days(rng, first, np.full(len(who), end))
        # the earlier, lower-level training ends before the matching one
        n_main = (level > 0).sum()
        earlier_days = days[n_main:] - rng.integers(365 * 2, 365 * 6, len(who) - n_main)
        days[n_main:] = np.maximum(earlier_days, _year_start(tmt[who[n_main:]] + 1))
        era = np.searchsorted([2000, 2019], days.astype("datetime64[Y]").astype(np.int64) + 1970,
                              side="right")
        names = np.empty(len(who), dtype=object)
        for i, (v, e, r) in enumerate(zip(lv.tolist(), era.tolist(), rng.random(len(who)).tolist())):
            options = _LEADERSHIP_NAMES[v][e]
            names[i] = options[int(r * len(options))]
        tingkat = np.where(rng.random(len(who)) < 0.4,
                           np.array([_ROMAN[v] for v in lv], dtype=object), "")
        jp = np.where(rng.random(len(who)) < 0.7, np.array([_LEADERSHIP_JP[v] for v in lv], dtype=object), "")
        parts.append({"emp": who, "jenis": _pick(rng, _LEADERSHIP_KIND, len(who), p=[0.5, 0.3, 0.2]),
                      "nama": names, "tingkat": tingkat, "days": days, "jp": jp, "cat": np.zeros(len(who))})

    # Functional: ~60% of functional officials, any time in the last ten years.
    fungsional = np.flatnonzero(ptype == 3)
    who = fungsional[rng.random(len(fungsional)) < 0.6]
    if len(who):
        first = _year_start(np.minimum(np.maximum(tmt[who], tahun - 10), tahun))
        days = _random_days(rng, first, np.full(len(who), end))
        label = {"pendidikan": "Guru", "kesehatan": "Tenaga Kesehatan", "rs": "Tenaga Kesehatan",
                 "inspektorat": "Auditor", "kepegawaian": "Analis SDM Aparatur"}
        topic = np.array([label.get(k, "Analis Kebijakan") for k in kind[who]], dtype=object)
        prefix = _pick(rng, ["Diklat Fungsional", "Pelatihan Pembentukan Jabatan Fungsional",
                             "Diklat Penjenjangan"], len(who))
        parts.append({"emp": who, "jenis": _pick(rng, _FUNCTIONAL_KIND, len(who)),
                      "nama": np.array([f"{p} {t}" for p, t in zip(prefix, topic)], dtype=object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": _pick(rng, ["40", "60", "80", "120", "150", ""], len(who),
                                  p=[0.15, 0.2, 0.25, 0.2, 0.1, 0.1]),
                      "cat": np.ones(len(who))})

    window_first = np.datetime64(f"{tahun - 3:04d}-01-01")

    # Technical: 0-3 per person over tahun-3 .. tahun, 8-60 JP.
    count = rng.choice(4, size=n, p=[0.35, 0.35, 0.2, 0.1])
    who = np.repeat(np.arange(n), count)
    if len(who):
        days = _random_days(rng, np.full(len(who), window_first), np.full(len(who), end))
        jp_value = _pick(rng, _TECHNICAL_JP, len(who), p=_TECHNICAL_JP_P).astype(np.int64) * 100
        half = rng.random(len(who)) < 0.01
        jp_value[half] += 50
        parts.append({"emp": who, "jenis": _pick(rng, _TECHNICAL_KIND, len(who), p=[0.4, 0.35, 0.25]),
                      "nama": np.char.add("Pelatihan ", _pick(rng, _TECHNICAL_TOPICS, len(who)).astype(str)
                                          ).astype(object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": _format_hundredths(jp_value), "cat": np.full(len(who), 2.0)})
        parts[-1]["nama"] = np.where(parts[-1]["jenis"] == "Bimtek",
                                     np.char.replace(parts[-1]["nama"].astype(str), "Pelatihan", "Bimtek"
                                                     ).astype(object), parts[-1]["nama"])

    # Seminars and similar: 0-4 per person over tahun-3 .. tahun.
    count = rng.choice(5, size=n, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    who = np.repeat(np.arange(n), count)
    if len(who):
        days = _random_days(rng, np.full(len(who), window_first), np.full(len(who), end))
        jenis = _pick(rng, _SEMINAR_KIND, len(who), p=_SEMINAR_KIND_P)
        topic = _pick(rng, _SEMINAR_TOPICS, len(who))
        parts.append({"emp": who, "jenis": jenis,
                      "nama": np.array([f"{j} {t}" for j, t in zip(jenis, topic)], dtype=object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": _pick(rng, ["", "", "2", "3", "4", "8"], len(who)),
                      "cat": np.full(len(who), 3.0)})

    columns = ("emp", "jenis", "nama", "tingkat", "days", "jp", "cat")
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SHEET_COLUMNS["diklat"]})
    data = {c: np.concatenate([p[c] for p in parts]) for c in columns}
    # A few trainings end after the reference date (registered in advance).
    later = np.flatnonzero(data["cat"] >= 2)
    if len(later):
        moved = rng.permutation(later)[:_n_dirty(len(later), 0.004)]
        data["days"][moved] = _random_days(rng, np.full(len(moved), end + 1), np.full(len(moved), end + 90))
    order = np.lexsort((data["cat"], data["days"].astype(np.int64), data["emp"]))
    data = {c: v[order] for c, v in data.items()}
    frame = pd.DataFrame({
        "nip": people["nip_text"].to_numpy()[data["emp"]], "jenis": data["jenis"], "nama_diklat": data["nama"],
        "tingkat": data["tingkat"], "tanggal_selesai": _format_dates(data["days"]), "jp": data["jp"],
    })
    cat = data["cat"]

    # Dirt: impossible dates, negative JP, empty JP on a technical row, an exact duplicate row.
    teknis = rng.permutation(np.flatnonzero(cat == 2))
    seminar = rng.permutation(np.flatnonzero(cat == 3))
    k = _n_dirty(len(frame), 0.003)
    bad_dates = seminar[:k]
    frame.loc[bad_dates, "tanggal_selesai"] = [
        f"31-02-{tahun - 1}" if j % 2 == 0 else "kemarin" for j in range(len(bad_dates))]
    k = _n_dirty(len(frame), 0.002)
    negative, teknis = teknis[:k], teknis[k:]
    frame.loc[negative, "jp"] = ["-" + v for v in frame.loc[negative, "jp"]]
    k = _n_dirty(len(frame), 0.002)
    empty_jp, teknis = teknis[:k], teknis[k:]
    frame.loc[empty_jp, "jp"] = ""
    k = _n_dirty(len(frame), 0.002)
    duplicated = np.sort(teknis[:k])
    return _insert_after(frame, duplicated, frame.loc[duplicated])


def _kinerja_values(rng: np.random.Generator, m: int) -> np.ndarray:
    """SKP values in hundredths: mostly 76-95, some above 90, a few low, a few on band boundaries."""
    values = np.clip(rng.normal(86.5, 4.8, m), 76.01, 97.5)
    u = rng.random(m)
    values = np.where(u < 0.06, rng.uniform(60.01, 76.0, m), values)
    values = np.where(u > 0.988, rng.uniform(40.0, 60.0, m), values)
    values = np.where((u > 0.985) & (u <= 0.986), rng.uniform(100.5, 108.0, m), values)
    hundredths = np.rint(values * 100).astype(np.int64)
    boundary = rng.permutation(m)[:4 * _n_dirty(m, 0.004, minimum=2)] if m >= 8 else np.empty(0, int)
    hundredths[boundary] = np.resize(np.array([9000, 7500, 6000, 5000]), len(boundary))
    return hundredths


def _predicate_for(hundredths: np.ndarray) -> np.ndarray:
    return np.select([hundredths > 9000, hundredths > 7500, hundredths > 6000, hundredths > 5000],
                     ["Sangat Baik", "Baik", "Cukup", "Kurang"], "Sangat Kurang").astype(object)


def _kinerja_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    pns = np.flatnonzero(people["status"].to_numpy() == "PNS")
    tmt = people["tmt"].to_numpy()
    last = pns[rng.random(len(pns)) < 0.93]
    before = pns[(tmt[pns] <= tahun - 3) & (rng.random(len(pns)) < 0.4)]
    emp = np.concatenate([before, last])
    year = np.concatenate([np.full(len(before), tahun - 2), np.full(len(last), tahun - 1)])
    m = len(emp)
    hundredths = _kinerja_values(rng, m)
    nilai = _format_hundredths(hundredths)
    predikat = np.where(rng.random(m) < 0.3, _predicate_for(hundredths), "").astype(object)
    only_predicate = rng.random(m) < 0.08
    nilai[only_predicate] = ""
    predikat[only_predicate] = _pick(rng, _PREDIKAT, only_predicate.sum(), p=[0.2, 0.72, 0.06, 0.02])
    order = np.lexsort((year, emp))
    nip = people["nip_text"].to_numpy()
    frame = pd.DataFrame({"nip": nip[emp[order]], "tahun": year[order].astype(str),
                          "nilai": nilai[order], "predikat": predikat[order]})
    hundredths = hundredths[order]
    valued = np.flatnonzero((frame["nilai"] != "").to_numpy() & (frame["tahun"] == str(tahun - 1)).to_numpy())

    # Dirt: a second, different assessment for the same employee and year ...
    k = min(len(valued), _n_dirty(len(frame), 0.002))
    clash = np.sort(rng.permutation(valued)[:k])
    extra = frame.loc[clash].copy()
    extra["nilai"] = _format_hundredths(np.minimum(hundredths[clash] + rng.integers(100, 600, k), 9999))
    extra["predikat"] = ""
    frame = _insert_after(frame, clash, extra)
    # ... and assessments of people not (or no longer) in the pegawai sheet.
    k = _n_dirty(max(len(frame), 3), 0.004)
    known = set(people["nip_text"].tolist())
    strangers, _ = _nips(rng, np.full(k + 5, "PNS", dtype=object), tahun)
    strangers = [s for s in strangers.astype(str).tolist() if s not in known][:k]
    rows = pd.DataFrame({"nip": strangers, "tahun": str(tahun - 1),
                         "nilai": _format_hundredths(_kinerja_values(rng, len(strangers))),
                         "predikat": ""})
    where = np.sort(rng.integers(0, len(frame) + 1, len(rows)))
    return _insert_after(frame, where - 1, rows)


def _hukdis_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    n = len(people)
    punished = np.flatnonzero(rng.random(n) < 0.03)
    if len(punished) < 3 and n >= 3:
        punished = np.sort(rng.permutation(n)[:3])
    count = np.where(rng.random(len(punished)) < 0.2, 2, 1)
    emp = np.repeat(punished, count)
    m = len(emp)
    days = _random_days(rng, np.full(m, np.datetime64(f"{tahun - 7:04d}-01-01")),
                        np.full(m, np.datetime64(f"{tahun:04d}-12-31")))
    severity = rng.choice(3, size=m, p=[0.6, 0.28, 0.12])
    tingkat = np.empty(m, dtype=object)
    for s, (spellings, p) in enumerate(_DISCIPLINE_SPELLING):
        rows = np.flatnonzero(severity == s)
        tingkat[rows] = _pick(rng, spellings, len(rows), p=p)
    order = np.lexsort((days.astype(np.int64), emp))
    frame = pd.DataFrame({"nip": people["nip_text"].to_numpy()[emp[order]], "tingkat": tingkat[order],
                          "tanggal": _format_dates(days[order])})
    # Dirt: a level that is not a disciplinary punishment under PP 94/2021.
    adat = rng.permutation(m)[:_n_dirty(m, 0.02)]
    frame.loc[adat, "tingkat"] = "Sanksi Adat"
    return frame


# --- writing -----------------------------------------------------------------------------------

def _xlsx_bytes(frames: dict[str, pd.DataFrame], tahun: int) -> bytes:
    widths = {"nip": 24, "tanggal_selesai": 24}
    return workbook_bytes({name: frames[name][list(columns)] for name, columns in SHEET_COLUMNS.items()},
                          stamp=dt.datetime(tahun, 12, 31), creator="ipasn.demo",
                          title="Data demo IP ASN (sintetis)",
                          widths={**{c: 18 for cols in SHEET_COLUMNS.values() for c in cols}, **widths})


def write_demo(path: str | Path, **kwargs) -> Path:
    """Write `make_demo(**kwargs)`: one .xlsx workbook, or a folder of four CSV files.

    The workbook has sheets pegawai, diklat, kinerja, hukdis with every cell as text; its bytes depend
    only on the arguments. Any other path is a folder that receives pegawai.csv, diklat.csv,
    kinerja.csv and hukdis.csv (UTF-8, comma-separated).
    """
    path = Path(path)
    frames = make_demo(**kwargs)
    tahun = int(kwargs.get("tahun", 2022))
    if path.suffix.lower() == ".xlsx":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_xlsx_bytes(frames, tahun))
        return path
    path.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(path / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    return path
