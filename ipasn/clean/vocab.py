"""What HR exports actually write, mapped to ipasn's canonical values.

Every mapping works on a *key*: the text upper-cased with punctuation and spaces removed, so
"S-1", "s 1" and "S1" are one key. Values are data, not logic; `codes.py` applies them.
"""

from __future__ import annotations

import re

_NON_ALNUM = re.compile(r"[^0-9A-Z]+")


def key(text: str) -> str:
    return _NON_ALNUM.sub("", text.upper())


def words(text: str) -> list[str]:
    return [w for w in _NON_ALNUM.split(text.upper()) if w]


# Education level names -> SIASN tingkat_pendidikan_id.
EDUCATION = {
    "05": ("SD", "SEKOLAHDASAR", "MI", "SR", "SDSEDERAJAT"),
    "10": ("SLTP", "SMP", "MTS", "SLTPSEDERAJAT", "SMPSEDERAJAT", "SLTPUMUM"),
    "12": ("SLTPKEJURUAN", "SMPKEJURUAN"),
    "15": ("SLTA", "SMA", "SMU", "MA", "SLTASEDERAJAT", "SMASEDERAJAT", "SLTAUMUM", "PAKETC"),
    "17": ("SLTAKEJURUAN", "SMK", "STM", "SMEA", "SMKK", "SPK", "SPMA"),
    "18": ("SLTAKEGURUAN", "SPG", "SGO", "KPG", "PGA", "SGA"),
    "20": ("DI", "D1", "DIPLOMAI", "DIPLOMA1", "DIPLOMASATU", "AKTAI"),
    "25": ("DII", "D2", "DIPLOMAII", "DIPLOMA2", "DIPLOMADUA"),
    "30": ("DIII", "D3", "DIPLOMAIII", "DIPLOMA3", "DIPLOMATIGA", "SARJANAMUDA", "SM", "BA",
           "DIIISARJANAMUDA", "D3SARJANAMUDA", "AKADEMI"),
    "35": ("DIV", "D4", "DIPLOMAIV", "DIPLOMA4", "DIPLOMAEMPAT", "SARJANATERAPAN", "STR"),
    "40": ("S1", "SI", "STRATA1", "STRATAI", "STRATASATU", "SARJANA", "S1D4", "S1DIV"),
    "42": ("PROFESI", "PENDIDIKANPROFESI"),
    "45": ("S2", "SII", "STRATA2", "STRATAII", "STRATADUA", "MAGISTER", "MASTER",
           "MAGISTERTERAPAN"),
    "47": ("SPESIALIS", "SP1", "SPESIALIS1", "SPESIALISI"),
    "49": ("SUBSPESIALIS", "SP2", "SPESIALIS2", "SPESIALISII"),
    "50": ("S3", "SIII", "STRATA3", "STRATAIII", "STRATATIGA", "DOKTOR", "DOKTORAL", "PHD"),
}
# S-1, the level reports count "S-1/D-IV ke atas" from (D-IV, "35", has the same points in PerBKN 8/2019).
BACHELOR = "40"

