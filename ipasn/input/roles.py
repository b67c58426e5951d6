"""Which table a sheet holds (its role), where its header row is, and which header cell is which column.

A sheet's name proposes a role ("Riwayat SKP 2021" says kinerja); its columns decide: a sheet is taken
for a role when it has every column that role requires. A sheet whose name says nothing is recognised
by its columns alone, so "Sheet1" of a separate SIASN download is read like a sheet named "pegawai".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ipasn.errors import InputError
from ipasn.input.schema import SHEET_ALIASES, SHEET_WORDS, SHEETS, Column, Sheet, header_key

# The header row is searched among this many non-empty rows at the top (title rows stand above it).
HEADER_SEARCH_ROWS = 30
UNUSED = "tidak dipakai untuk IP ASN"

# Characters that are invisible in Excel but make a header or a value differ (BOM, zero-width).
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def header_text(value: object) -> str:
    return header_key(INVISIBLE.sub("", str(value))) if value is not None else ""


def shown(value: object) -> str:
    """A header cell as the user sees it."""
    return " ".join(INVISIBLE.sub("", str(value)).split()) if value is not None else ""


def match_columns(spec: Sheet, headers: Sequence[object]) -> dict[str, int]:
    """Canonical column -> position of its header cell. Columns are matched in the spec's order, each
    taking the first of its aliases that the row has, and a header cell serves one column only."""
    keys = [header_text(h) for h in headers]
    positions: dict[str, int] = {}
    taken: set[int] = set()
    for column in spec.columns:
        for alias in column.keys:
            found = next((i for i, k in enumerate(keys) if k == alias and i not in taken), None)
            if found is not None:
                positions[column.name] = found
                taken.add(found)
                break
    return positions


def _read_count(spec: Sheet, matched: Mapping[str, int]) -> int:
    return sum(1 for name in matched if spec.column(name).unused is None)


def find_header(spec: Sheet, rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    """Index of the header row among the first rows (title rows may stand above it)."""
    best: tuple[int, dict[str, int]] = (0, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        matched = match_columns(spec, row)
        if _read_count(spec, matched) > _read_count(spec, best[1]):
            best = (index, matched)
    return best


def missing_columns(spec: Sheet, matched: Mapping[str, int]) -> list[str]:
    """What the sheet lacks to be read as `spec`: required columns, then one-of groups."""
    lacking = [c.name for c in spec.columns if c.required and c.name not in matched]
    lacking += [" atau ".join(group) for group in spec.one_of if not any(n in matched for n in group)]
    return lacking


def check_columns(spec: Sheet, matched: Mapping[str, int], file: str, sheet: str) -> None:
    if not _read_count(spec, matched):
        wanted = ", ".join([c.name for c in spec.columns if c.required] + [g[0] for g in spec.one_of])
        raise InputError(
            f"baris judul kolom tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama yang terisi "
            f"(judul yang dicari: {wanted})", file=file, sheet=sheet,
        )
    for column in spec.columns:
        if column.required and column.name not in matched:
            raise InputError(
                f"kolom wajib '{column.name}' tidak ditemukan (nama lain yang diterima: "
                f"{', '.join(a for a in column.aliases if a != column.name) or '-'})",
                file=file, sheet=sheet, column=column.name,
            )
    for group in spec.one_of:
        if not any(name in matched for name in group):
            accepted = "; ".join(f"{n}: {', '.join(a for a in spec.column(n).aliases if a != n)}" for n in group)
            raise InputError(f"perlu salah satu kolom {' atau '.join(group)} (nama yang diterima: {accepted})",
                             file=file, sheet=sheet, column=group[0])


def role_from_name(name: str) -> tuple[str | None, bool]:
    """The role a sheet's (or file's) name says, and whether it says it exactly (an alias such as
    "Riwayat SKP") rather than by a word inside a longer name ("SKP 2021", "Rekap Pegawai")."""
    key = header_text(name)
    for role, aliases in SHEET_ALIASES.items():
        if key in {header_key(a) for a in aliases}:
            return role, True
    for role, words in SHEET_WORDS.items():
        if any(word in key for word in words):
            return role, False
    return None, False


@dataclass
class Identified:
    """A sheet recognised as `spec`, with its header at `index` among the rows looked at."""

    spec: Sheet
    index: int
    matched: dict[str, int]
    headers: list[object]
    note: str = ""

    @property
    def read(self) -> dict[str, int]:
        """The matched columns that are read (not those recognised only to be ignored)."""
        return {n: p for n, p in self.matched.items() if self.spec.column(n).unused is None}

    def ignored(self) -> list[tuple[str, str]]:
        """(header as shown, why it is not used) for every other titled column of the header row."""
        by_position = {p: self.spec.column(n) for n, p in self.matched.items()}
        chosen = {n: shown(self.headers[p]) for n, p in self.read.items()}
        out = []
        for position, cell in enumerate(self.headers):
            text = shown(cell)
            if not text:
                continue
            column = by_position.get(position)
            if column is not None:
                if column.unused:
                    out.append((text, column.unused))
                continue
            out.append((text, _why_unused(self.spec, header_text(cell), chosen)))
        return out


def _why_unused(spec: Sheet, key: str, chosen: Mapping[str, str]) -> str:
    for column in spec.columns:
        if key in column.keys and column.name in chosen:
            return f"{column.name} dibaca dari kolom '{chosen[column.name]}'"
    return UNUSED


@dataclass
class Unrecognised:
    """A sheet no role fits. `looks_like_data`: it has a NIP column, so leaving it out is a finding."""

    reason: str
    looks_like_data: bool
    header_row_index: int = 0
    closest: str | None = None
    lacking: list[str] = field(default_factory=list)


def identify(title: str, rows: Sequence[Sequence[object]], file: str,
             specs: Mapping[str, Sheet] = SHEETS, file_title: str = "") -> Identified | Unrecognised:
    """The role of a sheet from its name and first rows. A sheet whose name says a role but lacks that
    role's columns stops the run (as a missing column of a named sheet always has); a name that only
    contains a role's word ("Rekap Pegawai") does not."""
    hint, exact = role_from_name(title)
    if hint is None and file_title:  # "Sheet1" of a download named "Riwayat SKP.xlsx"
        hint, exact = role_from_name(file_title)
    if hint not in specs:  # a name that says an export table, where another contract is read
        hint, exact = None, False
    found: dict[str, tuple[int, dict[str, int]]] = {name: find_header(spec, rows) for name, spec in specs.items()}
    complete = [name for name, (_, matched) in found.items() if not missing_columns(specs[name], matched)]
    if hint in complete:
        role = hint
    elif complete:
        # The most columns read decides; diklat and kursus share their columns (and their table).
        ranked = sorted(complete, key=lambda n: (-_read_count(specs[n], found[n][1]), list(specs).index(n)))
        best = ranked[0]
        rivals = [n for n in ranked[1:] if _read_count(specs[n], found[n][1]) == _read_count(specs[best], found[best][1])
                  and specs[n].target != specs[best].target]
        if rivals:
            raise InputError(f"kolom lembar ini cocok untuk lebih dari satu jenis data ({best} dan {rivals[0]}); "
                             "beri lembar nama yang jelas (misalnya 'pegawai', 'diklat', 'kinerja', 'hukdis')",
                             file=file, sheet=title)
        role = best
        if hint is not None and specs[hint].target == specs[role].target:
            role = hint
    elif hint is not None and exact:
        check_columns(specs[hint], found[hint][1], file, title)
        raise AssertionError("unreachable: check_columns raises")  # pragma: no cover
    else:
        nip_rows = [index for index, matched in found.values() if "nip" in matched]
        if not nip_rows:
            return Unrecognised("tidak ada kolom NIP: bukan tabel data pegawai atau riwayat", False)
        closest = max(specs, key=lambda n: (_read_count(specs[n], found[n][1]), -list(specs).index(n)))
        lacking = missing_columns(specs[closest], found[closest][1])
        return Unrecognised(
            f"ada kolom NIP tetapi tidak cocok dengan jenis data mana pun; paling mirip '{closest}', "
            f"kurang kolom {', '.join(lacking)}", True, found[closest][0], closest, lacking)
    index, matched = found[role]
    note = "" if hint == role else (f"dikenali dari kolomnya (nama lembar menyebut {hint})" if hint
                                    else "dikenali dari kolomnya")
    return Identified(specs[role], index, matched, list(rows[index]), note)


def with_unit_column(header: str) -> dict[str, Sheet]:
    """The specs with pegawai's unit taken from the named column (a run's `kolom_unit`)."""
    pegawai = SHEETS["pegawai"]
    columns = tuple(Column("unit_kerja", (header,), own_name=False) if c.name == "unit_kerja" else c
                    for c in pegawai.columns)
    return {**SHEETS, "pegawai": Sheet(pegawai.name, columns, pegawai.required, pegawai.one_of, pegawai.table)}
