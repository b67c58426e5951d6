"""Load an HR export into clean, typed tables plus findings, with every input row accounted for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn import findings as fnd
from ipasn import normalize as nz
from ipasn import rowkeys
from ipasn.errors import InputError
from ipasn.read import RawSheet, read_tables
from ipasn.ruleset import Ruleset, load_ruleset
from ipasn.schema import SHEETS

SHEET_ORDER = tuple(SHEETS)


@dataclass
class Dataset:
    """Normalised input. History tables hold only usable rows; everything else is in `findings`.

    Columns starting with "_" are derived at load: `_row` the row the user sees in Excel, `_nip` the
    NIP as an int64 key, `_pegawai` (history tables) the employee's row in `pegawai`, which scoring
    uses only where `_nip` confirms it. Code that changes NIPs after loading must drop `_nip` and
    `_pegawai` (scoring then joins on the text)."""

    source: str
    pegawai: pd.DataFrame
    diklat: pd.DataFrame
    kinerja: pd.DataFrame
    hukdis: pd.DataFrame
    # Punishments that could not be read: (nip, tanggal or NaT). They make disiplin unknown.
    hukdis_unreadable: pd.DataFrame
    findings: pd.DataFrame
    accounting: pd.DataFrame  # per sheet: dibaca, dipakai, bermasalah, ditolak
    files: dict[str, str] = field(default_factory=dict)  # sheet -> file label

    @property
    def units(self) -> list[str]:
        return sorted(self.pegawai["unit_kerja"].unique())


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


PEGAWAI_COLUMNS = {"nip": "object", "nama": "object", "unit_kerja": "object",
                   "jenis_jabatan": "object", "eselon": "Int8", "jabatan": "object",
                   "pendidikan": "object", "pendidikan_input": "object", "status": "object",
                   "jenis_kelamin": "object", "_row": "int64", "_nip": "int64"}
DIKLAT_COLUMNS = {"nip": "object", "jenis": "category", "nama": "category", "tingkat": "Int8",
                  "tanggal_selesai": "datetime64[ns]", "jp": "float64", "_row": "int64",
                  "_nip": "int64", "_pegawai": "int32"}
KINERJA_COLUMNS = {"nip": "object", "tahun": "int64", "nilai": "float64", "predikat": "category",
                   "_row": "int64", "_nip": "int64", "_pegawai": "int32"}
HUKDIS_COLUMNS = {"nip": "object", "tingkat": "category", "tanggal": "datetime64[ns]", "_row": "int64",
                  "_nip": "int64", "_pegawai": "int32"}


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
    return raw[name] if name in raw else pd.Series([None] * len(raw), index=raw.index, dtype=object)


def _parse(raw: pd.DataFrame, name: str, parser: nz.Parser, dtype: str | None = None
           ) -> tuple[pd.Series, pd.Series]:
    return nz.parse_series(_column(raw, name), parser, dtype)


# --- pegawai ----------------------------------------------------------------------------------


def _resolve_position(kind_name: pd.Series, madya: pd.Series, eselon: pd.Series, log: fnd.FindingLog,
                      raw: pd.DataFrame, nip: pd.Series, usable: np.ndarray) -> tuple[pd.Series, pd.Series]:
    """Canonical position type and eselon level; "Struktural" is split by eselon."""
    level = eselon.astype("Int8")
    by_eselon = level.map({1: "JPT", 2: "JPT", 3: "Administrator", 4: "Pengawas"}, na_action="ignore")
    position = kind_name.where(kind_name != "Struktural", by_eselon.astype(object))
    position = position.astype(object).where(position.notna(), None)  # None, not NaN (pandas 3 str)
    # An explicit structural type decides; a contradicting eselon is a finding.
    expected = {"JPT": (1, 2), "Administrator": (3,), "Pengawas": (4,)}
    conflict = pd.Series(False, index=kind_name.index)
    for name, levels in expected.items():
        conflict |= (kind_name == name) & level.notna() & ~level.isin(levels).fillna(False)
    structural_unresolved = (kind_name == "Struktural") & position.isna()
    bad = (conflict | structural_unresolved).to_numpy(bool) & usable
    log.add(raw, bad, "eselon", "ESELON_TIDAK_VALID", rejected=False, nip=nip)
    level = level.mask(conflict, pd.NA)
    level = level.mask((position == "JPT") & level.isna() & madya, 1)
    level = level.where(position.isin(expected).to_numpy(bool), pd.NA)
    return position, level.astype("Int8")


def _no_usable_nip(sheet: RawSheet, problems: pd.Series) -> None:
    """Not one row of pegawai has a readable NIP: the column itself is wrong (stored as numbers, or
    the wrong column), so this is a file-level problem rather than one finding per row."""
    counts = problems.value_counts()
    code = min(counts.index, key=lambda c: (-counts[c], c))  # the commonest problem (ties by name)
    first = sheet.data.loc[problems == code].iloc[0]
    raise InputError(
        f"tidak satu pun dari {len(problems)} baris berisi NIP yang dapat dipakai; {nz.PROBLEMS[code]} "
        f"({int((problems == code).sum())} baris, mulai baris {int(first['_row'])}: "
        f"'{nz.as_text(first['nip'])}')",
        file=sheet.file, sheet=sheet.sheet, column="nip",
    )


def _text(raw: pd.DataFrame, name: str, parser: nz.Parser = nz.cleaned) -> pd.Series:
    """A text column, cleaned once per distinct value; rows share the distinct values' str objects
    (as Arrow strings, each of millions of rows would be a copy)."""
    return _parse(raw, name, parser, object)[0]


def _load_pegawai(sheet: RawSheet) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = fnd.FindingLog(sheet.file, sheet.sheet)
    if raw.empty:
        raise InputError(
            f"tidak ada data pegawai: hanya baris judul kolom (baris {sheet.header_row}), tanpa baris di bawahnya",
            file=sheet.file, sheet=sheet.sheet,
        )
    keys, nip_problem = nz.parse_nip_keys(_column(raw, "nip"))
    bad_nip = nip_problem.notna().to_numpy(bool)
    if bad_nip.all():
        _no_usable_nip(sheet, nip_problem)
    log.add(raw, bad_nip, "nip", nip_problem, rejected=True)
    nip = nz.nip_text(keys).set_axis(raw.index)

    duplicated = ~bad_nip & pd.Series(keys).duplicated(keep=False).to_numpy()
    if duplicated.any():
        rows = raw.loc[duplicated, "_row"].tolist()
        first = nip[duplicated].iloc[0]
        raise InputError(
            f"NIP ganda di lembar pegawai: {duplicated.sum()} baris (baris {', '.join(map(str, rows[:10]))}"
            f"{' dst.' if len(rows) > 10 else ''}), misalnya NIP {first}; setiap pegawai harus "
            "tercantum sekali",
            file=sheet.file, sheet=sheet.sheet, column="nip",
        )

    status, status_problem = _parse(raw, "status", nz.parse_status)
    bad_status = status_problem.notna().to_numpy(bool) & ~bad_nip
    log.add(raw, bad_status, "status", status_problem, rejected=True, nip=nip)
    usable = ~bad_nip & ~bad_status

    nama = _text(raw, "nama")
    log.add(raw, (nama == "").to_numpy(bool) & usable, "nama", "NAMA_KOSONG", rejected=False, nip=nip)
    unit = _text(raw, "unit_kerja")
    no_unit = (unit == "").to_numpy(bool)
    log.add(raw, no_unit & usable, "unit_kerja", "UNIT_KOSONG", rejected=False, nip=nip)
    unit = unit.mask(no_unit, "(Unit kerja tidak diisi)")

    education, edu_problem = _parse(raw, "pendidikan", nz.parse_education)
    log.add(raw, edu_problem.notna().to_numpy(bool) & usable, "pendidikan", edu_problem,
            rejected=False, nip=nip)
    (kind, kind_problem), (madya, _) = nz.parse_series_each(
        _column(raw, "jenis_jabatan"), (nz.position_type, object), (nz.is_jpt_madya_utama, "bool"))
    log.add(raw, kind_problem.notna().to_numpy(bool) & usable, "jenis_jabatan", kind_problem,
            rejected=False, nip=nip)
    eselon, eselon_problem = _parse(raw, "eselon", nz.parse_eselon)
    log.add(raw, eselon_problem.notna().to_numpy(bool) & usable, "eselon", eselon_problem,
            rejected=False, nip=nip)
    position, level = _resolve_position(kind, madya, eselon, log, raw, nip, usable)

    table = pd.DataFrame({
        "nip": nip,
        "nama": nama,
        "unit_kerja": unit,
        "jenis_jabatan": position,
        "eselon": level,
        "jabatan": _text(raw, "jabatan"),
        "pendidikan": education,
        "pendidikan_input": _text(raw, "pendidikan", nz.quoted),
        "status": status,
        "jenis_kelamin": nz.gender_from_keys(keys),
        "_row": raw["_row"],
        "_nip": keys,
    })[usable].reset_index(drop=True)
    return table.astype({"eselon": "Int8"}), log.frame()


# --- history sheets ---------------------------------------------------------------------------


@dataclass
class _Roster:
    """The loaded employees' NIPs, which every history row must name."""

    keys: pd.Index  # int64 NIP keys, unique
    nips: np.ndarray  # the same NIPs as the pegawai table's own str objects

    @classmethod
    def of(cls, pegawai: pd.DataFrame) -> _Roster:
        return cls(pd.Index(pegawai["_nip"], dtype="int64"), pegawai["nip"].to_numpy(object))