# Position type names -> canonical type. Two are resolved through the eselon (pegawai.py): "Struktural"
# (I/II JPT, III Administrator, IV Pengawas) and "Administrasi", UU 5/2014's Jabatan Administrasi
# ("JA"), which holds Administrator (III), Pengawas (IV) and Pelaksana (no eselon).
POSITION = {
    "JPT": ("JPT", "JPTPRATAMA", "JPTMADYA", "JPTUTAMA", "JABATANPIMPINANTINGGI",
            "PIMPINANTINGGI", "JABATANPIMPINANTINGGIPRATAMA", "JABATANPIMPINANTINGGIMADYA",
            "JABATANPIMPINANTINGGIUTAMA"),
    "Administrator": ("ADMINISTRATOR", "JABATANADMINISTRATOR"),
    "Pengawas": ("PENGAWAS", "JABATANPENGAWAS"),
    "Fungsional": ("FUNGSIONAL", "FUNGSIONALTERTENTU", "JF", "JFT", "JABATANFUNGSIONAL",
                   "JABATANFUNGSIONALTERTENTU"),
    "Pelaksana": ("PELAKSANA", "FUNGSIONALUMUM", "JFU", "JABATANPELAKSANA",
                  "JABATANFUNGSIONALUMUM"),
    "Struktural": ("STRUKTURAL", "JABATANSTRUKTURAL"),
    "Administrasi": ("JA", "JABATANADMINISTRASI", "ADMINISTRASI"),
}
# SIASN `JENIS JABATAN ID`. Other ids are not known to ipasn: a finding, never a guess.
POSITION_ID = {"1": "Struktural", "2": "Fungsional", "4": "Pelaksana"}
# A name that says more than its id without contradicting it ("Jabatan Struktural" id 1 named
# "Administrator"): the name is used. Any other difference: the id is used and a finding says so.
POSITION_REFINES = {"Struktural": ("JPT", "Administrator", "Pengawas", "Administrasi"),
                    "Pelaksana": ("Administrasi",)}
JPT_MADYA_UTAMA = ("JPTMADYA", "JPTUTAMA", "JABATANPIMPINANTINGGIMADYA", "JABATANPIMPINANTINGGIUTAMA")

# Eselon as roman numerals with or without a/b, digits, or SIASN two-digit ids (11 = I.a ... 42 = IV.b).
ESELON_NONE = ("", "NONESELON", "NON", "TIDAKADA", "0", "00", "99")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
NUMERALS = {level: numeral for numeral, level in ROMAN.items()}  # 1 -> "I"

# Training kinds -> the four indicators, plus "prajabatan" (Latsar CPNS / Prajabatan), which is
# recognised so that it is never counted (RULES.md "SIASN ids").
TRAINING = {
    "kepemimpinan": ("KEPEMIMPINAN", "DIKLATKEPEMIMPINAN", "PELATIHANKEPEMIMPINAN", "STRUKTURAL",
                     "DIKLATSTRUKTURAL", "LATIHANSTRUKTURAL", "DIKLATPIM", "PIM", "PKN", "PKA", "PKP"),
    "fungsional": ("FUNGSIONAL", "DIKLATFUNGSIONAL", "PELATIHANFUNGSIONAL", "DIKLATJF",
                   "DIKLATJABATANFUNGSIONAL"),
    "teknis": ("TEKNIS", "DIKLATTEKNIS", "PELATIHANTEKNIS", "BIMTEK", "BIMBINGANTEKNIS",
               "MANAJERIAL", "DIKLATMANAJERIAL", "PELATIHANMANAJERIAL", "SOSIALKULTURAL",
               "PELATIHANSOSIALKULTURAL"),
    "seminar": ("SEMINAR", "WORKSHOP", "LOKAKARYA", "KURSUS", "MAGANG", "WEBINAR", "SOSIALISASI",
                "SIMPOSIUM", "KONFERENSI", "PENATARAN", "SEMINARWORKSHOP", "SEJENISNYA"),
    "prajabatan": ("PRAJABATAN", "PRAJAB", "DIKLATPRAJABATAN", "LATSAR", "LATSARCPNS", "PELATIHANDASAR",
                   "PELATIHANDASARCPNS", "LATIHANDASARCPNS", "DIKLATPRAJAB"),
}
# Phrases that make a training Latsar / Prajabatan wherever they stand in its kind or name.
PRAJABATAN_PHRASES = ("PRAJABATAN", "PRAJAB", "LATSAR", "PELATIHANDASARCPNS", "LATIHANDASARCPNS",
                      "DIKLATDASARCPNS")
# SIASN `JENIS DIKLAT ID` (riwayat diklat and riwayat kursus): 1 Diklat Struktural, 2 Diklat
# Fungsional, 3 Diklat Teknis, 4 Workshop, 5 Pelatihan Manajerial, 6 Pelatihan Sosial Kultural,
# 7 Sosialisasi, 8 Bimbingan Teknis, 9 Seminar, 10 Magang.
TRAINING_ID = {"1": "kepemimpinan", "2": "fungsional", "3": "teknis", "4": "seminar", "5": "teknis",
               "6": "teknis", "7": "seminar", "8": "teknis", "9": "seminar", "10": "seminar"}
