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
        "sub_unit": _text(raw, "sub_unit"),
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


def _load_diklat(sheet: _Table, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
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


def _load_hukdis(sheet: _Table, roster: _Roster) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
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


# Raw columns that stand in for another when it is empty in a row: SIASN gives a code beside (or
# instead of) a name, and a punishment's name implies its level.
_ALTERNATIVES = {"pendidikan": "pendidikan_id", "jenis_jabatan": "jenis_jabatan_id", "eselon": "eselon_id",
                 "jenis": "jenis_id", "nama": "nama_diklat", "tingkat_hukdis": "jenis_hukuman"}


def _fill_from_alternatives(raw: pd.DataFrame) -> None:
    """Fill each canonical raw column from its alternative where the canonical one is empty."""
    for name, alternative in _ALTERNATIVES.items():
        target = "tingkat" if name == "tingkat_hukdis" else name
        if alternative not in raw or (name == "tingkat_hukdis" and "jenis_hukuman" not in raw):
            continue
        if name == "nama":
            raw["nama"] = raw["nama_diklat"]
            continue
        current = _column(raw, target)
        empty = current.map(nz.is_blank).to_numpy(bool)
        raw[target] = current.astype(object).where(~empty, raw[alternative].astype(object))
    if "tingkat_id" in raw or "tingkat" in raw and "jenis" not in raw:
        # A row with a leadership level and no kind is a leadership training (riwayat diklat struktural).
        kind = _column(raw, "jenis").astype(object)
        level = _column(raw, "tingkat").astype(object).where(
            ~_column(raw, "tingkat").map(nz.is_blank), _column(raw, "tingkat_id").astype(object))
        implied = kind.map(nz.is_blank) & ~level.map(nz.is_blank)
        raw["jenis"] = kind.where(~implied, "kepemimpinan")


def load(path: str | Path | list[str | Path], rules: Ruleset | None = None, *, unit_column: str | None = None,
         absent_ok: tuple[str, ...] | list[str] = ()) -> Dataset:
    """Read and normalise HR exports (workbooks, CSV/parquet files or folders; one path or several).
    File-level problems raise InputError. `absent_ok` names history tables (diklat, kinerja, hukdis)
    that the user says are missing on purpose; any other missing one is a finding."""
    rules = rules or load_ruleset()
    sources = read_sources(path, unit_column)
    tables = {name: _Table.of(sources.of(name)) for name in TABLES if sources.of(name)}
    for table in tables.values():
        _fill_from_alternatives(table.data)
    pegawai, peg_findings = _load_pegawai(tables["pegawai"])
    roster = _Roster.of(pegawai)
    parts = {"pegawai": peg_findings}
    diklat, kinerja, hukdis = _empty(DIKLAT_COLUMNS), _empty(KINERJA_COLUMNS), _empty(HUKDIS_COLUMNS)
    unreadable = _empty({"nip": "object", "tanggal": "datetime64[ns]", "_nip": "int64", "_pegawai": "int32"})
    if "diklat" in tables:
        diklat, parts["diklat"] = _load_diklat(tables["diklat"], roster)
    if "kinerja" in tables:
        kinerja, parts["kinerja"] = _load_kinerja(tables["kinerja"], roster, rules)
    if "hukdis" in tables:
        hukdis, unreadable, parts["hukdis"] = _load_hukdis(tables["hukdis"], roster)
    absent = {name: name in absent_ok for name in ABSENT_MEANS if name not in tables}
    # A cell's Excel error comes before what its emptiness caused, in the same row.
    found = fnd.combine([pd.concat([_error_cells(tables[name]), part], ignore_index=True) for name, part in parts.items()]
                        + [_sheet_findings(sources, absent)])
    return Dataset(
        source=sources.label, pegawai=pegawai, diklat=diklat, kinerja=kinerja, hukdis=hukdis,
        hukdis_unreadable=unreadable, findings=found, accounting=_accounting(sources, found, absent),
        files={name: table.file for name, table in tables.items()}, column_use=_column_use(sources),
        absent=absent, kinerja_years=_kinerja_years(tables.get("kinerja")),
    )
