"""Load an HR export into clean, typed tables plus findings, with every input row accounted for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn import findings as fnd
from ipasn import normalize as nz
from ipasn import rowkeys, vocab
from ipasn.errors import InputError
from ipasn.input import RawSheet, Sources, read_sources
from ipasn.ruleset import Ruleset, load_ruleset
from ipasn.schema import TABLES

# What scoring assumes of a history table that is not there at all.
ABSENT_MEANS = {
    "diklat": "tanpa riwayat diklat/kursus, kompetensi setiap PNS dihitung 0",
    "kinerja": "tanpa penilaian kinerja, kinerja setiap PNS dihitung 0",
    "hukdis": "tanpa riwayat hukuman disiplin, setiap PNS dianggap tidak pernah dihukum (disiplin 5)",
}


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
    accounting: pd.DataFrame  # per sheet read or skipped: peran, dibaca, dipakai, bermasalah, ditolak
    files: dict[str, str] = field(default_factory=dict)  # table -> the file(s) it was read from
    column_use: pd.DataFrame = field(default_factory=pd.DataFrame)  # every titled column: used as what, or why not
    # History tables that no input held: table -> whether the run said so on purpose.
    absent: dict[str, bool] = field(default_factory=dict)
    kinerja_years: tuple[int, ...] = ()  # every year the kinerja rows name, usable or not

    @property
    def undeclared_absent(self) -> list[str]:
        return [table for table, declared in self.absent.items() if not declared]


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


# `status`: PNS, CPNS, PPPK (None: not recognised). `keterangan_status`: why the employee is not
# measured ("CPNS", "PPPK", "CLTN", "pemberhentian sementara", "status tidak dikenali", "status
# bertentangan"); None for the measured PNS. `hanya_tahun` (history tables): the date column held
# only a year, and the date is 31 December of it (RULES.md "A bare year in a date column").
PEGAWAI_COLUMNS = {"nip": "object", "nama": "object", "unit_kerja": "object", "sub_unit": "object",
                   "jenis_jabatan": "object", "eselon": "Int8", "jabatan": "object",
                   "pendidikan": "object", "pendidikan_input": "object", "status": "object",
                   "keterangan_status": "object", "jenis_kelamin": "object", "_row": "int64", "_nip": "int64"}
DIKLAT_COLUMNS = {"nip": "object", "jenis": "category", "nama": "category", "tingkat": "Int8",
                  "tanggal_selesai": "datetime64[ns]", "hanya_tahun": "bool", "jp": "float64", "_row": "int64",
                  "_nip": "int64", "_pegawai": "int32"}
KINERJA_COLUMNS = {"nip": "object", "tahun": "int64", "nilai": "float64", "predikat": "category",
                   "_row": "int64", "_nip": "int64", "_pegawai": "int32"}
HUKDIS_COLUMNS = {"nip": "object", "tingkat": "category", "tanggal": "datetime64[ns]", "hanya_tahun": "bool",
                  "_row": "int64", "_nip": "int64", "_pegawai": "int32"}
UNREADABLE_COLUMNS = {"nip": "object", "tanggal": "datetime64[ns]", "hanya_tahun": "bool", "_nip": "int64",
                      "_pegawai": "int32"}


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
    return raw[name] if name in raw else pd.Series([None] * len(raw), index=raw.index, dtype=object)


def _parse_each(raw: pd.DataFrame, name: str, *specs: tuple[nz.Parser, str | None]
                ) -> list[tuple[pd.Series, pd.Series]]:
    """`nz.parse_series_each` over a column (factorized once); for a column the sheet does not have,
    each parser's answer for an empty cell, without looking at millions of empty cells."""
    if name in raw:
        return nz.parse_series_each(raw[name], *specs)
    out = []
    for parser, dtype in specs:
        value, problem = parser(None)
        values = pd.Series([value], dtype=dtype).take(np.zeros(len(raw), dtype=np.intp)).set_axis(raw.index)
        code = -1 if problem is None else nz.PROBLEM_CODES.categories.get_loc(problem)
        problems = pd.Categorical.from_codes(np.full(len(raw), code, dtype=np.int8), dtype=nz.PROBLEM_CODES)
        out.append((values, pd.Series(problems, index=raw.index)))
    return out


def _parse(raw: pd.DataFrame, name: str, parser: nz.Parser, dtype: str | None = None
           ) -> tuple[pd.Series, pd.Series]:
    return _parse_each(raw, name, (parser, dtype))[0]


def _blank(value: object) -> tuple[bool, None]:
    return nz.is_blank(value), None


BLANK = (_blank, "bool")  # a parse spec: whether the cell is empty


# --- helpers ----------------------------------------------------------------------------------


def _given(raw: pd.DataFrame, name: str) -> np.ndarray:
    """Which cells of a column hold anything (False throughout when the column is absent)."""
    if name not in raw:
        return np.zeros(len(raw), dtype=bool)
    return ~_parse(raw, name, *BLANK)[0].to_numpy(bool)


