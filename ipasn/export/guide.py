"""The scores workbook's first sheet, `petunjuk`: what each sheet and each column holds, in Indonesian."""

from __future__ import annotations

import pandas as pd

from ipasn import fmt
from ipasn.ruleset import DIMENSIONS, Ruleset

GUIDE_SHEET = "petunjuk"
MISSING = "(keterangan belum tersedia)"  # shown, never left blank: tests require none

SHEETS = {
    GUIDE_SHEET: "Lembar ini: isi setiap lembar dan arti setiap kolom.",
    "skor": "Satu baris per PNS yang diukur: nilai setiap dimensi, IP ASN, kategori dan penjelasannya. "
            "Berkas ini memuat data pribadi (NIP, nama): simpan dan bagikan sesuai aturan data pribadi.",
    "temuan": "Masalah data yang ditemukan saat membaca masukan, satu baris per sel atau baris "
              "bermasalah; setiap baris masukan dipakai atau disebut di sini.",
    "rekap_baris": "Setiap berkas dan lembar yang dibaca, dilewati atau tidak ada: jumlah barisnya.",
    "rekap_kolom": "Setiap kolom masukan: dibaca sebagai apa, atau mengapa tidak dipakai.",
    "aturan": "Aturan penilaian, periode dan opsi yang berlaku untuk skor ini.",
}

COLUMNS = {
    GUIDE_SHEET: {
        "lembar": "Nama lembar dalam berkas ini.",
        "kolom": "Nama kolom pada lembar itu (kosong: baris yang menjelaskan lembarnya).",
        "keterangan": "Arti lembar atau kolom.",
    },
    "skor": {
        "nip": "NIP 18 angka, disimpan sebagai teks agar tidak berubah menjadi angka.",
        "nama": "Nama pegawai seperti tertulis di data.",
        "unit_kerja": "Unit kerja (SKPD) pegawai.",
        "jenis_jabatan": "JPT, Administrator, Pengawas, Fungsional atau Pelaksana.",
        "kualifikasi": "Nilai dimensi kualifikasi (pendidikan formal), paling tinggi {kualifikasi}.",
        "kompetensi_kepemimpinan": "Poin indikator diklat kepemimpinan dalam dimensi kompetensi.",
        "kompetensi_fungsional": "Poin indikator diklat fungsional dalam dimensi kompetensi.",
        "kompetensi_teknis": "Poin indikator diklat teknis dalam dimensi kompetensi.",
        "kompetensi_seminar": "Poin indikator seminar/workshop/kursus dalam dimensi kompetensi.",
        "kompetensi": "Nilai dimensi kompetensi (jumlah keempat indikator), paling tinggi {kompetensi}.",
        "kinerja": "Nilai dimensi kinerja (penilaian SKP), paling tinggi {kinerja}.",
        "disiplin": "Nilai dimensi disiplin (hukuman disiplin), paling tinggi {disiplin}.",
        "ip_asn": "Indeks Profesionalitas ASN: jumlah keempat dimensi, paling tinggi {ip_asn}.",
        "kategori": "Kategori IP ASN menurut aturan: {kategori}.",
        "data_lengkap": "TRUE bila semua data yang menentukan nilai pegawai ini ada dan terbaca, FALSE bila tidak.",
        "keterangan_kualifikasi": "Dasar nilai kualifikasi: jenjang pendidikan yang dipakai.",
        "keterangan_kompetensi": "Dasar nilai kompetensi: diklat dan kursus yang dihitung.",
        "keterangan_kinerja": "Dasar nilai kinerja: tahun, nilai dan predikat SKP yang dipakai.",
        "keterangan_disiplin": "Dasar nilai disiplin: hukuman disiplin dalam jendela waktunya.",
        "sub_unit": "Sub-unit di bawah unit kerja (mis. UNOR NAMA di bawah UNOR INDUK NAMA).",
    },
    "temuan": {
        "berkas": "Berkas masukan tempat masalah ditemukan.",
        "lembar": "Lembar (sheet) dalam berkas itu.",
        "baris": "Nomor baris seperti di Excel.",
        "kolom": "Kolom yang bermasalah.",
        "nilai": "Isi sel seperti tertulis di masukan.",
        "masalah": "Uraian masalahnya.",
        "kode": "Kode masalah (tetap, untuk disaring).",
        "nip": "NIP pada baris itu, bila terbaca.",
        "ditolak": "TRUE bila baris itu tidak dipakai sama sekali; FALSE bila dipakai sebagian.",
        "berdampak": "TRUE bila masalah ini dapat mengubah nilai seseorang.",
    },
    "rekap_baris": {
        "peran": "Data apa yang dibaca dari lembar itu (pegawai, diklat, kinerja, hukdis); kosong bila "
                 "lembar tidak dibaca.",
        "berkas": "Berkas masukan (kosong: data yang tidak ada di masukan mana pun).",
        "lembar": "Lembar dalam berkas itu.",
        "dibaca": "Jumlah baris data yang dibaca.",
        "dipakai": "Jumlah baris yang dipakai tanpa temuan.",
        "bermasalah": "Jumlah baris dengan temuan (lihat lembar temuan).",
        "ditolak": "Jumlah baris yang tidak dipakai sama sekali.",
        "keterangan": "Mengapa lembar tidak dibaca atau data tidak ada, dan artinya bagi nilai.",
    },
    "rekap_kolom": {
        "berkas": "Berkas masukan.",
        "lembar": "Lembar dalam berkas itu.",
        "kolom": "Judul kolom seperti tertulis di masukan.",
        "dibaca_sebagai": "Nama kolom baku yang diisi dari kolom ini (kosong: tidak dipakai).",
        "keterangan": "Mengapa kolom itu tidak dipakai.",
    },
    "aturan": {
        "butir": "Nama butir aturan atau opsi.",
        "nilai": "Nilai yang berlaku.",
    },
}


def guide_table(sheets: dict[str, pd.DataFrame], rules: Ruleset) -> pd.DataFrame:
    """One row per sheet, then one per column of it, in the workbook's order (this sheet first). The
    maxima and categories are the ruleset's own."""
    values = {d: fmt.points(m) for d, m in rules.dimensi_maks.items()}
    values["ip_asn"] = fmt.points(sum(rules.dimensi_maks[d] for d in DIMENSIONS))
    values["kategori"] = ", ".join(band.nama for band in reversed(rules.kategori))
    rows = []
    columns = {GUIDE_SHEET: list(COLUMNS[GUIDE_SHEET]), **{name: list(f.columns) for name, f in sheets.items()}}
    for sheet, names in columns.items():
        rows.append((sheet, "", SHEETS.get(sheet, MISSING)))
        rows += [(sheet, str(c), COLUMNS.get(sheet, {}).get(str(c), MISSING).format(**values)) for c in names]
    return pd.DataFrame(rows, columns=list(COLUMNS[GUIDE_SHEET]))
