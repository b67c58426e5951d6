"""Coded values to canonical ones through the vocabulary: education, position, training kind and
leadership level, performance predicate, discipline level, employment status.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ipasn.clean import vocab
from ipasn.missing import is_blank

_EDUCATION = vocab.invert(vocab.EDUCATION)
_POSITION = vocab.invert(vocab.POSITION)
_TRAINING = vocab.invert(vocab.TRAINING)
_PREDICATE = vocab.invert(vocab.PREDICATE)
_DISCIPLINE = vocab.invert(vocab.DISCIPLINE)
_STATUS = vocab.invert(vocab.STATUS)
_KEDUDUKAN = vocab.invert(vocab.KEDUDUKAN)
_EDUCATION_CODES = frozenset(vocab.EDUCATION)
_PUNISHMENT = [(level, re.compile(pattern)) for level, patterns in vocab.PUNISHMENT.items() for pattern in patterns]


def _code_text(value: Any) -> str:
    """Numbers as their integer text ("40", "5"), everything else as text."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value).strip()


def _id_text(value: Any) -> str:
    """An id as the key of an id table: "01", 1, 1.0 and " 1 " are all "1"."""
    text = _code_text(value)
    return str(int(text)) if text.isdigit() else text


def parse_education(value: Any) -> tuple[str | None, str | None]:
    """-> SIASN tingkat_pendidikan_id ("40"), from a code or a level name."""
    if is_blank(value):
        return None, "PENDIDIKAN_KOSONG"
    text = _code_text(value)
    if text.isdigit():
        code = text.zfill(2)
        return (code, None) if code in _EDUCATION_CODES else (None, "PENDIDIKAN_TIDAK_DIKENALI")
    code = _EDUCATION.get(vocab.key(text))
    if code is None:
        # "S-1 Ekonomi", "D-III Keperawatan", SIASN's "S-1/Sarjana": the level is the first word(s).
        parts = vocab.words(text)
        for n in (2, 1):
            code = _EDUCATION.get("".join(parts[:n]))
            if code:
                break
    return (code, None) if code else (None, "PENDIDIKAN_TIDAK_DIKENALI")


def parse_position(value: Any) -> tuple[tuple[str, bool] | None, str | None]:
    """-> (type, is_jpt_madya_or_utama); type may be "Struktural" or "Administrasi", resolved later
    by eselon. A bare number is SIASN's jenis jabatan id."""
    if is_blank(value):
        return None, "JABATAN_KOSONG"
    text = _code_text(value)
    if text.isdigit():
        kind = vocab.POSITION_ID.get(_id_text(text))
        return ((kind, False), None) if kind else (None, "JABATAN_TIDAK_DIKENALI")
    k = vocab.key(text)
    kind = _POSITION.get(k)
    if kind is None:
        return None, "JABATAN_TIDAK_DIKENALI"
    return (kind, k in vocab.JPT_MADYA_UTAMA), None


def position_type(value: Any) -> tuple[str | None, str | None]:
    """The type part of `parse_position`."""
    kind, problem = parse_position(value)
    return (kind[0] if kind else None), problem


def is_jpt_madya_utama(value: Any) -> tuple[bool, None]:
    kind, _ = parse_position(value)
    return bool(kind and kind[1]), None


def parse_position_id(value: Any) -> tuple[str | None, str | None]:
    """SIASN `JENIS JABATAN ID` -> the position type (1 Struktural, 2 Fungsional, 4 Pelaksana)."""
    if is_blank(value):
        return None, "JABATAN_KOSONG"
    kind = vocab.POSITION_ID.get(_id_text(value))
    return (kind, None) if kind else (None, "JABATAN_TIDAK_DIKENALI")