def _history_nip(raw: pd.DataFrame, log: fnd.FindingLog, roster: _Roster
                 ) -> tuple[pd.Series, dict[str, np.ndarray], np.ndarray]:
    """Parse the NIP of a history sheet; rows with a bad or unknown NIP are rejected. Returns the NIPs
    (sharing the pegawai table's strings: history sheets have tens of millions of rows), the join
    columns (`_nip`, the int64 key; `_pegawai`, the employee's row in the pegawai table, a hint that
    scoring checks against `_nip` before it trusts it), and which rows are usable."""
    keys, problem = nz.parse_nip_keys(_column(raw, "nip"))
    position = roster.keys.get_indexer(keys)
    unknown = (keys != nz.NO_KEY) & (position < 0)
    problem = problem.mask(unknown, "NIP_TIDAK_ADA_DI_PEGAWAI")
    bad = problem.notna().to_numpy(bool)
    shown = pd.Series(None, index=raw.index, dtype=object)
    shown[unknown] = nz.nip_text(keys[unknown]).to_numpy()
    log.add(raw, bad, "nip", problem, rejected=True, nip=shown)
    nip = np.full(len(raw), None, dtype=object)
    known = position >= 0
    nip[known] = roster.nips[position[known]]
    join = {"_nip": keys, "_pegawai": position.astype(np.int32)}
    return pd.Series(nip, index=raw.index, dtype=object, copy=False), join, ~bad


