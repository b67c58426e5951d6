"""`load`: raw sheets in (ipasn.input), a Dataset out, with every input row used or listed as a finding.
"""

from __future__ import annotations

from pathlib import Path

from ipasn.clean import findings as fnd
from ipasn.clean.accounting import column_accounting, sheet_accounting, sheet_findings, with_error_cells
from ipasn.clean.columns import RawTable, raw_column
from ipasn.clean.dataset import (
    ABSENT_MEANS,
    DIKLAT_COLUMNS,
    HUKDIS_COLUMNS,
    KINERJA_COLUMNS,
    UNREADABLE_COLUMNS,
    Dataset,
    empty_table,
)
from ipasn.clean.dates import parse_year
from ipasn.clean.history import Roster, load_diklat, load_hukdis, load_kinerja
from ipasn.clean.parse import parse_series
from ipasn.clean.pegawai import load_pegawai
from ipasn.input import read_sources
from ipasn.input.schema import TABLES
from ipasn.ruleset import Ruleset, load_ruleset


def _kinerja_years(table: RawTable | None) -> tuple[int, ...]:
    """Every assessment year the kinerja rows name, usable or not (to name them when a year is missing)."""
    if table is None:
        return ()
    years, _ = parse_series(raw_column(table.data, "tahun"), parse_year)
    return tuple(sorted({int(y) for y in years.dropna().unique()}))


def load(path: str | Path | list[str | Path], rules: Ruleset | None = None, *, unit_column: str | None = None,
         absent_ok: tuple[str, ...] | list[str] = ()) -> Dataset:
    """Read and normalise HR exports (workbooks, CSV/parquet files or folders; one path or several).
    File-level problems raise InputError. `absent_ok` names history tables (diklat, kinerja, hukdis)
    that the user says are missing on purpose; any other missing one is a finding."""
    rules = rules or load_ruleset()
    sources = read_sources(path, unit_column)
    # An id beside a name (SIASN), or instead of it, is decided by each table's loader: the id wins.
    tables = {name: RawTable.of(sources.of(name)) for name in TABLES if sources.of(name)}
    pegawai, peg_findings = load_pegawai(tables["pegawai"])
    roster = Roster.of(pegawai)
    parts = {"pegawai": peg_findings}
    diklat, kinerja, hukdis = empty_table(DIKLAT_COLUMNS), empty_table(KINERJA_COLUMNS), empty_table(HUKDIS_COLUMNS)
    unreadable = empty_table(UNREADABLE_COLUMNS)
    if "diklat" in tables:
        diklat, parts["diklat"] = load_diklat(tables["diklat"], roster)
    if "kinerja" in tables:
        kinerja, parts["kinerja"] = load_kinerja(tables["kinerja"], roster, rules)
    if "hukdis" in tables:
        hukdis, unreadable, parts["hukdis"] = load_hukdis(tables["hukdis"], roster)
    absent = {name: name in absent_ok for name in ABSENT_MEANS if name not in tables}
    # A cell's Excel error comes before what its emptiness caused, in the same row.
    found = fnd.combine([with_error_cells(tables[name], part) for name, part in parts.items()]
                        + [sheet_findings(sources, absent)])
    return Dataset(
        source=sources.label, pegawai=pegawai, diklat=diklat, kinerja=kinerja, hukdis=hukdis,
        hukdis_unreadable=unreadable, findings=found, accounting=sheet_accounting(sources, found, absent),
        files={name: table.file for name, table in tables.items()}, column_use=column_accounting(sources),
        absent=absent, kinerja_years=_kinerja_years(tables.get("kinerja")),
    )
