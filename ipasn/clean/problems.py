"""Problem codes: every reason a cell or row is not used as written, and the sentence the user reads.

`PROBLEMS` is the one registry of failure reasons: parsers return its keys, findings carry them.
"""

from __future__ import annotations

import pandas as pd

# Stable problem codes -> the sentence an analyst reads (Indonesian).
PROBLEMS = {
    "NIP_KOSONG": "NIP kosong",
    "NIP_ANGKA": "NIP tersimpan sebagai angka sehingga digit bisa hilang; simpan kolom NIP sebagai teks",
    "NIP_TIDAK_VALID": "NIP harus 18 digit angka",
    "NIP_GANDA": "NIP muncul lebih dari sekali di lembar pegawai",
    "NIP_TIDAK_ADA_DI_PEGAWAI": "NIP tidak ada di lembar pegawai",
    "NAMA_KOSONG": "nama kosong",
    "UNIT_KOSONG": "unit kerja kosong",
    "STATUS_TIDAK_DIKENALI": "status kepegawaian tidak dikenali; pegawai dihitung terdaftar tetapi tidak diukur",
    "KEDUDUKAN_TIDAK_DIKENALI": "kedudukan hukum tidak dikenali; pegawai dihitung terdaftar tetapi tidak diukur",
    "STATUS_BERTENTANGAN": "status kepegawaian dan kedudukan hukum saling bertentangan; pegawai tidak diukur",
    "KODE_NAMA_BERBEDA": "kode (ID) dan nama di sebelahnya tidak sesuai; yang dipakai kode",
    "KODE_TIDAK_DIKENALI": "kode (ID) tidak dikenali; yang dipakai nama di sebelahnya",
    "PENDIDIKAN_KOSONG": "pendidikan kosong",
    "PENDIDIKAN_TIDAK_DIKENALI": "jenjang pendidikan tidak dikenali",
    "JABATAN_KOSONG": "jenis jabatan kosong",
    "JABATAN_TIDAK_DIKENALI": "jenis jabatan tidak dikenali",
    "ESELON_TIDAK_VALID": "eselon tidak dikenali atau tidak sesuai jenis jabatan",
    "JENIS_DIKLAT_TIDAK_DIKENALI": "jenis diklat tidak dikenali",
    "DIKLAT_PRAJABATAN": "Latsar CPNS/Prajabatan: dikenali, tetapi tidak dihitung dalam IP ASN",
    "TINGKAT_DIKLAT_TIDAK_DIKENALI": "tingkat diklat kepemimpinan tidak dikenali",
    "TANGGAL_KOSONG": "tanggal kosong",
    "TANGGAL_TIDAK_VALID": "tanggal tidak dapat dibaca (gunakan dd-mm-yyyy atau yyyy-mm-dd)",
    "TANGGAL_HANYA_TAHUN": (
        "hanya tahun, tanpa tanggal: dipakai bila seluruh tahun itu berada di satu sisi batas jendela "
        "penilaian, selain itu tidak dapat dipastikan dan tidak dihitung"),
    "JP_KOSONG": "jumlah JP kosong untuk diklat teknis",
    "JP_TIDAK_VALID": "jumlah JP bukan angka",
    "JP_NEGATIF": "jumlah JP negatif",
    "JP_TIDAK_WAJAR": "jumlah JP tidak wajar untuk satu diklat (lebih dari 1.000 JP)",
    "TAHUN_TIDAK_VALID": "tahun tidak valid",
    "NILAI_TIDAK_VALID": "nilai kinerja bukan angka",
    "NILAI_DI_LUAR_RENTANG": "nilai kinerja di luar rentang 0 sampai nilai maksimum",
    "PREDIKAT_TIDAK_DIKENALI": "predikat kinerja tidak dikenali",
    "KINERJA_KOSONG": "nilai dan predikat kinerja kosong",
    "KINERJA_GANDA": "lebih dari satu penilaian kinerja berbeda untuk tahun yang sama",
    "TINGKAT_HUKDIS_TIDAK_DIKENALI": "tingkat hukuman disiplin tidak dikenali (ringan/sedang/berat atau R/S/B)",
    "JENIS_HUKUMAN_TIDAK_DIKENALI": (
        "jenis hukuman disiplin tidak dikenali (tulis nama hukuman menurut PP 94/2021 atau PP 53/2010, "
        "atau isi tingkat ringan/sedang/berat)"),
    "JENIS_HUKUMAN_HANYA_KODE": (
        "hanya kode jenis hukuman, tanpa nama dan tingkat: tabel kode SIASN tidak diketahui ipasn, "
        "tingkat hukuman tidak dapat ditentukan"),
    "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA": "tingkat hukuman dan jenis hukuman tidak sesuai; yang dipakai tingkat",
    "HUKDIS_TIDAK_ADA": "baris menyatakan tidak ada hukuman disiplin; bukan hukuman, tidak dihitung",
    "DUPLIKAT_PERSIS": "baris sama persis dengan baris sebelumnya; diabaikan",
    "GALAT_EXCEL": "sel berisi nilai galat Excel (misalnya #N/A dari rumus yang gagal); dibaca sebagai kosong",
    "LEMBAR_TIDAK_DIKENALI": "lembar berisi kolom NIP tetapi tidak dikenali sebagai data apa pun; tidak dibaca",
    "LEMBAR_TIDAK_ADA": "tidak ada lembar atau berkas untuk data ini",
}

# Problems that cannot change anyone's score (the employee stays data_lengkap). Whether any other
# finding can change this year's score depends on the row's date and kind: score.py decides.
HARMLESS = frozenset({"NAMA_KOSONG", "UNIT_KOSONG", "DUPLIKAT_PERSIS", "PREDIKAT_TIDAK_DIKENALI", "GALAT_EXCEL",
                      # the id is readable and decides (or the name does, where the id is unknown)
                      "KODE_NAMA_BERBEDA", "KODE_TIDAK_DIKENALI", "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA",
                      # rows recognised as never counting
                      "DIKLAT_PRAJABATAN", "HUKDIS_TIDAK_ADA"})

# Every code a parser may return (the findings' codes, and ANGKA_TIDAK_VALID, which callers rename).
PROBLEM_CODES = pd.CategoricalDtype([*PROBLEMS, "ANGKA_TIDAK_VALID"])
PROBLEM_INDEX = {code: i for i, code in enumerate(PROBLEM_CODES.categories)}