def _pair_text(raw: pd.DataFrame, first: str, second: str, mask: np.ndarray) -> pd.Series:
    """"<first> / <second>" as the user wrote them, for a finding that names both values."""
    shown = pd.Series(None, index=raw.index, dtype=object)
    if mask.any():
        a = _column(raw, first)[mask].astype(object).map(nz.as_text)
        b = _column(raw, second)[mask].astype(object).map(nz.as_text)
        shown[mask] = (a + " / " + b).to_numpy()
    return shown


def _id_or_name(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, usable: np.ndarray, id_column: str,
                name_column: str, parse_id: nz.Parser, parse_name: nz.Parser, dtype: str = "category",
                refines: dict[str, tuple[str, ...]] | None = None, also: tuple = ()
                ) -> tuple[pd.Series, pd.Series, np.ndarray, list[tuple[pd.Series, pd.Series]]]:
    """One value from SIASN's id column and its name column (RULES.md "SIASN ids"): the id decides;
    where the two disagree a harmless finding names both (KODE_NAMA_BERBEDA), where the id is unknown
    but the name is readable the name is used (KODE_TIDAK_DIKENALI). `refines` lists names that say
    more than an id without contradicting it (id 1 Struktural named "Administrator"): the name is used.

    Returns the value ("category" or "float64" as `dtype`), the problem where neither column gives
    one (None elsewhere), whether that problem is the id's (the name column was empty), and the
    name column parsed by the further specs `also` (each column is factorized once)."""
    (by_id, id_problem), (id_blank, _) = _parse_each(raw, id_column, (parse_id, dtype), BLANK)
    (by_name, name_problem), (name_blank, _), *extra = _parse_each(raw, name_column, (parse_name, dtype), BLANK,
                                                                   *also)
    id_given, name_given = ~id_blank.to_numpy(bool), ~name_blank.to_numpy(bool)
    if dtype == "category":  # compare codes over one set of categories, not millions of str objects
        union = by_id.cat.categories.union(by_name.cat.categories)
        by_id, by_name = by_id.cat.set_categories(union), by_name.cat.set_categories(union)
        id_codes, name_codes = by_id.cat.codes.to_numpy(), by_name.cat.codes.to_numpy()
        has_id, has_name = id_codes >= 0, name_codes >= 0
    else:
        id_codes, name_codes = (v.to_numpy("float64", na_value=np.nan) for v in (by_id, by_name))
        has_id, has_name = ~np.isnan(id_codes), ~np.isnan(name_codes)
    differ = has_id & has_name & (id_codes != name_codes)
    refined = np.zeros(len(raw), dtype=bool)
    for general, specific in (refines or {}).items():
        refined |= differ & (by_id == general).to_numpy(bool) & by_name.isin(specific).to_numpy(bool)
    differ &= ~refined
    log.add(raw, differ & usable, id_column, "KODE_NAMA_BERBEDA", rejected=False,
            raw=_pair_text(raw, id_column, name_column, differ & usable), nip=nip)
    unknown_id = id_given & ~has_id & has_name & id_problem.notna().to_numpy(bool)  # (known ids without a
    # value, such as LATIHAN STRUKTURAL ID 8 "lainnya", simply leave the value to the name)
    log.add(raw, unknown_id & usable, id_column, "KODE_TIDAK_DIKENALI", rejected=False, nip=nip)
    use_id = has_id & ~refined
    if dtype == "category":
        value = pd.Series(pd.Categorical.from_codes(np.where(use_id, id_codes, name_codes), dtype=by_id.dtype),
                          index=raw.index)
    else:
        value = pd.Series(np.where(use_id, id_codes, name_codes), index=raw.index)
    id_only = id_given & ~name_given
    problem = name_problem.where(~id_only, id_problem).where(~(has_id | has_name), None)
    return value, problem, id_only, extra