def _reject_exact_duplicates(raw: pd.DataFrame, table: pd.DataFrame, ok: np.ndarray,
                             log: fnd.FindingLog, columns: list[str]) -> np.ndarray:
    """Keep the first of identical rows; the copies are findings (they would count twice)."""
    # `_pegawai` (the employee's row) stands for the NIP: equal exactly where the NIP is, on usable rows
    key = rowkeys.combination_key(table["_pegawai" if c == "nip" else c] for c in columns)
    dup = rowkeys.duplicated(key, ok)
    log.add(raw, dup, "nip", "DUPLIKAT_PERSIS", rejected=True, nip=table["nip"])
    return ok & ~dup


def _load_diklat(sheet: RawSheet, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = fnd.FindingLog(sheet.file, sheet.sheet)
    nip, join, ok = _history_nip(raw, log, roster)
    kind, kind_problem = _parse(raw, "jenis", nz.parse_training_kind, "category")
    bad = kind_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "jenis", kind_problem, rejected=True, nip=nip)
    ok &= ~bad

    date, date_problem = _parse(raw, "tanggal_selesai", nz.parse_date, "datetime64[ns]")
    bad = date_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "tanggal_selesai", date_problem, rejected=True, nip=nip)
    ok &= ~bad

    jp, jp_problem = _parse(raw, "jp", nz.parse_jp, "float64")
    jp_problem = jp_problem.mask((kind == "teknis") & jp.isna() & jp_problem.isna(), "JP_KOSONG")
    bad = jp_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "jp", jp_problem, rejected=True, nip=nip)
    ok &= ~bad

    # Leadership level from `tingkat`, else from the training's name.
    from_level, level_problem = _parse(raw, "tingkat", nz.parse_leadership_level, "float64")
    (from_name, _), (cleaned_name, _) = nz.parse_series_each(
        _column(raw, "nama"), (nz.parse_leadership_level, "float64"), (nz.cleaned, "category"))
    level = from_level.where(from_level.notna(), from_name)
    bad = (kind == "kepemimpinan").to_numpy(bool) & level.isna().to_numpy(bool) & ok
    shown = pd.Series(None, index=raw.index, dtype=object)  # the cell the level was looked for in
    if bad.any():
        given, named = _column(raw, "tingkat")[bad].astype(object), _column(raw, "nama")[bad].astype(object)
        shown[bad] = given.where(~given.map(nz.is_blank), named)
    log.add(raw, bad, "tingkat", "TINGKAT_DIKLAT_TIDAK_DIKENALI", rejected=True, raw=shown, nip=nip)
    ok &= ~bad

    table = pd.DataFrame({
        "nip": nip,
        "jenis": kind,
        "nama": cleaned_name,
        "tingkat": level.where(kind == "kepemimpinan", None),
        "tanggal_selesai": date,
        "jp": jp.astype("float64"),
        "_row": raw["_row"],
        **join,
    }, copy=False)  # the parsed columns are new already
    ok = _reject_exact_duplicates(raw, table, ok, log, ["nip", "jenis", "nama", "tanggal_selesai", "jp"])
    table = table[ok].reset_index(drop=True)
    return table.astype({"tingkat": "Int8", "tanggal_selesai": "datetime64[ns]"}), log.frame()