def parse_eselon(value: Any) -> tuple[int | None, str | None]:
    """-> eselon level 1..5 from "II.a", "IIb", "2", "III/a" or a SIASN id such as 21."""
    if is_blank(value):
        return None, None
    k = vocab.key(_code_text(value))
    if k in vocab.ESELON_NONE or k.startswith("NONESELON"):
        return None, None
    if k.startswith("ESELON"):
        k = k[len("ESELON"):]
    if re.fullmatch(r"[1-5][12]", k):  # SIASN eselon_id
        return int(k[0]), None
    match = re.fullmatch(r"([1-5])[AB]?", k)
    if match:
        return int(match.group(1)), None
    match = re.fullmatch(r"(IV|V|I{1,3})[AB]?", k)
    if match:
        return vocab.ROMAN[match.group(1)], None
    return None, "ESELON_TIDAK_VALID"


def is_prajabatan(value: Any) -> tuple[bool, None]:
    """Whether a training's kind or name says Latsar CPNS / Prajabatan."""
    if is_blank(value):
        return False, None
    k = vocab.key(_code_text(value))
    return any(phrase in k for phrase in vocab.PRAJABATAN_PHRASES), None


def parse_training_kind(value: Any) -> tuple[str | None, str | None]:
    """The indicator a training's kind counts for (or "prajabatan"); a number is SIASN's jenis
    diklat id."""
    if is_blank(value):
        return None, "JENIS_DIKLAT_TIDAK_DIKENALI"
    text = _code_text(value)
    if text.isdigit():
        kind = vocab.TRAINING_ID.get(_id_text(text))
        return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")
    if is_prajabatan(text)[0]:
        return "prajabatan", None
    kind = _TRAINING.get(vocab.key(text))
    if kind is None:
        for word in vocab.words(text):  # "Diklat Teknis Pengadaan", "Seminar Nasional ..."
            kind = _TRAINING.get(word) if not word.isdigit() else None
            if kind:
                break
    return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")


def parse_training_id(value: Any) -> tuple[str | None, str | None]:
    """SIASN `JENIS DIKLAT ID` -> the indicator (vocab.TRAINING_ID)."""
    if is_blank(value):
        return None, "JENIS_DIKLAT_TIDAK_DIKENALI"
    kind = vocab.TRAINING_ID.get(_id_text(value))
    return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")


_LEVEL_MARKERS = ("DIKLATPIM", "PIM", "TK", "TINGKAT", "PKN", "LEVEL")
_GLUED_LEVEL = re.compile(r"(DIKLATPIM|PIM|TK|TINGKAT)(IV|V|I{1,3}|[1-5])")
# Words that make a name a leadership training's name (a level alone could be "Kursus Level 2").
_LEADERSHIP_WORDS = frozenset({"KEPEMIMPINAN", "DIKLATPIM", "PIM", "PKN", *vocab.LEADERSHIP_NAMED_LEVEL})


def _numeral(token: str) -> int | None:
    if token in vocab.ROMAN:
        return vocab.ROMAN[token]
    return int(token) if token.isdigit() and 1 <= int(token) <= 5 else None


def _level_tokens(value: Any) -> list[str]:
    tokens: list[str] = []
    for word in vocab.words(_code_text(value)):
        glued = _GLUED_LEVEL.fullmatch(word)
        tokens += [glued.group(1), glued.group(2)] if glued else [word]
    return tokens


