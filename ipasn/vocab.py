"""What HR exports actually write, mapped to ipasn's canonical values.

Every mapping works on a *key*: the text upper-cased with punctuation and spaces removed, so
"S-1", "s 1" and "S1" are one key. Values are data, not logic; `normalize.py` applies them.
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

# Position type names -> canonical type; "STRUKTURAL" is resolved through the eselon.
POSITION = {
    "JPT": ("JPT", "JPTPRATAMA", "JPTMADYA", "JPTUTAMA", "JABATANPIMPINANTINGGI",
            "PIMPINANTINGGI", "JABATANPIMPINANTINGGIPRATAMA", "JABATANPIMPINANTINGGIMADYA",
            "JABATANPIMPINANTINGGIUTAMA"),
    "Administrator": ("ADMINISTRATOR", "JABATANADMINISTRATOR", "JA"),
    "Pengawas": ("PENGAWAS", "JABATANPENGAWAS"),
    "Fungsional": ("FUNGSIONAL", "FUNGSIONALTERTENTU", "JF", "JFT", "JABATANFUNGSIONAL",
                   "JABATANFUNGSIONALTERTENTU", "2"),
    "Pelaksana": ("PELAKSANA", "FUNGSIONALUMUM", "JFU", "JABATANPELAKSANA",
                  "JABATANFUNGSIONALUMUM", "4"),
    "Struktural": ("STRUKTURAL", "JABATANSTRUKTURAL", "1"),
}
JPT_MADYA_UTAMA = ("JPTMADYA", "JPTUTAMA", "JABATANPIMPINANTINGGIMADYA", "JABATANPIMPINANTINGGIUTAMA")

# Eselon as roman numerals with or without a/b, digits, or SIASN two-digit ids (11 = I.a ... 42 = IV.b).
ESELON_NONE = ("", "NONESELON", "NON", "TIDAKADA", "0", "00", "99")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}

# Training kinds (SIASN jenisDiklatId in digits) -> the four indicators.
TRAINING = {
    "kepemimpinan": ("KEPEMIMPINAN", "DIKLATKEPEMIMPINAN", "PELATIHANKEPEMIMPINAN", "STRUKTURAL",
                     "DIKLATSTRUKTURAL", "LATIHANSTRUKTURAL", "DIKLATPIM", "PIM", "PKN", "PKA", "PKP",
                     "1"),
    "fungsional": ("FUNGSIONAL", "DIKLATFUNGSIONAL", "PELATIHANFUNGSIONAL", "DIKLATJF",
                   "DIKLATJABATANFUNGSIONAL", "2"),
    "teknis": ("TEKNIS", "DIKLATTEKNIS", "PELATIHANTEKNIS", "BIMTEK", "BIMBINGANTEKNIS",
               "MANAJERIAL", "DIKLATMANAJERIAL", "SOSIALKULTURAL", "3", "5", "6", "8"),
    "seminar": ("SEMINAR", "WORKSHOP", "LOKAKARYA", "KURSUS", "MAGANG", "WEBINAR", "SOSIALISASI",
                "SIMPOSIUM", "KONFERENSI", "PENATARAN", "SEMINARWORKSHOP", "SEJENISNYA", "4", "7", "9",
                "10"),
}

# Leadership-training names that carry their level without a numeral.
LEADERSHIP_NAMED_LEVEL = {
    "SEPATI": 1,
    "SPAMEN": 2, "SESPA": 2, "SESPANAS": 2,
    "SPAMA": 3, "SEPADYA": 3, "PKA": 3,
    "SEPALA": 4, "ADUM": 4, "PKP": 4,
    "SEPADA": 5,
}

# SKP predicates (PermenPANRB 6/2022 and earlier wording) -> the ruleset's predicate keys.
PREDICATE = {
    "SANGAT BAIK": ("SANGATBAIK", "SB"),
    "BAIK": ("BAIK", "B"),
    "CUKUP": ("CUKUP", "C"),
    "BUTUH PERBAIKAN": ("BUTUHPERBAIKAN", "BP"),
    "KURANG": ("KURANG", "K"),
    "SANGAT KURANG": ("SANGATKURANG", "SK"),
    "BURUK": ("BURUK",),
}

# Discipline levels: words, SIASN R/S/B codes, and the punishments themselves (PP 53/2010, PP 94/2021).
DISCIPLINE = {
    "ringan": ("RINGAN", "R", "HUKUMANDISIPLINRINGAN", "HUKDISRINGAN", "TEGURANLISAN",
               "TEGURANTERTULIS", "PERNYATAANTIDAKPUAS", "PERNYATAANTIDAKPUASSECARATERTULIS",
               "PERNYATAANTIDAKPUASTERTULIS"),
    "sedang": ("SEDANG", "S", "HUKUMANDISIPLINSEDANG", "HUKDISSEDANG",
               "PENUNDAANKENAIKANGAJIBERKALA", "PENUNDAANKENAIKANPANGKAT"),
    "berat": ("BERAT", "B", "HUKUMANDISIPLINBERAT", "HUKDISBERAT", "PEMBEBASANDARIJABATAN",
              "PEMBERHENTIANDENGANHORMATTIDAKATASPERMINTAANSENDIRI", "PDHTAPS",
              "PEMBERHENTIANTIDAKDENGANHORMAT", "PTDH"),
}
DISCIPLINE_SEVERITY = {"ringan": 1, "sedang": 2, "berat": 3}

STATUS = {
    "PNS": ("PNS", "P", "PNSAKTIF", "AKTIF", "PEGAWAINEGERISIPIL"),
    "CPNS": ("CPNS", "C", "CALONPNS", "CALONPEGAWAINEGERISIPIL"),
    "PPPK": ("PPPK", "P3K", "PPPKPARUHWAKTU", "PEGAWAIPEMERINTAHDENGANPERJANJIANKERJA"),
}


def invert(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Alias -> canonical value, refusing an alias listed under two values."""
    out: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in aliases:
            if out.setdefault(alias, canonical) != canonical:
                raise ValueError(f"alias {alias!r} maps to both {out[alias]!r} and {canonical!r}")
    return out