def _load_kinerja(sheet: RawSheet, roster: _Roster, rules: Ruleset) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = fnd.FindingLog(sheet.file, sheet.sheet)
    nip, join, ok = _history_nip(raw, log, roster)
    year, year_problem = _parse(raw, "tahun", nz.parse_year)
    bad = year_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "tahun", year_problem, rejected=True, nip=nip)
    ok &= ~bad

    value, value_problem = _parse(raw, "nilai", nz.parse_number, "float64")
    value = value.astype("float64")
    value_problem = value_problem.where(value_problem.isna(), "NILAI_TIDAK_VALID")
    out_of_range = value.notna() & ((value < 0) | (value > rules.kinerja.nilai_maks))
    value_problem = value_problem.mask(out_of_range, "NILAI_DI_LUAR_RENTANG")
    predicate, predicate_problem = _parse(raw, "predikat", nz.parse_predicate, "category")

    has_value = value_problem.isna() & value.notna()
    has_predicate = predicate_problem.isna() & predicate.notna()
    # The value decides; a bad value is rejected, never guessed around through the predicate.
    bad = value_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "nilai", value_problem, rejected=True, nip=nip)
    ok &= ~bad
    unusable_predicate = predicate_problem.notna() & ~has_value
    bad = unusable_predicate.to_numpy(bool) & ok
    log.add(raw, bad, "predikat", predicate_problem, rejected=True, nip=nip)
    ok &= ~bad
    ignored_predicate = predicate_problem.notna() & has_value
    log.add(raw, ignored_predicate.to_numpy(bool) & ok, "predikat", predicate_problem, rejected=False, nip=nip)
    empty = ~has_value & ~has_predicate & predicate_problem.isna()
    bad = empty.to_numpy(bool) & ok
    log.add(raw, bad, "nilai", "KINERJA_KOSONG", rejected=True, nip=nip)
    ok &= ~bad

    table = pd.DataFrame({
        "nip": nip, "tahun": year, "nilai": value.where(has_value),
        "predikat": predicate.where(has_predicate, None), "_row": raw["_row"], **join,
    }, copy=False)
    ok = _reject_exact_duplicates(raw, table, ok, log, ["nip", "tahun", "nilai", "predikat"])
    # Different assessments for one (nip, tahun): none can be chosen, so all are rejected.
    clash = rowkeys.duplicated(rowkeys.combination_key([table["_pegawai"], table["tahun"]]), ok, keep=False)
    log.add(raw, clash, "tahun", "KINERJA_GANDA", rejected=True, nip=nip)
    ok &= ~clash
    table = table[ok].reset_index(drop=True)
    return table.astype({"tahun": "int64", "nilai": "float64"}), log.frame()