@dataclass
class _Table:
    """The raw rows of one table, stacked from every sheet that holds it (a folder of separate
    downloads, or Riwayat Diklat beside Riwayat Kursus). With several sheets, `_src` in `data` says
    which one each row came from, so findings and row counts name the right file and sheet."""

    sheets: list[RawSheet]
    data: pd.DataFrame

    @classmethod
    def of(cls, sheets: list[RawSheet]) -> _Table:
        if len(sheets) == 1:
            return cls(sheets, sheets[0].data)
        data = pd.concat([s.data.assign(_src=np.int16(i)) for i, s in enumerate(sheets)], ignore_index=True)
        for column in data.columns:  # a column one sheet lacks is empty (None, not NaN) in its rows
            if data[column].dtype == float and column not in ("_row",) and column not in sheets[0].data:
                data[column] = data[column].astype(object).where(data[column].notna(), None)
        return cls(sheets, data)

    @property
    def file(self) -> str:
        return ", ".join(dict.fromkeys(s.file for s in self.sheets))

    @property
    def sheet(self) -> str:
        return ", ".join(dict.fromkeys(s.sheet for s in self.sheets))

    @property
    def header_row(self) -> int:
        return self.sheets[0].header_row

    def log(self) -> fnd.FindingLog:
        sources = [(s.file, s.sheet) for s in self.sheets] if len(self.sheets) > 1 else None
        return fnd.FindingLog(self.file, self.sheet, sources)

    def rows_text(self, mask: np.ndarray, limit: int = 10) -> str:
        """"baris 2, 3 dst." for the masked rows; with several sheets, per sheet."""
        rows = self.data.loc[mask, "_row"].tolist()
        src = self.data.loc[mask, "_src"].tolist() if len(self.sheets) > 1 else [0] * len(rows)
        parts = []
        for i, sheet in enumerate(self.sheets):
            mine = [str(r) for r, s in zip(rows, src) if s == i]
            if mine:
                shown = ", ".join(mine[:limit]) + (" dst." if len(mine) > limit else "")
                parts.append(f"baris {shown}" + (f" di {sheet.file} › {sheet.sheet}" if len(self.sheets) > 1 else ""))
        return "; ".join(parts)


# --- pegawai ----------------------------------------------------------------------------------


TYPES = pd.CategoricalDtype(["PNS", "CPNS", "PPPK"])  # codes 0, 1, 2; -1 none stated
REASONS = pd.CategoricalDtype(["CLTN", "pemberhentian sementara"])
# Why someone is not measured, in keterangan_status (codes of the array built in `_employment`).
NOT_MEASURED = np.array([None, "CPNS", "PPPK", "CLTN", "pemberhentian sementara", "status tidak dikenali",
                         "status bertentangan"], dtype=object)


