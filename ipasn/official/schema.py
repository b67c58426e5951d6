"""The contract of BKN's official per-NIP results: the columns of the three layouts offices have, and
the problem codes their validation reports.

The three layouts: SIASN's IP ASN result (API `nilaiipasn` fields: nip_baru, nama, jenis_jabatan,
jenjang_jabatan, kualifikasi, kompetensi, kinerja, disiplin, subtotal, keterangan_*, tahun), the DJASN
progress table (nip, the four dimensions, total, tgl_update) and the per-satker workbook (title rows,
then No, Nama, NIP, Nama Jabatan, Satuan Kerja, the four dimensions, Total). Headers match as for
exports (case, spaces and underscores ignored; title rows above the header skipped).
"""

from __future__ import annotations

from ipasn.ruleset import DIMENSIONS
from ipasn.input.schema import NIP, Column, Sheet

ROLE = "resmi"
UNUSED_UPDATE = "tanggal pembaruan di SIASN: tidak dipakai untuk perbandingan"
UNUSED_LEVEL = "jenjang jabatan: ditampilkan BKN, tidak dipakai untuk perbandingan"

RESMI = Sheet(
    ROLE,
    (
        NIP,
        Column("nama", ("nama", "nama pegawai", "nama lengkap", "nama pns"), required=False, own_name=False),
        # Only the per-satker workbook names the unit; otherwise it comes from the export by NIP.
        Column("unit_kerja", ("satuan kerja", "satker", "unit kerja", "unor induk nama", "unor induk",
                              "unor nama", "unor", "skpd", "opd", "perangkat daerah", "satuan kerja nama"),
               required=False),
        Column("jabatan", ("nama jabatan", "jabatan nama", "jabatan"), required=False),
        Column("jenis_jabatan", ("jenis jabatan", "jenis jabatan nama"), required=False),
        Column("jenjang_jabatan", ("jenjang jabatan",), required=False, unused=UNUSED_LEVEL),
        *(Column(d, (d, f"nilai {d}")) for d in DIMENSIONS),
        Column("total", ("subtotal", "sub total", "total", "nilai total", "nilai ip asn", "ip asn", "jumlah"),
               required=False),
        *(Column(f"keterangan_{d}", (f"keterangan {d}", f"ket {d}"), required=False) for d in DIMENSIONS),
        Column("tahun", ("tahun", "tahun penilaian", "periode"), required=False),
        Column("tgl_update", ("tgl update", "tanggal update", "tanggal pembaruan", "updated at"),
               required=False, unused=UNUSED_UPDATE),
    ),
    required=True,
)
SPECS = {ROLE: RESMI}

# Problem codes of the official file -> the sentence an analyst reads. Codes shared with the export's
# validation (NIP_KOSONG, NIP_ANGKA, NIP_TIDAK_VALID, DUPLIKAT_PERSIS, GALAT_EXCEL) keep their text.
PROBLEMS = {
    "NILAI_RESMI_KOSONG": "nilai dimensi kosong; dimensi ini tidak dibandingkan",
    "NILAI_RESMI_BUKAN_ANGKA": "nilai dimensi bukan angka; dimensi ini tidak dibandingkan",
    "NILAI_RESMI_DI_LUAR_RENTANG": "nilai dimensi di luar 0 sampai nilai maksimum dimensi; tidak dibandingkan",
    "NILAI_RESMI_TIDAK_SESUAI_POIN": (
        "nilai dimensi bukan salah satu poin menurut aturan; tetap dibandingkan apa adanya"),
    "TOTAL_RESMI_BUKAN_JUMLAH": (
        "total BKN tidak sama dengan jumlah keempat dimensi (total / jumlah); yang dipakai jumlah dimensi"),
    "TOTAL_RESMI_BUKAN_ANGKA": "total bukan angka; yang dipakai jumlah keempat dimensi",
    "NIP_GANDA_RESMI": "NIP muncul lebih dari sekali dengan nilai berbeda; tidak satu pun dibandingkan",
    "TAHUN_RESMI_BERBEDA": "baris untuk tahun lain dari tahun yang dibandingkan; tidak dipakai",
}
# Findings that leave the row's numbers fully usable.
HARMLESS = frozenset({"NILAI_RESMI_TIDAK_SESUAI_POIN", "TOTAL_RESMI_BUKAN_JUMLAH", "TOTAL_RESMI_BUKAN_ANGKA",
                      "DUPLIKAT_PERSIS", "GALAT_EXCEL"})
