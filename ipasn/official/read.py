"""Read BKN's official per-NIP results (any of the three layouts, xlsx/xls/ods/csv) into one validated
table, every row used or listed as a finding with its file, sheet and Excel row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean.accounting import column_accounting
from ipasn import fmt
from ipasn.clean import codes, dates, nips, parse, problems
from ipasn.clean import rowkeys
from ipasn.errors import InputError
from ipasn.scoring.explain import per_combination
from ipasn.input import RawSheet, read_tables
from ipasn.official import schema
from ipasn.official.points import TOLERANCE, allowed_points, competence_for, on_grid, shown_points
from ipasn.ruleset import DIMENSIONS, Ruleset

TEXT_COLUMNS = ("nama", "unit_kerja", "jabatan", "jenis_jabatan", *(f"keterangan_{d}" for d in DIMENSIONS))
TABLE_COLUMNS = ["nip", "nama", "unit_kerja", "jabatan", "jenis_jabatan", *DIMENSIONS, "total_bkn", "ip_asn",
                 *(f"keterangan_{d}" for d in DIMENSIONS), "berkas", "lembar", "baris"]
ACCOUNTING_COLUMNS = ["peran", "berkas", "lembar", "dibaca", "dipakai", "bermasalah", "ditolak", "keterangan"]


@dataclass
class Official:
    """BKN's results for one year: `table` one row per NIP that could be read (a dimension that could
    not be read is missing, NaN, and not compared; `ip_asn` is the sum of the four when all are known),
    `findings` as the export's (findings.COLUMNS), `accounting` and `column_use` per sheet."""

    source: str
    files: list[str]
    table: pd.DataFrame
    findings: pd.DataFrame
    accounting: pd.DataFrame
    column_use: pd.DataFrame
    has_unit: bool  # the file names each NIP's unit (the per-satker layout)


def _stack(sheets: list[RawSheet]) -> pd.DataFrame:
    if len(sheets) == 1:
        return sheets[0].data.assign(_src=np.int16(0))
    return pd.concat([s.data.assign(_src=np.int16(i)) for i, s in enumerate(sheets)], ignore_index=True)


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
    return raw[name] if name in raw else pd.Series([None] * len(raw), index=raw.index, dtype=object)


def _no_sheet(sources) -> InputError:
    seen = "; ".join(f"{s.sheet or s.file}: {s.reason}" for s in sources.skipped) or "-"
    return InputError("hasil resmi BKN tidak ditemukan: tidak ada lembar dengan kolom NIP, kualifikasi, "
                      f"kompetensi, kinerja dan disiplin (yang ada: {seen})", file=sources.label)


def _nips(raw: pd.DataFrame, log: fnd.FindingLog, sheets: list[RawSheet]) -> tuple[np.ndarray, np.ndarray]:
    keys, problem = nips.parse_nip_keys(_column(raw, "nip"))
    bad = problem.notna().to_numpy(bool)
    if bad.all():
        counts = problem.value_counts()
        code = min(counts.index, key=lambda c: (-counts[c], c))
        first = raw.loc[problem == code].iloc[0]
        raise InputError(
            f"tidak satu pun dari {len(raw)} baris berisi NIP yang dapat dipakai; {problems.PROBLEMS[code]} "
            f"({int((problem == code).sum())} baris, mulai baris {int(first['_row'])}: "
            f"'{parse.as_text(first['nip'])}')", file=sheets[0].file, sheet=sheets[0].sheet, column="nip")
    log.add(raw, bad, "nip", problem, rejected=True)
    return keys, ~bad


def _years(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, ok: np.ndarray, tahun: int,
           sheets: list[RawSheet]) -> np.ndarray:
    """Rows of another year are not used; a file that holds none of year `tahun` is refused."""
    if "tahun" not in raw:
        return ok
    years, problem = parse.parse_series(raw["tahun"], dates.parse_year)
    given = ~raw["tahun"].map(parse.is_blank).to_numpy(bool)
    invalid = given & problem.notna().to_numpy(bool) & ok
    other = given & ~invalid & (years.to_numpy("float64", na_value=np.nan) != tahun)
    held = sorted({int(y) for y in years[given & ~invalid].dropna().unique()})
    if held and tahun not in held:
        raise InputError(f"berkas hasil resmi ini untuk tahun {', '.join(map(str, held))}, bukan tahun {tahun} "
                         "yang dibandingkan; unduh hasil tahun itu atau ubah --year",
                         file=sheets[0].file, sheet=sheets[0].sheet, column="tahun")
    log.add(raw, invalid, "tahun", "TAHUN_TIDAK_VALID", rejected=True, nip=nip)
    log.add(raw, other & ok, "tahun", "TAHUN_RESMI_BERBEDA", rejected=True, nip=nip)
    return ok & ~invalid & ~other