def _employment(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, usable: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Employment type (PNS/CPNS/PPPK, None unknown) and why someone is not measured (None: measured),
    from `status` (STATUS CPNS PNS) and `kedudukan` (KEDUDUKAN HUKUM NAMA), read both: measured only
    when neither says otherwise (RULES.md "Reading real exports"). No row is rejected for its status:
    an unknown status is a finding, and that person is registered and not measured."""
    (s_kind, s_problem), (s_reason, _) = _parse_each(raw, "status", (nz.status_type, TYPES),
                                                     (nz.status_obstacle, REASONS))
    (k_kind, k_problem), (k_reason, _) = _parse_each(raw, "kedudukan", (nz.kedudukan_type, TYPES),
                                                     (nz.status_obstacle, REASONS))
    s_unknown, k_unknown = s_problem.notna().to_numpy(bool), k_problem.notna().to_numpy(bool)
    log.add(raw, s_unknown & usable, "status", s_problem, rejected=False, nip=nip)
    log.add(raw, k_unknown & usable, "kedudukan", k_problem, rejected=False, nip=nip)
    s, k = s_kind.cat.codes.to_numpy(), k_kind.cat.codes.to_numpy()  # -1 none, 0 PNS, 1 CPNS, 2 PPPK
    clash = (s >= 0) & (k >= 0) & (s != k)
    log.add(raw, clash & usable, "status", "STATUS_BERTENTANGAN", rejected=False,
            raw=_pair_text(raw, "status", "kedudukan", clash & usable), nip=nip)
    # The type either column states; where one says PNS and the other CPNS or PPPK, the latter.
    kind = np.maximum(s, k)
    unresolved = clash & (s > 0) & (k > 0)  # CPNS in one, PPPK in the other
    unknown = s_unknown | k_unknown
    kind = np.where(unresolved | ((kind < 0) & unknown), -1, np.where(kind < 0, 0, kind))  # empty is PNS
    # Why not measured (later rules take precedence): unknown, a kedudukan, a type, a contradiction.
    reason = np.where(unknown, 5, 0)
    for obstacle in (s_reason, k_reason):
        code = obstacle.cat.codes.to_numpy()
        reason = np.where(code >= 0, code + 3, reason)
    reason = np.where(kind > 0, kind, reason)
    reason = np.where(unresolved, 6, reason)
    return np.array(["PNS", "CPNS", "PPPK", None], dtype=object)[kind], NOT_MEASURED[reason]


def _resolve_position(kind_name: pd.Series, madya: pd.Series, eselon: pd.Series, eselon_flagged: np.ndarray,
                      log: fnd.FindingLog, raw: pd.DataFrame, nip: pd.Series, usable: np.ndarray
                      ) -> tuple[pd.Series, pd.Series]:
    """Canonical position type and eselon level; "Struktural" and "Administrasi" (JA) are split by
    eselon (RULES.md "Position")."""
    level = eselon.astype("Int8")
    by_eselon = {"Struktural": {1: "JPT", 2: "JPT", 3: "Administrator", 4: "Pengawas"},
                 "Administrasi": {3: "Administrator", 4: "Pengawas"}}
    position = kind_name.astype(object).where(kind_name.notna(), None)
    for name, table in by_eselon.items():
        resolved = level.map(table, na_action="ignore").astype(object)
        position = position.where(kind_name != name, resolved.where(resolved.notna(), None))
    # Jabatan Administrasi without an eselon is Pelaksana (UU 5/2014); an unreadable eselon is not "none".
    plain = ((kind_name == "Administrasi") & level.isna()).to_numpy(bool) & ~eselon_flagged
    position = position.mask(plain, "Pelaksana")
    position = position.astype(object).where(position.notna(), None)  # None, not NaN (pandas 3 str)
    # An explicit structural type decides; a contradicting eselon is a finding.
    expected = {"JPT": (1, 2), "Administrator": (3,), "Pengawas": (4,)}
    conflict = pd.Series(False, index=kind_name.index)
    for name, levels in expected.items():
        conflict |= (kind_name == name) & level.notna() & ~level.isin(levels).fillna(False)
    unresolved = kind_name.isin(by_eselon) & position.isna()
    bad = (conflict | unresolved).to_numpy(bool) & usable & ~eselon_flagged  # one finding per cell
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


def _log_problem(log: fnd.FindingLog, raw: pd.DataFrame, problem: pd.Series, id_only: np.ndarray,
                 usable: np.ndarray, id_column: str, name_column: str, nip: pd.Series) -> None:
    """A problem of `_id_or_name`, reported on the id column where only the id was given."""
    bad = problem.notna().to_numpy(bool) & usable
    log.add(raw, bad & ~id_only, name_column, problem, rejected=False, nip=nip)
    log.add(raw, bad & id_only, id_column, problem, rejected=False, nip=nip)


def _load_pegawai(sheet: _Table) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
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
        first = nip[duplicated].iloc[0]
        raise InputError(
            f"NIP ganda di lembar pegawai: {duplicated.sum()} baris ({sheet.rows_text(duplicated)}), "
            f"misalnya NIP {first}; setiap pegawai harus "
            "tercantum sekali",
            file=sheet.file, sheet=sheet.sheet, column="nip",
        )
    usable = ~bad_nip
    status, not_measured = _employment(raw, log, nip, usable)

    nama = _text(raw, "nama")
    log.add(raw, (nama == "").to_numpy(bool) & usable, "nama", "NAMA_KOSONG", rejected=False, nip=nip)
    unit = _text(raw, "unit_kerja")
    no_unit = (unit == "").to_numpy(bool)
    log.add(raw, no_unit & usable, "unit_kerja", "UNIT_KOSONG", rejected=False, nip=nip)
    unit = unit.mask(no_unit, "(Unit kerja tidak diisi)")

    education, edu_problem, edu_id_only, _ = _id_or_name(
        raw, log, nip, usable, "pendidikan_id", "pendidikan", nz.parse_education, nz.parse_education)
    _log_problem(log, raw, edu_problem, edu_id_only, usable, "pendidikan_id", "pendidikan", nip)
    kind, kind_problem, kind_id_only, [(madya, _)] = _id_or_name(
        raw, log, nip, usable, "jenis_jabatan_id", "jenis_jabatan", nz.parse_position_id, nz.position_type,
        refines=vocab.POSITION_REFINES, also=((nz.is_jpt_madya_utama, "bool"),))
    _log_problem(log, raw, kind_problem, kind_id_only, usable, "jenis_jabatan_id", "jenis_jabatan", nip)
    eselon, eselon_problem, eselon_id_only, _ = _id_or_name(
        raw, log, nip, usable, "eselon_id", "eselon", nz.parse_eselon, nz.parse_eselon, "float64")
    _log_problem(log, raw, eselon_problem, eselon_id_only, usable, "eselon_id", "eselon", nip)
    position, level = _resolve_position(kind, madya, eselon, eselon_problem.notna().to_numpy(bool), log, raw,
                                        nip, usable)
    shown_education = _text(raw, "pendidikan", nz.quoted)
    if "pendidikan_id" in raw:  # only the id: quote it
        shown_education = shown_education.mask(edu_id_only, _text(raw, "pendidikan_id", nz.quoted))

    table = pd.DataFrame({
        "nip": nip,
        "nama": nama,
        "unit_kerja": unit,
        "sub_unit": _text(raw, "sub_unit"),
        "jenis_jabatan": position,
        "eselon": level,
        "jabatan": _text(raw, "jabatan"),
        "pendidikan": education.astype(object).where(education.notna(), None),
        "pendidikan_input": shown_education,
        "status": pd.Series(status, index=raw.index, dtype=object),
        "keterangan_status": pd.Series(not_measured, index=raw.index, dtype=object),
        "jenis_kelamin": nz.gender_from_keys(keys),
        "_row": raw["_row"],
        "_nip": keys,
    })[usable].reset_index(drop=True)
    context = {"_tabel": "pegawai", "_nip": keys}
    return table.astype({"eselon": "Int8"}), log.frame(context, raw.index)


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


def _dates(raw: pd.DataFrame, column: str, log: fnd.FindingLog, nip: pd.Series, ok: np.ndarray
           ) -> tuple[pd.Series, np.ndarray, pd.Series, np.ndarray]:
    """A date column: the dates (31 December for a bare year), which rows hold only a year (kept,
    with a finding), the problem of rows with an unusable date (None elsewhere; not yet logged: the
    caller decides), and the earliest possible date of each row (1 January for a bare year; NaT
    where unknown)."""
    date, problem = _parse(raw, column, nz.parse_date, "datetime64[ns]")
    year_only = (problem == nz.YEAR_ONLY).to_numpy(bool)
    flagged = year_only & ok
    shown = pd.Series(None, index=raw.index, dtype=object)
    if flagged.any():
        shown[flagged] = nz.parse_series(_column(raw, column)[flagged], nz.date_shown, object)[0]
    log.add(raw, flagged, column, nz.YEAR_ONLY, rejected=False, raw=shown, nip=nip)
    days = date.to_numpy("datetime64[ns]")
    earliest = np.where(year_only, days.astype("datetime64[Y]").astype("datetime64[ns]"), days)
    return date, year_only, problem.mask(year_only, None), earliest


def _history_context(table: str, join: dict[str, np.ndarray], **columns) -> dict:
    """What a history row would feed into scoring, attached to its findings (findings.CONTEXT)."""
    return {"_tabel": table, "_nip": join["_nip"], **columns}


def _load_diklat(sheet: _Table, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
    nip, join, ok = _history_nip(raw, log, roster)
    # The training's own name: `nama_diklat` (a bare NAMA in a history sheet is the employee), or
    # `nama` in a hand-made diklat sheet.
    name_column = "nama_diklat" if "nama_diklat" in raw else "nama"

    # Its kind: SIASN's jenis diklat id decides over the jenis text; without either, a leadership
    # level (a riwayat diklat struktural sheet) or a leadership name says kepemimpinan. Latsar /
    # Prajabatan, by kind or by name, never counts.
    kind, kind_problem, kind_id_only, [(from_kind, _), (kind_blank, _)] = _id_or_name(
        raw, log, nip, ok, "jenis_id", "jenis", nz.parse_training_id, nz.parse_training_kind,
        also=((nz.parse_leadership_level, "float64"), BLANK))
    kind = kind.cat.set_categories(list(vocab.TRAINING))  # every kind a row can be given below
    (leadership_name, _), (prajabatan_name, _), (name_level, _), (cleaned_name, _) = _parse_each(
        raw, name_column, (nz.names_leadership, "bool"), (nz.is_prajabatan, "bool"),
        (nz.parse_leadership_level, "float64"), (nz.cleaned, "category"))
    kind_given = ~kind_blank.to_numpy(bool) | _given(raw, "jenis_id")
    level_given = _given(raw, "tingkat") | _given(raw, "tingkat_id")
    unnamed = ~kind_given & kind.isna().to_numpy(bool)
    kind = kind.mask(unnamed & (level_given | leadership_name.to_numpy(bool)), "kepemimpinan")
    prajabatan_kind = (kind == "prajabatan").to_numpy(bool)
    prajabatan = prajabatan_name.to_numpy(bool) | prajabatan_kind
    kind = kind.mask(prajabatan, "prajabatan")
    unknown = kind.isna().to_numpy(bool)  # its problem: the kind's, or the id's where only an id was given
    log.add(raw, unknown & ok & ~kind_id_only, "jenis", kind_problem, rejected=True, nip=nip)
    log.add(raw, unknown & ok & kind_id_only, "jenis_id", kind_problem, rejected=True, nip=nip)
    ok &= ~unknown
    by_name = prajabatan & ~prajabatan_kind  # the name said so, the kind did not
    log.add(raw, prajabatan & ok & ~by_name, "jenis", "DIKLAT_PRAJABATAN", rejected=True, nip=nip)
    log.add(raw, prajabatan & ok & by_name, name_column, "DIKLAT_PRAJABATAN", rejected=True, nip=nip)
    ok &= ~prajabatan

    date, year_only, date_problem, earliest = _dates(raw, "tanggal_selesai", log, nip, ok)
    bad_date = date_problem.notna().to_numpy(bool)
    log.add(raw, bad_date & ok, "tanggal_selesai", date_problem, rejected=True, nip=nip)
    ok &= ~bad_date

    jp, jp_problem = _parse(raw, "jp", nz.parse_jp, "float64")
    jp_problem = jp_problem.mask((kind == "teknis") & jp.isna() & jp_problem.isna(), "JP_KOSONG")
    bad = jp_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "jp", jp_problem, rejected=True, nip=nip)
    ok &= ~bad

    # Leadership level: SIASN's latihan struktural id, else the level text, else the kind's text
    # ("Diklat PIM IV"), else the training's name.
    leadership = (kind == "kepemimpinan").to_numpy(bool)
    level = np.full(len(raw), np.nan)
    at = np.flatnonzero(leadership)  # a small part of a national table: look at those rows only
    if len(at):
        level[at] = _id_or_name(raw.iloc[at], log, nip.iloc[at], ok[at], "tingkat_id", "tingkat",
                                nz.parse_leadership_id, nz.parse_leadership_level, "float64")[0].to_numpy("float64")
    for fallback in (from_kind, name_level):
        level = np.where(np.isnan(level), fallback.to_numpy("float64", na_value=np.nan), level)
    level = pd.Series(level, index=raw.index)
    bad = leadership & level.isna().to_numpy(bool) & ok
    shown = pd.Series(None, index=raw.index, dtype=object)  # the cell the level was looked for in
    if bad.any():
        cells = [_column(raw, c)[bad].astype(object) for c in ("tingkat", "tingkat_id", name_column, "jenis")]
        first = cells[0]
        for other in cells[1:]:
            first = first.where(~first.map(nz.is_blank), other)
        shown[bad] = first
    log.add(raw, bad, "tingkat", "TINGKAT_DIKLAT_TIDAK_DIKENALI", rejected=True, raw=shown, nip=nip)
    ok &= ~bad

    table = pd.DataFrame({
        "nip": nip,
        "jenis": kind,
        "nama": cleaned_name,
        "tingkat": level.where(leadership),
        "tanggal_selesai": date,
        "hanya_tahun": year_only,
        "jp": jp.astype("float64"),
        "_row": raw["_row"],
        **join,
    }, copy=False)  # the parsed columns are new already
    ok = _reject_exact_duplicates(raw, table, ok, log, ["nip", "jenis", "nama", "tanggal_selesai", "jp"]
                                  + (["hanya_tahun"] if year_only.any() else []))
    context = _history_context("diklat", join, _jenis=kind,
                               _dari=earliest, _sampai=date.to_numpy("datetime64[ns]"))
    table = table[ok].reset_index(drop=True)
    return table.astype({"tingkat": "Int8", "tanggal_selesai": "datetime64[ns]"}), log.frame(context, raw.index)


def _load_kinerja(sheet: _Table, roster: _Roster, rules: Ruleset) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
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
    # a predicate the ruleset gives no points for (a custom ruleset without SEDANG) is not recognised
    unrated = predicate.notna() & ~predicate.isin(list(rules.performance_predicates))
    predicate_problem = predicate_problem.mask(unrated, "PREDIKAT_TIDAK_DIKENALI")
    predicate = predicate.mask(unrated)

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
    context = _history_context("kinerja", join, _tahun=pd.to_numeric(year, errors="coerce").to_numpy(
        "float64", na_value=np.nan))
    table = table[ok].reset_index(drop=True)
    return table.astype({"tahun": "int64", "nilai": "float64"}), log.frame(context, raw.index)


def _load_hukdis(sheet: _Table, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Punishments. The level comes from `tingkat` (ringan/sedang/berat, R/S/B), else from the
    punishment's name (`jenis_hukuman`, PP 94/2021 and PP 53/2010); where both are readable and
    differ, the level column wins and a finding says so. SIASN's jenis hukuman id alone is not read
    (ipasn does not know BKN's id table): such a row is unreadable, loudly. A row that says there was
    no punishment ("Tidak ada", "-") is not a punishment."""
    raw = sheet.data
    log = sheet.log()
    nip, join, ok = _history_nip(raw, log, roster)
    (by_level, _), (level_blank, _) = _parse_each(raw, "tingkat", (nz.parse_discipline, object), BLANK)
    (by_name, _), (name_blank, _) = _parse_each(raw, "jenis_hukuman", (nz.parse_punishment, object), BLANK)
    level_given, name_given = ~level_blank.to_numpy(bool), ~name_blank.to_numpy(bool)
    id_given = _given(raw, "jenis_hukuman_id")
    has_level, has_name = by_level.notna().to_numpy(bool), by_name.notna().to_numpy(bool)
    differ = has_level & has_name & (by_level.to_numpy(object) != by_name.to_numpy(object))
    log.add(raw, differ & ok, "tingkat", "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA", rejected=False,
            raw=_pair_text(raw, "tingkat", "jenis_hukuman", differ & ok), nip=nip)
    log.add(raw, level_given & ~has_level & has_name & ok, "tingkat", "KODE_TIDAK_DIKENALI", rejected=False,
            nip=nip)
    level = by_level.where(has_level, by_name)

    none = (level == nz.NO_PUNISHMENT).to_numpy(bool)
    log.add(raw, none & ok & has_level, "tingkat", "HUKDIS_TIDAK_ADA", rejected=True, nip=nip)
    log.add(raw, none & ok & ~has_level, "jenis_hukuman", "HUKDIS_TIDAK_ADA", rejected=True, nip=nip)
    ok &= ~none

    bad_level = level.isna().to_numpy(bool) & ok
    only_id = id_given & ~level_given & ~name_given
    name_only = name_given & ~level_given
    log.add(raw, bad_level & only_id, "jenis_hukuman_id", "JENIS_HUKUMAN_HANYA_KODE", rejected=True, nip=nip)
    log.add(raw, bad_level & name_only, "jenis_hukuman", "JENIS_HUKUMAN_TIDAK_DIKENALI", rejected=True, nip=nip)
    log.add(raw, bad_level & ~only_id & ~name_only, "tingkat", "TINGKAT_HUKDIS_TIDAK_DIKENALI", rejected=True,
            nip=nip)
    date, year_only, date_problem, earliest = _dates(raw, "tanggal", log, nip, ok & ~bad_level)
    bad_date = date_problem.notna().to_numpy(bool) & ok & ~bad_level
    log.add(raw, bad_date, "tanggal", date_problem, rejected=True, nip=nip)
    unreadable = pd.DataFrame({"nip": nip, "tanggal": date, "hanya_tahun": year_only,
                               **join})[bad_level | bad_date]
    ok &= ~(bad_level | bad_date)
    table = pd.DataFrame({"nip": nip, "tingkat": level.astype("category"), "tanggal": date,
                          "hanya_tahun": year_only, "_row": raw["_row"], **join}, copy=False)
    ok = _reject_exact_duplicates(raw, table, ok, log, ["nip", "tingkat", "tanggal"]
                                  + (["hanya_tahun"] if year_only.any() else []))
    context = _history_context("hukdis", join, _dari=earliest, _sampai=date.to_numpy("datetime64[ns]"))
    table = table[ok].reset_index(drop=True)
    unreadable = unreadable.reset_index(drop=True).astype({"tanggal": "datetime64[ns]", "hanya_tahun": bool})
    return table.astype({"tanggal": "datetime64[ns]"}), unreadable, log.frame(context, raw.index)


def _accounting(sources: Sources, found: pd.DataFrame, absent: dict[str, bool]) -> pd.DataFrame:
    """One line per sheet or file seen: what it was read as, and its rows: read = used + with findings."""
    def rows_per_sheet(frame: pd.DataFrame) -> pd.Series:
        return frame.drop_duplicates(["berkas", "lembar", "baris"]).groupby(["berkas", "lembar"]).size()

    flagged_rows, rejected_rows = rows_per_sheet(found), rows_per_sheet(found[found["ditolak"]])
    rows = []
    for sheet in sorted(sources.sheets, key=lambda s: TABLES.index(s.table)):
        flagged = int(flagged_rows.get((sheet.file, sheet.sheet), 0))
        read = len(sheet)
        rows.append({"peran": sheet.role, "berkas": sheet.file, "lembar": sheet.sheet, "dibaca": read,
                     "dipakai": read - flagged, "bermasalah": flagged,
                     "ditolak": int(rejected_rows.get((sheet.file, sheet.sheet), 0)),
                     "keterangan": sheet.note})
    for skipped in sources.skipped:
        rows.append({"peran": "", "berkas": skipped.file, "lembar": skipped.sheet, "dibaca": 0, "dipakai": 0,
                     "bermasalah": 0, "ditolak": 0, "keterangan": f"tidak dibaca: {skipped.reason}"})
    for table, declared in absent.items():  # a table no input holds: no file, no sheet
        said = "dinyatakan sengaja tidak ada" if declared else "TIDAK ADA; tidak ada skor yang dianggap lengkap"
        rows.append({"peran": table, "berkas": "", "lembar": "", "dibaca": 0, "dipakai": 0, "bermasalah": 0,
                     "ditolak": 0, "keterangan": f"{said}: {ABSENT_MEANS[table]}"})
    columns = ["peran", "berkas", "lembar", "dibaca", "dipakai", "bermasalah", "ditolak", "keterangan"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"dibaca": "int64", "dipakai": "int64", "bermasalah": "int64", "ditolak": "int64"})