def parse_leadership_level(value: Any) -> tuple[int | None, str | None]:
    """Level 1..5 of a leadership training from "II", "PIM III", "Diklatpim Tk. IV", "SPAMA", "PKA",
    "Pelatihan Kepemimpinan Administrator", "PKN Tingkat II" or SIASN's "SEPALA/ADUM/DIKLAT PIM TK.IV".

    A numeral counts only right after a marker (PIM, Tk., Tingkat, PKN) or standing alone, so
    "Diklatpim Tk. IV Angkatan I" is level 4, not ambiguous.
    """
    if is_blank(value):
        return None, "TINGKAT_DIKLAT_TIDAK_DIKENALI"
    tokens = _level_tokens(value)
    levels = {vocab.LEADERSHIP_NAMED_LEVEL[t] for t in tokens if t in vocab.LEADERSHIP_NAMED_LEVEL}
    for before, token in zip(tokens, tokens[1:]):
        if before == "KEPEMIMPINAN" and token in vocab.LEADERSHIP_NAMED_AFTER_KEPEMIMPINAN:
            levels.add(vocab.LEADERSHIP_NAMED_AFTER_KEPEMIMPINAN[token])
    for i, token in enumerate(tokens[:-1]):
        if token in _LEVEL_MARKERS:
            following = [t for t in tokens[i + 1:i + 3] if t not in _LEVEL_MARKERS][:1]
            level = _numeral(following[0]) if following else None
            if level:
                levels.add(level)
    if not levels and len(tokens) == 1 and _numeral(tokens[0]):
        levels.add(_numeral(tokens[0]))
    if len(levels) == 1:
        return levels.pop(), None
    return None, "TINGKAT_DIKLAT_TIDAK_DIKENALI"


def names_leadership(value: Any) -> tuple[bool, None]:
    """Whether a training's name says it is leadership training of a known level ("Pelatihan
    Kepemimpinan Pengawas", "Diklatpim Tk. III", "SPAMA"): how a row without a kind is recognised."""
    if is_blank(value):
        return False, None
    level, _ = parse_leadership_level(value)
    return bool(level and _LEADERSHIP_WORDS.intersection(_level_tokens(value))), None


def parse_leadership_id(value: Any) -> tuple[int | None, str | None]:
    """SIASN `LATIHAN STRUKTURAL ID` -> the eselon level (1 SEPADA is 5 ... 5 SEPATI is 1). Ids of
    leadership training without an eselon level (6 SESPIM, 7 SESPATI, 8 lainnya) give no level and
    no problem: the level is then looked for in the text columns."""
    if is_blank(value):
        return None, None
    text = _id_text(value)
    if text in vocab.LEADERSHIP_ID_WITHOUT_LEVEL:
        return None, None
    level = vocab.LEADERSHIP_ID.get(text)
    return (level, None) if level else (None, "TINGKAT_DIKLAT_TIDAK_DIKENALI")