def _dimension(raw: pd.DataFrame, name: str, log: fnd.FindingLog, nip: pd.Series, ok: np.ndarray,
               rules: Ruleset, kinds: pd.Series) -> np.ndarray:
    """One dimension's values, NaN where they cannot be compared; every problem a finding."""
    values, problem = parse.parse_series(_column(raw, name), parse.parse_number, "float64")
    number = values.to_numpy("float64", na_value=np.nan)
    empty = np.isnan(number) & problem.isna().to_numpy(bool)
    not_number = problem.notna().to_numpy(bool)
    maximum = rules.dimensi_maks[name]
    outside = ~np.isnan(number) & ((number < -TOLERANCE) | (number > maximum + TOLERANCE))
    log.add(raw, empty & ok, name, "NILAI_RESMI_KOSONG", rejected=False, nip=nip)
    log.add(raw, not_number & ok, name, "NILAI_RESMI_BUKAN_ANGKA", rejected=False, nip=nip)
    log.add(raw, outside & ok, name, "NILAI_RESMI_DI_LUAR_RENTANG", rejected=False, nip=nip,
            raw=_with_note(raw, name, outside & ok, f"rentang 0 sampai {fmt.points(maximum)}"))
    number = np.where(outside, np.nan, number)
    def judged(value: float, kind: object) -> str:
        """"" on the grid (or not a number), else the points that are possible."""
        grid = competence_for(rules, kind) if name == "kompetensi" else allowed_points(rules)[name]
        return "" if np.isnan(value) or on_grid(value, grid) else f"poin yang mungkin: {shown_points(grid)}"

    # once per distinct (value, position type): a national file has millions of rows and a few values
    verdict = per_combination({"value": number, "kind": kinds.to_numpy(object)}, judged)
    off = (verdict != "") & ok
    notes = pd.Series(verdict, index=raw.index, dtype=object)
    log.add(raw, off, name, "NILAI_RESMI_TIDAK_SESUAI_POIN", rejected=False, nip=nip,
            raw=_with_note(raw, name, off, notes))
    return number


def _with_note(raw: pd.DataFrame, name: str, mask: np.ndarray, note: str | pd.Series) -> pd.Series:
    """The value as given, followed by what it should have been: "45 (poin yang mungkin: 0, 1, 5 ...)"."""
    shown = pd.Series(None, index=raw.index, dtype=object)
    if mask.any():
        given = _column(raw, name)[mask].astype(object).map(parse.as_text)
        extra = note[mask] if isinstance(note, pd.Series) else note
        shown[mask] = (given + " (" + extra + ")").to_numpy()
    return shown