def _column_use(sources: Sources) -> pd.DataFrame:
    """Every titled column of every sheet read: the column it is read as, or why it is not used."""
    rows = []
    for sheet in sources.sheets:
        rows += [{"berkas": sheet.file, "lembar": sheet.sheet, "kolom": header, "dibaca_sebagai": name,
                  "keterangan": ""} for name, header in sheet.headers.items()]
        rows += [{"berkas": sheet.file, "lembar": sheet.sheet, "kolom": header, "dibaca_sebagai": "",
                  "keterangan": why} for header, why in sheet.ignored]
    return pd.DataFrame(rows, columns=["berkas", "lembar", "kolom", "dibaca_sebagai", "keterangan"])


def _finding_rows(rows: list[dict]) -> pd.DataFrame:
    """Findings written out one by one (few: about sheets and cells rather than rows)."""
    if not rows:
        return fnd.empty()
    out = pd.DataFrame(rows)
    out["masalah"] = out["kode"].map(nz.PROBLEMS)
    out["nip"] = None
    out["berdampak"] = ~out["kode"].isin(nz.HARMLESS)
    return out[[*fnd.COLUMNS, "_src"]].astype({"baris": "int64", "ditolak": bool, "berdampak": bool})


def _with_error_cells(table: _Table, found: pd.DataFrame) -> pd.DataFrame:
    """A table's findings with its Excel error cells first (most tables have none: nothing to join)."""
    if not any(sheet.errors for sheet in table.sheets):
        return found
    return pd.concat([_error_cells(table), found], ignore_index=True)


