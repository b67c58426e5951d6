"""Reading one raw column of a table: parsed once per distinct value, empty where the sheet lacks it,
and the id-beside-name rule of SIASN exports. `RawTable` stacks the sheets that hold one table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean.parse import Parser, as_text, cleaned, parse_series_each
from ipasn.clean.problems import PROBLEM_CODES
from ipasn.input import RawSheet
from ipasn.missing import is_blank


def raw_column(raw: pd.DataFrame, name: str) -> pd.Series:
    return raw[name] if name in raw else pd.Series([None] * len(raw), index=raw.index, dtype=object)


def parse_each(raw: pd.DataFrame, name: str, *specs: tuple[Parser, str | None]
                ) -> list[tuple[pd.Series, pd.Series]]:
    """`parse_series_each` over a column (factorized once); for a column the sheet does not have,
    each parser's answer for an empty cell, without looking at millions of empty cells."""
    if name in raw:
        return parse_series_each(raw[name], *specs)
    out = []
    for parser, dtype in specs:
        value, problem = parser(None)
        values = pd.Series([value], dtype=dtype).take(np.zeros(len(raw), dtype=np.intp)).set_axis(raw.index)
        code = -1 if problem is None else PROBLEM_CODES.categories.get_loc(problem)
        problems = pd.Categorical.from_codes(np.full(len(raw), code, dtype=np.int8), dtype=PROBLEM_CODES)
        out.append((values, pd.Series(problems, index=raw.index)))
    return out


def parse_column(raw: pd.DataFrame, name: str, parser: Parser, dtype: str | None = None
           ) -> tuple[pd.Series, pd.Series]:
    return parse_each(raw, name, (parser, dtype))[0]


def _blank(value: object) -> tuple[bool, None]:
    return is_blank(value), None


BLANK = (_blank, "bool")  # a parse spec: whether the cell is empty


# --- helpers ----------------------------------------------------------------------------------


def given(raw: pd.DataFrame, name: str) -> np.ndarray:
    """Which cells of a column hold anything (False throughout when the column is absent)."""
    if name not in raw:
        return np.zeros(len(raw), dtype=bool)
    return ~parse_column(raw, name, *BLANK)[0].to_numpy(bool)


def pair_text(raw: pd.DataFrame, first: str, second: str, mask: np.ndarray) -> pd.Series:
    """"<first> / <second>" as the user wrote them, for a finding that names both values."""
    shown = pd.Series(None, index=raw.index, dtype=object)
    if mask.any():
        a = raw_column(raw, first)[mask].astype(object).map(as_text)
        b = raw_column(raw, second)[mask].astype(object).map(as_text)
        shown[mask] = (a + " / " + b).to_numpy()
    return shown


def id_or_name(raw: pd.DataFrame, log: fnd.FindingLog, nip: pd.Series, usable: np.ndarray, id_column: str,
                name_column: str, parse_id: Parser, parse_name: Parser, dtype: str = "category",
                refines: dict[str, tuple[str, ...]] | None = None, also: tuple = ()
                ) -> tuple[pd.Series, pd.Series, np.ndarray, list[tuple[pd.Series, pd.Series]]]:
    """One value from SIASN's id column and its name column (RULES.md "SIASN ids"): the id decides;
    where the two disagree a harmless finding names both (KODE_NAMA_BERBEDA), where the id is unknown
    but the name is readable the name is used (KODE_TIDAK_DIKENALI). `refines` lists names that say
    more than an id without contradicting it (id 1 Struktural named "Administrator"): the name is used.

    Returns the value ("category" or "float64" as `dtype`), the problem where neither column gives
    one (None elsewhere), whether that problem is the id's (the name column was empty), and the
    name column parsed by the further specs `also` (each column is factorized once)."""
    (by_id, id_problem), (id_blank, _) = parse_each(raw, id_column, (parse_id, dtype), BLANK)
    (by_name, name_problem), (name_blank, _), *extra = parse_each(raw, name_column, (parse_name, dtype), BLANK,
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
            raw=pair_text(raw, id_column, name_column, differ & usable), nip=nip)
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
class RawTable:
    """The raw rows of one table, stacked from every sheet that holds it (a folder of separate
    downloads, or Riwayat Diklat beside Riwayat Kursus). With several sheets, `_src` in `data` says
    which one each row came from, so findings and row counts name the right file and sheet."""

    sheets: list[RawSheet]
    data: pd.DataFrame

    @classmethod
    def of(cls, sheets: list[RawSheet]) -> RawTable:
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


def text_column(raw: pd.DataFrame, name: str, parser: Parser = cleaned) -> pd.Series:
    """A text column, cleaned once per distinct value; rows share the distinct values' str objects
    (as Arrow strings, each of millions of rows would be a copy)."""
    return parse_column(raw, name, parser, object)[0]


def log_coded_problem(log: fnd.FindingLog, raw: pd.DataFrame, problem: pd.Series, id_only: np.ndarray,
                 usable: np.ndarray, id_column: str, name_column: str, nip: pd.Series) -> None:
    """A problem of `id_or_name`, reported on the id column where only the id was given."""
    bad = problem.notna().to_numpy(bool) & usable
    log.add(raw, bad & ~id_only, name_column, problem, rejected=False, nip=nip)
    log.add(raw, bad & id_only, id_column, problem, rejected=False, nip=nip)