def _total(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, ok: np.ndarray,
           dims: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """BKN's total as given, and the sum of the four dimensions (NaN unless all four are known); a
    total that is not their sum is a finding that names both."""
    summed = dims["kualifikasi"] + dims["kompetensi"] + dims["kinerja"] + dims["disiplin"]
    if "total" not in raw:
        return np.full(len(raw), np.nan), summed
    values, problem = parse.parse_series(raw["total"], parse.parse_number, "float64")
    total = values.to_numpy("float64", na_value=np.nan)
    log.add(raw, problem.notna().to_numpy(bool) & ok, "total", "TOTAL_RESMI_BUKAN_ANGKA", rejected=False, nip=nip)
    differs = ~np.isnan(total) & ~np.isnan(summed) & (np.abs(total - summed) > TOLERANCE) & ok
    shown = pd.Series(None, index=raw.index, dtype=object)
    if differs.any():
        parts = [f"{fmt.points(t)} / {fmt.points(s)} (" + " + ".join(
            f"{d} {fmt.points(dims[d][i])}" for d in DIMENSIONS) + ")"
            for i, t, s in zip(np.flatnonzero(differs), total[differs], summed[differs])]
        shown[differs] = parts
    log.add(raw, differs, "total", "TOTAL_RESMI_BUKAN_JUMLAH", rejected=False, nip=nip, raw=shown)
    return total, summed


def _duplicates(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, keys: np.ndarray, ok: np.ndarray,
                table: pd.DataFrame) -> np.ndarray:
    """A row that repeats another exactly is dropped (harmless); rows of one NIP with different values
    are all left out: which one BKN means cannot be known."""
    compared = ["nip", *DIMENSIONS, "total_bkn"]
    same = rowkeys.duplicated(rowkeys.combination_key(table[c] for c in compared), ok, keep="first")
    log.add(raw, same, "nip", "DUPLIKAT_PERSIS", rejected=True, nip=nip)
    ok = ok & ~same
    clash = rowkeys.duplicated(keys, ok, keep=False)
    log.add(raw, clash, "nip", "NIP_GANDA_RESMI", rejected=True, nip=nip)
    return ok & ~clash


def _error_cells(sheets: list[RawSheet]) -> pd.DataFrame:
    rows = [{"berkas": s.file, "lembar": s.sheet, "baris": row, "kolom": column, "nilai": value,
             "masalah": problems.PROBLEMS["GALAT_EXCEL"], "kode": "GALAT_EXCEL", "nip": None, "ditolak": False,
             "berdampak": False} for s in sheets for row, column, value in s.errors]
    return pd.DataFrame(rows, columns=fnd.COLUMNS) if rows else fnd.empty()


def _messages(found: pd.DataFrame) -> pd.DataFrame:
    """The findings with this contract's texts, and `berdampak` where a number could not be used."""
    found = found.copy()
    found["masalah"] = found["kode"].map({**problems.PROBLEMS, **schema.PROBLEMS}).astype(object)
    found["berdampak"] = ~found["kode"].isin(schema.HARMLESS)
    return found


def _accounting(sheets: list[RawSheet], skipped, found: pd.DataFrame) -> pd.DataFrame:
    def per_sheet(frame: pd.DataFrame) -> pd.Series:
        return frame.drop_duplicates(["berkas", "lembar", "baris"]).groupby(["berkas", "lembar"]).size()

    flagged, rejected = per_sheet(found), per_sheet(found[found["ditolak"]])
    rows = [{"peran": s.role, "berkas": s.file, "lembar": s.sheet, "dibaca": len(s),
             "dipakai": len(s) - int(flagged.get((s.file, s.sheet), 0)),
             "bermasalah": int(flagged.get((s.file, s.sheet), 0)),
             "ditolak": int(rejected.get((s.file, s.sheet), 0)), "keterangan": s.note} for s in sheets]
    rows += [{"peran": "", "berkas": s.file, "lembar": s.sheet, "dibaca": 0, "dipakai": 0, "bermasalah": 0,
              "ditolak": 0, "keterangan": f"tidak dibaca: {s.reason}"} for s in skipped]
    return pd.DataFrame(rows, columns=ACCOUNTING_COLUMNS)


def read_official(paths: str | Path | list[str | Path], rules: Ruleset, tahun: int) -> Official:
    """Read and validate BKN's official results for measurement year `tahun`."""
    sources = read_tables(paths, schema.SPECS)
    sheets = sources.sheets
    if not sheets:
        raise _no_sheet(sources)
    raw = _stack(sheets)
    if raw.empty:
        raise InputError(f"tidak ada data: hanya baris judul kolom (baris {sheets[0].header_row})",
                         file=sheets[0].file, sheet=sheets[0].sheet)
    log = fnd.FindingLog(sheets[0].file, sheets[0].sheet,
                         [(s.file, s.sheet) for s in sheets] if len(sheets) > 1 else None)
    keys, ok = _nips(raw, log, sheets)
    nip = nips.nip_text(keys).set_axis(raw.index)
    ok = _years(raw, log, nip, ok, tahun, sheets)
    text = {c: parse.parse_series(_column(raw, c), parse.cleaned, object)[0] for c in TEXT_COLUMNS}
    kinds = parse.parse_series(_column(raw, "jenis_jabatan"), codes.position_type, object)[0]
    dims = {d: _dimension(raw, d, log, nip, ok, rules, kinds) for d in DIMENSIONS}
    total, summed = _total(raw, log, nip, ok, dims)
    files = [s.file for s in sheets]
    table = pd.DataFrame({
        "nip": nip, **{c: text[c] for c in ("nama", "unit_kerja", "jabatan", "jenis_jabatan")}, **dims,
        "total_bkn": total, "ip_asn": summed, **{f"keterangan_{d}": text[f"keterangan_{d}"] for d in DIMENSIONS},
        "berkas": np.asarray(files, dtype=object)[raw["_src"].to_numpy()],
        "lembar": np.asarray([s.sheet for s in sheets], dtype=object)[raw["_src"].to_numpy()],
        "baris": raw["_row"].astype("int64"),
    })
    ok = _duplicates(raw, log, nip, keys, ok, table)
    found = _messages(fnd.combine([_error_cells(sheets), log.frame()]))
    return Official(sources.label, list(dict.fromkeys(files)), table[ok].reset_index(drop=True)[TABLE_COLUMNS],
                    found, _accounting(sheets, sources.skipped, found), column_accounting(sources),
                    has_unit=bool((table.loc[ok, "unit_kerja"] != "").any()))