def _error_cells(table: _Table) -> pd.DataFrame:
    """Excel error values that the reader turned into empty cells (the empty value has its own
    finding where it matters)."""
    return _finding_rows([
        {"berkas": sheet.file, "lembar": sheet.sheet, "baris": row, "kolom": column, "nilai": value,
         "kode": "GALAT_EXCEL", "ditolak": False, "_src": i}
        for i, sheet in enumerate(table.sheets) for row, column, value in sheet.errors])


def _sheet_findings(sources: Sources, absent: dict[str, bool]) -> pd.DataFrame:
    """Sheets that look like data but fit no table, and history tables that no input holds."""
    rows = [{"berkas": s.file, "lembar": s.sheet, "baris": s.header_row or 0, "kolom": "", "nilai": s.reason,
             "kode": "LEMBAR_TIDAK_DIKENALI", "ditolak": True, "_src": 0} for s in sources.skipped if s.finding]
    rows += [{"berkas": sources.label, "lembar": table, "baris": 0, "kolom": "", "nilai": ABSENT_MEANS[table],
              "kode": "LEMBAR_TIDAK_ADA", "ditolak": False, "_src": 0}
             for table, declared in absent.items() if not declared]
    return _finding_rows(rows)


def _kinerja_years(table: _Table | None) -> tuple[int, ...]:
    """Every assessment year the kinerja rows name, usable or not (to name them when a year is missing)."""
    if table is None:
        return ()
    years, _ = nz.parse_series(_column(table.data, "tahun"), nz.parse_year)
    return tuple(sorted({int(y) for y in years.dropna().unique()}))