def _load_hukdis(sheet: RawSheet, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = fnd.FindingLog(sheet.file, sheet.sheet)
    nip, join, ok = _history_nip(raw, log, roster)
    level, level_problem = _parse(raw, "tingkat", nz.parse_discipline, "category")
    date, date_problem = _parse(raw, "tanggal", nz.parse_date, "datetime64[ns]")
    bad_level = level_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad_level, "tingkat", level_problem, rejected=True, nip=nip)
    bad_date = date_problem.notna().to_numpy(bool) & ok & ~bad_level
    log.add(raw, bad_date, "tanggal", date_problem, rejected=True, nip=nip)
    unreadable = pd.DataFrame({"nip": nip, "tanggal": date, **join})[bad_level | bad_date]
    ok &= ~(bad_level | bad_date)
    table = pd.DataFrame({"nip": nip, "tingkat": level, "tanggal": date, "_row": raw["_row"], **join},
                         copy=False)
    ok = _reject_exact_duplicates(raw, table, ok, log, ["nip", "tingkat", "tanggal"])
    table = table[ok].reset_index(drop=True)
    unreadable = unreadable.reset_index(drop=True).astype({"tanggal": "datetime64[ns]"})
    return table.astype({"tanggal": "datetime64[ns]"}), unreadable, log.frame()


def _accounting(sheets: dict[str, RawSheet], found: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name in SHEET_ORDER:
        if name not in sheets:
            continue
        sheet = sheets[name]
        mine = found[found["lembar"] == sheet.sheet]
        flagged = mine["baris"].nunique()
        rejected = mine.loc[mine["ditolak"], "baris"].nunique()
        read = len(sheet)
        rows.append({"lembar": name, "berkas": sheet.file, "dibaca": read, "dipakai": read - flagged,
                     "bermasalah": flagged, "ditolak": rejected})
    return pd.DataFrame(rows, columns=["lembar", "berkas", "dibaca", "dipakai", "bermasalah", "ditolak"])


def load(path: str | Path, rules: Ruleset | None = None) -> Dataset:
    """Read and normalise an HR export (workbook or folder). File-level problems raise InputError."""
    rules = rules or load_ruleset()
    sheets = read_tables(path)
    pegawai, peg_findings = _load_pegawai(sheets["pegawai"])
    roster = _Roster.of(pegawai)
    parts = [peg_findings]
    diklat, kinerja, hukdis = _empty(DIKLAT_COLUMNS), _empty(KINERJA_COLUMNS), _empty(HUKDIS_COLUMNS)
    unreadable = _empty({"nip": "object", "tanggal": "datetime64[ns]", "_nip": "int64", "_pegawai": "int32"})
    if "diklat" in sheets:
        diklat, part = _load_diklat(sheets["diklat"], roster)
        parts.append(part)
    if "kinerja" in sheets:
        kinerja, part = _load_kinerja(sheets["kinerja"], roster, rules)
        parts.append(part)
    if "hukdis" in sheets:
        hukdis, unreadable, part = _load_hukdis(sheets["hukdis"], roster)
        parts.append(part)
    found = fnd.combine(parts)
    return Dataset(
        source=str(path), pegawai=pegawai, diklat=diklat, kinerja=kinerja, hukdis=hukdis,
        hukdis_unreadable=unreadable, findings=found, accounting=_accounting(sheets, found),
        files={name: sheet.file for name, sheet in sheets.items()},
    )