def parse_predicate(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, None
    predicate = _PREDICATE.get(vocab.key(str(value)))
    return (predicate, None) if predicate else (None, "PREDIKAT_TIDAK_DIKENALI")


# --- discipline --------------------------------------------------------------------------------

NO_PUNISHMENT = "tidak_ada"  # a riwayat hukdis row that says there was none
_DASHES = re.compile(r"[-–—\s]+")  # "-", "--", en and em dashes: nothing
_LEVEL_WORDS = {"RINGAN": "ringan", "SEDANG": "sedang", "BERAT": "berat"}
_PREFIX_WORDS = frozenset({"HUKUMAN", "DISIPLIN", "HUKDIS", "TINGKAT", "JENIS"})


def punishment_words(value: Any) -> str:
    """A punishment's name as the normalised words vocab.PUNISHMENT is written in: number words as
    digits ("dua belas" 12), "%" as PERSEN, "1 tingkat" as SETINGKAT, filler words dropped, and a
    word repeated at once said once ("1 (satu) tahun", "pangkat pada pangkat")."""
    words = re.findall(r"[A-Z]+|\d+|%", str(value).upper())
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "DUA" and i + 1 < len(words) and words[i + 1] == "BELAS":
            word, i = "12", i + 1
        word = {"%": "PERSEN", "JABATANNYA": "JABATAN"}.get(word, vocab.NUMBER_WORDS.get(word, word))
        i += 1
        if word == "TINGKAT" and out and out[-1] == "1":
            out[-1] = "SETINGKAT"
        elif word not in vocab.PUNISHMENT_FILLERS and not (out and out[-1] == word):
            out.append(word)
    return " ".join(out)


def _discipline_level(value: Any) -> str | None:
    """ringan / sedang / berat / NO_PUNISHMENT, from a level (word or R/S/B) or a punishment's name
    (whole phrases of PP 94/2021 and PP 53/2010); None when the text says neither clearly."""
    k = vocab.key(_code_text(value))
    if k in vocab.NO_PUNISHMENT or _DASHES.fullmatch(_code_text(value)):
        return NO_PUNISHMENT
    level = _DISCIPLINE.get(k)
    if level:
        return level
    words = punishment_words(value).split()
    stated = set()  # "Hukuman Disiplin Ringan berupa Teguran Lisan": a level stated before the name
    while words and (words[0] in _PREFIX_WORDS or words[0] in _LEVEL_WORDS):
        if words[0] in _LEVEL_WORDS:
            stated.add(_LEVEL_WORDS[words[0]])
        words = words[1:]
    rest = " ".join(words)
    named = {lv for lv, pattern in _PUNISHMENT if pattern.fullmatch(rest)} if rest else set()
    found = named | stated if named else stated
    return found.pop() if len(found) == 1 else None


def parse_discipline(value: Any) -> tuple[str | None, str | None]:
    """The level column (ringan/sedang/berat, R/S/B; a punishment's name is read too)."""
    if is_blank(value):
        return None, "TINGKAT_HUKDIS_TIDAK_DIKENALI"
    level = _discipline_level(value)
    return (level, None) if level else (None, "TINGKAT_HUKDIS_TIDAK_DIKENALI")


def parse_punishment(value: Any) -> tuple[str | None, str | None]:
    """The punishment's name (SIASN `JENIS HUKUMAN NAMA`) -> its level."""
    if is_blank(value):
        return None, "JENIS_HUKUMAN_TIDAK_DIKENALI"
    level = _discipline_level(value)
    return (level, None) if level else (None, "JENIS_HUKUMAN_TIDAK_DIKENALI")


# --- status ------------------------------------------------------------------------------------

def _status(value: Any) -> tuple[str | None, str | None, bool]:
    """(employment type or None, why not measured or None, recognised) of one status or kedudukan
    cell: "PNS", "CPNS Aktif", "PPPK Aktif", "PNS DPK", "Tugas Belajar", "CLTN"."""
    k = vocab.key(_code_text(value))
    if k in _STATUS:
        return _STATUS[k], None, True
    if k in _KEDUDUKAN:
        return None, _KEDUDUKAN[k] or None, True
    for prefix in ("PPPK", "CPNS", "P3K", "PNS"):  # a type and a kedudukan in one cell
        if k.startswith(prefix) and k[len(prefix):] in _KEDUDUKAN:
            return _STATUS[prefix], _KEDUDUKAN[k[len(prefix):]] or None, True
    return None, None, False


def status_type(value: Any) -> tuple[str | None, str | None]:
    """The employment type a status cell states (PNS, CPNS, PPPK; None: it states none)."""
    if is_blank(value):
        return None, None
    kind, _, known = _status(value)
    return kind, None if known else "STATUS_TIDAK_DIKENALI"


def status_obstacle(value: Any) -> tuple[str | None, None]:
    """Why a status or kedudukan cell says its holder is not measured ("CLTN", "pemberhentian
    sementara"; None: it does not say so)."""
    return (None if is_blank(value) else _status(value)[1]), None


def kedudukan_type(value: Any) -> tuple[str | None, str | None]:
    """`status_type` of a kedudukan cell (its problem code names the kedudukan)."""
    kind, problem = status_type(value)
    return kind, problem and "KEDUDUKAN_TIDAK_DIKENALI"


def parse_status(value: Any) -> tuple[str | None, str | None]:
    """One status cell alone: its type (empty and a plain kedudukan such as "Aktif" are PNS)."""
    if is_blank(value):
        return "PNS", None
    kind, _, known = _status(value)
    return (kind or "PNS", None) if known else (None, "STATUS_TIDAK_DIKENALI")