def load(path: str | Path | list[str | Path], rules: Ruleset | None = None, *, unit_column: str | None = None,
         absent_ok: tuple[str, ...] | list[str] = ()) -> Dataset:
    """Read and normalise HR exports (workbooks, CSV/parquet files or folders; one path or several).
    File-level problems raise InputError. `absent_ok` names history tables (diklat, kinerja, hukdis)
    that the user says are missing on purpose; any other missing one is a finding."""
    rules = rules or load_ruleset()
    sources = read_sources(path, unit_column)
    # An id beside a name (SIASN), or instead of it, is decided by each table's loader: the id wins.
    tables = {name: _Table.of(sources.of(name)) for name in TABLES if sources.of(name)}
    pegawai, peg_findings = _load_pegawai(tables["pegawai"])
    roster = _Roster.of(pegawai)
    parts = {"pegawai": peg_findings}
    diklat, kinerja, hukdis = _empty(DIKLAT_COLUMNS), _empty(KINERJA_COLUMNS), _empty(HUKDIS_COLUMNS)
    unreadable = _empty(UNREADABLE_COLUMNS)
    if "diklat" in tables:
        diklat, parts["diklat"] = _load_diklat(tables["diklat"], roster)
    if "kinerja" in tables:
        kinerja, parts["kinerja"] = _load_kinerja(tables["kinerja"], roster, rules)
    if "hukdis" in tables:
        hukdis, unreadable, parts["hukdis"] = _load_hukdis(tables["hukdis"], roster)
    absent = {name: name in absent_ok for name in ABSENT_MEANS if name not in tables}
    # A cell's Excel error comes before what its emptiness caused, in the same row.
    found = fnd.combine([_with_error_cells(tables[name], part) for name, part in parts.items()]
                        + [_sheet_findings(sources, absent)])
    return Dataset(
        source=sources.label, pegawai=pegawai, diklat=diklat, kinerja=kinerja, hukdis=hukdis,
        hukdis_unreadable=unreadable, findings=found, accounting=_accounting(sources, found, absent),
        files={name: table.file for name, table in tables.items()}, column_use=_column_use(sources),
        absent=absent, kinerja_years=_kinerja_years(tables.get("kinerja")),
    )