# SIASN `LATIHAN STRUKTURAL ID` -> the eselon level it matches: 1 SEPADA, 2 SEPALA/ADUM/PIM IV,
# 3 SEPADYA/SPAMA/PIM III, 4 SPAMEN/SESPA/SESPANAS/PIM II, 5 SEPATI/PIM I. Ids 6 SESPIM, 7 SESPATI
# and 8 "Diklat Struktural Lainnya" are leadership training with no eselon level.
LEADERSHIP_ID = {"1": 5, "2": 4, "3": 3, "4": 2, "5": 1}
LEADERSHIP_ID_WITHOUT_LEVEL = {"6": "SESPIM", "7": "SESPATI", "8": "Diklat Struktural Lainnya"}

# Leadership-training names that carry their level without a numeral.
LEADERSHIP_NAMED_LEVEL = {
    "SEPATI": 1,
    "SPAMEN": 2, "SESPA": 2, "SESPANAS": 2,
    "SPAMA": 3, "SEPADYA": 3, "PKA": 3,
    "SEPALA": 4, "ADUM": 4, "PKP": 4,
    "SEPADA": 5,
}
# LAN's names since 2019: "Pelatihan Kepemimpinan Administrator" (PKA), "... Pengawas" (PKP); the
# word counts only right after KEPEMIMPINAN ("Diklat Pengawas Sekolah" is functional training).
LEADERSHIP_NAMED_AFTER_KEPEMIMPINAN = {"ADMINISTRATOR": 3, "PENGAWAS": 4}

# SKP predicates (PermenPANRB 6/2022 and earlier wording) -> the ruleset's predicate keys.
PREDICATE = {
    "SANGAT BAIK": ("SANGATBAIK", "SB"),
    "BAIK": ("BAIK", "B"),
    "CUKUP": ("CUKUP", "C"),
    "BUTUH PERBAIKAN": ("BUTUHPERBAIKAN", "BP"),
    "KURANG": ("KURANG", "K"),
    "SANGAT KURANG": ("SANGATKURANG", "SK"),
    "BURUK": ("BURUK",),
    "SEDANG": ("SEDANG",),  # PerBKN 8/2019's own word for the 51-60 band
}

