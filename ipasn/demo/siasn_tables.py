"""SIASN's downloads as the demo writes them: file names, columns, ids and names, the shares of mess,
and the SKPD of the demo province.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    kind: str  # key into pools.FUNGSIONAL_BY_KIND per kind of unit
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
SUBBAG = ("Sub Bagian Umum dan Kepegawaian", "Sub Bagian Keuangan")
STRUCTURAL_SHARE = 0.2  # of an SKPD's employees, up to every structural post it has


def skpd_table(units: int) -> list[_Skpd]:
    table = list(_SKPD[:units])
    for i in range(len(table), units):
        name = f"Unit Kerja {i + 1}"
        table.append(_Skpd(name, 40, "umum", f"Kepala {name}",
                           (("Bidang Program dan Pelaporan", "Seksi Evaluasi dan Pelaporan"),
                            ("Bidang Pelayanan", "Seksi Pelayanan Umum")), f"UPT {name}"))
    return table


def skpd_posts(skpd: _Skpd) -> list[tuple[str, str, str, str]]:
    """The SKPD's structural posts, most senior first: (jabatan, sub-unit, position type, eselon id)."""
    bidang = [(f"Kepala {b}", b, "Administrator", "32") for b, _ in skpd.divisions]
    seksi = [(f"Kepala {s}", s, "Pengawas", "42") for _, s in skpd.divisions]
    subbag = [(f"Kepala {s}", s, "Pengawas", "41") for s in SUBBAG]
    posts = [(skpd.head, skpd.name, "JPT", "21"), ("Sekretaris", "Sekretariat", "Administrator", "31"),
             bidang[0], subbag[0], *bidang[1:2], seksi[0], (f"Kepala {skpd.upt}", skpd.upt, "Pengawas", "41"),
             subbag[1], *seksi[1:2]]
    for b, s in zip(bidang[2:], seksi[2:]):
        posts += [b, s]
    return posts


# --- positions, education, ranks ------------------------------------------------------------------

ESELON_NAMA = {"21": "II.a", "22": "II.b", "31": "III.a", "32": "III.b", "41": "IV.a", "42": "IV.b"}
TYPE_ID = {"JPT": "1", "Administrator": "1", "Pengawas": "1", "Fungsional": "2", "Pelaksana": "4"}
TYPE_NAME = {"1": "Struktural", "2": "Fungsional Tertentu", "4": "Fungsional Umum"}
SKILL = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Terampil", "Mahir", "Penyelia")
SKILL_P = (0.32, 0.3, 0.1, 0.14, 0.09, 0.05)

# Education levels in the order of pools.EDU_P: (SIASN id, TINGKAT PENDIDIKAN NAMA) choices.
LEVELS = (
    (("50", "S-3"),), (("45", "S-2"),), (("40", "S-1"),), (("35", "D-IV"),), (("30", "D-III"),),
    (("25", "D-II"), ("20", "D-I")), (("15", "SLTA"), ("17", "SLTA Kejuruan")), (("10", "SLTP"),), (("05", "SD"),),
)
MAJORS = {
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
SCHOOL_MAJORS = {"15": ("SMA IPA", "SMA IPS", "SMU IPS", "Madrasah Aliyah"),
                  "17": ("SMK Akuntansi", "SMEA", "STM Bangunan", "SMK Teknik Komputer dan Jaringan"),
                  "10": ("SMP", "SLTP Negeri"), "05": ("SD", "Sekolah Dasar")}
GOLONGAN = ("I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
             "IV/a", "IV/b", "IV/c", "IV/d", "IV/e")
# First rank by education level (index into GOLONGAN) and the highest rank it normally reaches.
GOL_START = {"50": 9, "45": 9, "40": 8, "35": 8, "30": 6, "25": 5, "20": 4, "15": 4, "17": 4, "10": 1, "05": 0}
GOL_CAP = {"50": 16, "45": 15, "40": 13, "35": 13, "30": 11, "25": 10, "20": 10, "15": 10, "17": 10,
            "10": 7, "05": 7}
GOL_MIN = {"JPT": 14, "Administrator": 12, "Pengawas": 10}
PPPK_GOL = {"45": "X", "40": "IX", "35": "IX", "30": "VII", "15": "V", "17": "V"}

# --- trainings ------------------------------------------------------------------------------------

# SIASN LATIHAN STRUKTURAL ID -> (its name, the eselon level it belongs to).
LATIHAN_STRUKTURAL = {"1": ("SEPADA", 5), "2": ("PIM IV/ADUM/SEPALA", 4), "3": ("PIM III/SPAMA/SEPADYA", 3),
                      "4": ("PIM II/SPAMEN/SESPA", 2), "5": ("PIM I/SEPATI", 1)}
LS_ID = {level: ls_id for ls_id, (_, level) in LATIHAN_STRUKTURAL.items()}
ANGKATAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
LEADERSHIP_JP = {1: 400, 2: 360, 3: 300, 4: 285, 5: 180}
LEADERSHIP_DAYS = {1: 120, 2: 110, 3: 95, 4: 85, 5: 40}
LAN_NAMES = {1: "Pelatihan Kepemimpinan Nasional Tingkat I", 2: "Pelatihan Kepemimpinan Nasional Tingkat II",
              3: "Pelatihan Kepemimpinan Administrator", 4: "Pelatihan Kepemimpinan Pengawas"}
LAN_SHORT = {1: "PKN Tingkat I", 2: "PKN Tingkat II", 3: "PKA", 4: "PKP"}
OLD_NAMES = {1: "SEPATI", 2: "SPAMEN", 3: "SPAMA", 4: "ADUM", 5: "SEPADA"}
LEADERSHIP_HOST = {1: ("Lembaga Administrasi Negara",), 2: ("Lembaga Administrasi Negara",
                                                             "PPSDM Kemendagri Regional Bukittinggi"),
                    3: ("BPSDMD Provinsi Demo", "PPSDM Kemendagri Regional Makassar"),
                    4: ("BPSDMD Provinsi Demo",), 5: ("Badan Diklat Provinsi Demo",)}
FUNCTIONAL_TOPIC = {"pendidikan": "Guru", "kesehatan": "Tenaga Kesehatan", "kepegawaian": "Analis SDM Aparatur",
                     "pupr": "Teknik Jalan dan Jembatan", "keuangan": "Analis Keuangan", "sosial": "Pekerja Sosial",
                     "umum": "Analis Kebijakan"}
HOSTS = ("BPSDMD Provinsi Demo", "Badan Kepegawaian Negara", "Lembaga Administrasi Negara",
          "Kementerian Dalam Negeri", "LKPP", "Kementerian Keuangan", "Kementerian Kesehatan",
          "Universitas Lambung Mangkurat")
KURSUS_KINDS = ("Seminar", "Workshop", "Kursus", "Webinar", "Sosialisasi")
KURSUS_KIND_P = (0.25, 0.2, 0.1, 0.35, 0.1)
TECHNICAL_JP = (16, 20, 24, 30, 32, 40, 45, 60)
BIMTEK_JP = (8, 12, 16, 20, 24, 32)

# --- assessments and punishments ------------------------------------------------------------------

PREDICATE_ONLY_FROM = 2022  # PermenPANRB 6/2022: the SKP of 2022 on is a predicate only
PREDICATES = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
PREDICATE_P = (0.2, 0.72, 0.05, 0.02, 0.01)
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
LEVEL_P = (0.55, 0.3, 0.15)
PUNISHED_SHARE = 0.05
