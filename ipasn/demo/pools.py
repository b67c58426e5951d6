"""What the synthetic instansi is drawn from: units and their sizes, names, positions, education and
titles, trainings, predicates. Both demo generators (contract.py, siasn.py) draw from these.
"""

from __future__ import annotations

import numpy as np

# --- units -------------------------------------------------------------------------------------

# (name, relative size, kind). The order is the order units are taken in: `units=10` takes the first
# ten. Kind "staf_ahli" is the edge case: a unit of three eselon II officials.
UNITS: tuple[tuple[str, float, str], ...] = (
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
EXTRA_UNIT_WEIGHT = 40.0  # "Unit Kerja 64", ... beyond the list
STAF_AHLI_SIZE = 3

# --- people ------------------------------------------------------------------------------------

MALE = np.array([
    "Ahmad", "Muhammad", "Abdul", "Akhmad", "Budi", "Agus", "Bambang", "Eko", "Hendra", "Rudi", "Joko",
    "Slamet", "Wahyu", "Dedi", "Rahmat", "Syahrani", "Fauzan", "Rizky", "Arif", "Yusuf", "Hasan",
    "Husin", "Ilham", "Irfan", "Gusti", "Anang", "Aliansyah", "Noor", "Fahmi", "Taufik", "Zainal",
    "Mulyadi", "Suriansyah", "Hairil", "Rusdi", "Iwan", "Andi", "Ferry", "Yudi", "Hery", "Bayu",
    "Imam", "Khairil", "Lukman", "Nanang", "Ridwan", "Samsul", "Teguh", "Umar", "Wawan", "Zulkifli",
    "Ma'ruf", "Fathurrahman", "Saipul", "Jailani", "Hamdani", "Yosep", "Paulus",
], dtype=object)
FEMALE = np.array([
    "Siti", "Nur", "Dewi", "Sri", "Rina", "Wulan", "Ratna", "Fitri", "Yuliana", "Rahmah", "Aminah",
    "Noorhayati", "Fatimah", "Erna", "Lestari", "Indah", "Maya", "Nurul", "Rizka", "Ayu", "Dian",
    "Eka", "Herlina", "Ika", "Juliani", "Kartini", "Lina", "Mariani", "Novita", "Putri", "Rabi'ah",
    "Nur'aini", "Safitri", "Tuti", "Umi", "Winda", "Yanti", "Zahra", "Normila", "Halimah",
    "Mahmudah", "Raudah", "Jamilah", "Maria", "Agustina", "Hairunnisa", "Husna", "Laila", "Melati",
], dtype=object)
MALE_LAST = np.array([
    "Saputra", "Kurniawan", "Setiawan", "Pratama", "Santoso", "Nugroho", "Hidayat", "Rahman", "Fauzi",
    "Maulana", "Firdaus", "Hakim", "Rahmadi", "Effendi", "Wijaya", "Gunawan", "Arsyad", "Syarifuddin",
    "Rahmatullah", "Hidayatullah", "Fadillah", "Ramadhan", "Prasetyo", "Siregar", "Nasution",
    "Harahap", "Lubis", "Simanjuntak", "Noor", "Mahdi", "Anshari", "Syafi'i",
], dtype=object)
FEMALE_LAST = np.array([
    "Sari", "Wati", "Lestari", "Hasanah", "Rahmawati", "Handayani", "Wulandari", "Puspitasari",
    "Anggraini", "Kusumawati", "Fitriani", "Ningsih", "Rahayu", "Susanti", "Yuliani", "Marlina",
    "Fadilah", "Khairunnisa", "Noviyanti", "Aulia", "Siregar", "Nasution", "Lubis",
], dtype=object)

# --- positions ---------------------------------------------------------------------------------

# Mix among PNS, so that with 5% CPNS and 5% PPPK (all Fungsional or Pelaksana) the whole instansi
# comes to about 2 / 6 / 14 / 38 / 40 percent.
PNS_TYPE_P = np.array([0.0222, 0.0667, 0.1556, 0.35, 0.4055])
ESELON_LEVEL = {0: 2, 1: 3, 2: 4}

ADMINISTRATOR = np.array([
    "Sekretaris", "Kepala Bidang Perencanaan", "Kepala Bidang Pelayanan", "Kepala Bagian Umum",
    "Kepala Bidang Pengendalian dan Evaluasi", "Kepala Bidang Pembinaan", "Kepala Bagian Keuangan",
    "Kepala UPT",
], dtype=object)
PENGAWAS = np.array([
    "Kepala Sub Bagian Umum dan Kepegawaian", "Kepala Sub Bagian Keuangan", "Kepala Sub Bagian Program",
    "Kepala Seksi Pelayanan", "Kepala Seksi Pembinaan", "Kepala Seksi Pengendalian",
    "Kepala Seksi Data dan Informasi", "Kepala Sub Bagian Tata Usaha",
], dtype=object)
PELAKSANA = np.array([
    "Pengadministrasi Umum", "Pengolah Data", "Pengadministrasi Keuangan", "Bendahara Pengeluaran",
    "Pengemudi", "Pengelola Barang Milik Daerah", "Verifikator Keuangan", "Pengadministrasi Kepegawaian",
    "Pengelola Program dan Kegiatan", "Caraka", "Pengelola Data Pelaporan", "Petugas Keamanan",
], dtype=object)
FUNGSIONAL_UMUM = (
    "Analis Kebijakan", "Perencana", "Pranata Komputer", "Arsiparis", "Pustakawan",
    "Pengelola Pengadaan Barang/Jasa", "Pranata Hubungan Masyarakat", "Statistisi",
)
FUNGSIONAL_BY_KIND = {
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
SKILL_LEVELS = np.array(["Ahli Pertama", "Ahli Muda", "Ahli Madya", "Terampil", "Mahir", "Penyelia"],
                         dtype=object)
STAF_AHLI = (
    "Staf Ahli Gubernur Bidang Pemerintahan, Politik dan Hukum",
    "Staf Ahli Gubernur Bidang Ekonomi, Keuangan dan Pembangunan",
    "Staf Ahli Gubernur Bidang Kemasyarakatan dan Sumber Daya Manusia",
)
# Eselon II positions other than the unit's head.
OTHER_JPT = {
    "setda": ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
              "Asisten Administrasi Umum", "Kepala Biro Pemerintahan", "Kepala Biro Hukum",
              "Kepala Biro Organisasi"),
    "rs": ("Wakil Direktur Pelayanan", "Wakil Direktur Umum dan Keuangan",
           "Wakil Direktur Penunjang Medik"),
    "pendidikan": tuple(f"Kepala Cabang Dinas Pendidikan Wilayah {r}"
                        for r in ("I", "II", "III", "IV", "V", "VI", "VII")),
}
OTHER_JPT_DEFAULT = STAF_AHLI

# --- education ---------------------------------------------------------------------------------

# Levels: S-3, S-2, S-1, D-IV, D-III, D-II/D-I, SLTA, SMP, SD. Rows: position type. Calibrated so that
# with the default position mix the instansi follows the national mix (BKN, 31 Dec 2023).
EDU_P = np.array([
    [0.10, 0.75, 0.15, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00],       # JPT
    [0.02, 0.50, 0.45, 0.03, 0.00, 0.00, 0.00, 0.00, 0.00],       # Administrator
    [0.00, 0.25, 0.65, 0.05, 0.05, 0.00, 0.00, 0.00, 0.00],       # Pengawas
    [0.015, 0.10, 0.655, 0.04, 0.17, 0.01, 0.01, 0.00, 0.00],     # Fungsional
    [0.00, 0.02, 0.4772, 0.004, 0.1025, 0.033, 0.3355, 0.019, 0.0088],  # Pelaksana
])
EDU_P = EDU_P / EDU_P.sum(axis=1, keepdims=True)
# Spellings per level with their weights; SIASN codes among them.
EDU_SPELLING = (
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
BACHELOR_TITLE = {
    "pendidikan": ("S.Pd.", "S.Pd.", "S.Pd.", "S.Si.", "S.Kom."),
    "kesehatan": ("S.Kep., Ners", "S.KM.", "S.Farm., Apt.", "S.Gz."),
    "rs": ("S.Kep., Ners", "S.Kep., Ners", "S.Farm., Apt.", "S.KM."),
    "pupr": ("S.T.", "S.T.", "S.E."),
    "inspektorat": ("S.E., Ak.", "S.E.", "S.H."),
}
BACHELOR_DEFAULT = ("S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.AP.", "S.IP.", "S.Hut.", "S.Pi.")
MASTER_TITLE = {
    "pendidikan": ("M.Pd.", "M.Pd.", "M.Si."),
    "kesehatan": ("M.Kes.", "M.Kep.", "M.KM."),
    "rs": ("M.Kes.", "M.Kep.", "M.M.R.S."),
    "pupr": ("M.T.", "M.T.", "M.Si."),
    "inspektorat": ("M.Ak.", "M.Si.", "M.M."),
}
MASTER_DEFAULT = ("M.Si.", "M.M.", "M.H.", "M.AP.", "M.Si.")
DIPLOMA_TITLE = {"kesehatan": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Farm."),
                  "rs": ("A.Md.Kep.", "A.Md.Keb.", "A.Md.Rad.", "A.Md.Kep.")}

# --- trainings ---------------------------------------------------------------------------------

# Names by era: SEPATI/SPAMEN/SPAMA/ADUM until 2000, Diklatpim I-IV until 2018, PKN/PKA/PKP since 2019
# (Peraturan LAN 2019); some exports keep the old name for a new course.
LEADERSHIP_NAMES = {
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
LEADERSHIP_JP = {1: "400", 2: "360", 3: "300", 4: "285"}
LEADERSHIP_KIND = np.array(["Kepemimpinan", "Struktural", "Diklat PIM"], dtype=object)
FUNCTIONAL_KIND = np.array(["Fungsional", "Diklat Fungsional", "Fungsional"], dtype=object)
TECHNICAL_KIND = np.array(["Teknis", "Bimtek", "Diklat Teknis"], dtype=object)
TECHNICAL_TOPICS = np.array([
    "Penyusunan SKP", "Pengadaan Barang/Jasa Pemerintah", "Pengelolaan Keuangan Daerah",
    "Aplikasi SIPD", "Pengelolaan Barang Milik Daerah", "Penyusunan Laporan Kinerja",
    "Kearsipan Dinamis", "Manajemen Risiko", "Penyusunan Standar Pelayanan", "SIASN",
    "Kurikulum Merdeka", "Pelayanan Prima", "Penanganan Pengaduan", "Penyusunan Anggaran",
    "Keselamatan Pasien", "Audit Kinerja", "Analisis Jabatan", "Sistem Informasi Geografis",
    "Penulisan Naskah Dinas", "Manajemen Aset",
], dtype=object)
TECHNICAL_JP = np.array([8, 10, 12, 16, 18, 20, 24, 25, 30, 32, 36, 40, 45, 48, 56, 60])
TECHNICAL_JP_P = np.array([9, 6, 6, 9, 5, 8, 8, 5, 8, 8, 4, 6, 3, 4, 2, 2], dtype=float)
SEMINAR_KIND = np.array(["Seminar", "Workshop", "Webinar", "Kursus", "Magang"], dtype=object)
SEMINAR_KIND_P = np.array([0.3, 0.25, 0.3, 0.1, 0.05])
SEMINAR_TOPICS = np.array([
    "Reformasi Birokrasi", "Smart ASN", "Manajemen Talenta ASN", "Zona Integritas",
    "Transformasi Digital Pemerintahan", "Pencegahan Korupsi", "Moderasi Beragama",
    "Sistem Merit", "Bahasa Inggris", "Public Speaking", "Inovasi Pelayanan Publik",
    "Kesehatan Mental ASN", "Keterbukaan Informasi Publik", "Pengarusutamaan Gender",
], dtype=object)

PREDIKAT = np.array(["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang"], dtype=object)
DISCIPLINE_SPELLING = (
    (("Ringan", "R", "Teguran tertulis", "Teguran Lisan"), (0.45, 0.25, 0.2, 0.1)),
    (("Sedang", "S", "Penundaan Kenaikan Pangkat"), (0.55, 0.35, 0.1)),
    (("Berat", "B"), (0.65, 0.35)),
)