# Discipline levels as words or SIASN's `JENIS TINGKAT HUKUMAN ID` (R/S/B).
DISCIPLINE = {
    "ringan": ("RINGAN", "R", "HUKUMANDISIPLINRINGAN", "HUKDISRINGAN", "TINGKATRINGAN"),
    "sedang": ("SEDANG", "S", "HUKUMANDISIPLINSEDANG", "HUKDISSEDANG", "TINGKATSEDANG"),
    "berat": ("BERAT", "B", "HUKUMANDISIPLINBERAT", "HUKDISBERAT", "TINGKATBERAT"),
}
DISCIPLINE_SEVERITY = {"ringan": 1, "sedang": 2, "berat": 3}
# The punishments themselves (SIASN `JENIS HUKUMAN NAMA`), PP 94/2021 and PP 53/2010, as whole
# phrases over normalised words (normalize.punishment_words: number words as digits, "%" as PERSEN,
# filler words such as SELAMA, SEBESAR, PADA, YANG, DARI, SEBAGAI, PNS dropped). A duration is part
# of the phrase where it decides the level: penurunan pangkat 1 tahun is sedang, 3 tahun berat.
PUNISHMENT = {
    "ringan": (
        r"TEGURAN LISAN",
        r"TEGURAN TERTULIS",
        r"PERNYATAAN TIDAK PUAS( TERTULIS)?",
    ),
    "sedang": (
        r"PEMOTONGAN (TUNJANGAN KINERJA|TUKIN) 25 PERSEN( (6|9|12) BULAN)?",  # PP 94/2021
        r"PENUNDAAN (KENAIKAN GAJI BERKALA|KGB)( 1 TAHUN)?",  # PP 53/2010 (and PP 30/1980)
        r"PENUNDAAN KENAIKAN PANGKAT( 1 TAHUN)?",
        r"PENURUNAN PANGKAT SETINGKAT LEBIH RENDAH 1 TAHUN",
    ),
    "berat": (
        r"PENURUNAN PANGKAT SETINGKAT LEBIH RENDAH 3 TAHUN",  # PP 53/2010
        r"PEMINDAHAN DALAM RANGKA PENURUNAN JABATAN SETINGKAT LEBIH RENDAH",
        r"PENURUNAN JABATAN SETINGKAT LEBIH RENDAH( 12 BULAN)?",  # PP 94/2021
        r"PEMBEBASAN JABATAN( MENJADI JABATAN PELAKSANA( 12 BULAN)?)?",
        r"PEMBERHENTIAN DENGAN HORMAT TIDAK ATAS PERMINTAAN SENDIRI|PDHTAPS",
        r"PEMBERHENTIAN TIDAK DENGAN HORMAT|PTDH",
    ),
}
# Words that carry no meaning for the match above.
PUNISHMENT_FILLERS = frozenset({"SELAMA", "SEBESAR", "PALING", "LAMA", "UNTUK", "PADA", "YANG", "SECARA",
                                "SEBAGAI", "PNS", "PEGAWAI", "NEGERI", "SIPIL", "DARI", "BERUPA"})
NUMBER_WORDS = {"SATU": "1", "DUA": "2", "TIGA": "3", "EMPAT": "4", "LIMA": "5", "ENAM": "6", "TUJUH": "7",
                "DELAPAN": "8", "SEMBILAN": "9", "SEPULUH": "10", "SEBELAS": "11", "DUABELAS": "12"}
# A riwayat hukdis row that says there was no punishment ("Tidak ada", "-", "Nihil").
NO_PUNISHMENT = ("TIDAKADA", "NIHIL", "TIDAKPERNAH", "BELUMPERNAH", "TIDAKADAHUKUMAN",
                 "TIDAKADAHUKUMANDISIPLIN", "TIDAKPERNAHDIHUKUM", "TIDAKPERNAHDIJATUHIHUKUMANDISIPLIN",
                 "BELUMPERNAHDIJATUHIHUKUMANDISIPLIN", "NIL", "NONE")

# Employment type (SIASN `STATUS CPNS PNS`, or a plain status column). RULES.md "Reading real exports".
STATUS = {
    "PNS": ("PNS", "P", "PEGAWAINEGERISIPIL"),
    "CPNS": ("CPNS", "C", "CALONPNS", "CALONPEGAWAINEGERISIPIL"),
    "PPPK": ("PPPK", "P3K", "PPPKPARUHWAKTU", "PEGAWAIPEMERINTAHDENGANPERJANJIANKERJA"),
}
# Legal position (SIASN `KEDUDUKAN HUKUM NAMA`, also found in a plain status column): who is still
# measured, and why the others are not (the text is shown in reports).
KEDUDUKAN = {
    "": ("AKTIF", "PEGAWAIAKTIF", "TUGASBELAJAR", "PERPANJANGANTUGASBELAJAR", "DPK", "DPB", "DIPERBANTUKAN",
         "DIPEKERJAKAN"),
    "CLTN": ("CLTN", "CUTIDILUARTANGGUNGANNEGARA", "PERPANJANGANCLTN"),
    "pemberhentian sementara": ("PEMBERHENTIANSEMENTARA", "DIBERHENTIKANSEMENTARA"),
}


def invert(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Alias -> canonical value, refusing an alias listed under two values."""
    out: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in aliases:
            if out.setdefault(alias, canonical) != canonical:
                raise ValueError(f"alias {alias!r} maps to both {out[alias]!r} and {canonical!r}")
    return out
