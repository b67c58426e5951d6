"""The history sheets (diklat, kinerja, hukdis) to clean tables: every row joined to an employee,
dated, deduplicated, or rejected with a finding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean import rowkeys, vocab
from ipasn.clean.codes import (
    NO_PUNISHMENT,
    is_prajabatan,
    names_leadership,
    parse_discipline,
    parse_leadership_id,
    parse_leadership_level,
    parse_predicate,
    parse_punishment,
    parse_training_id,
    parse_training_kind,
)
from ipasn.clean.columns import BLANK, RawTable, given, id_or_name, pair_text, parse_column, parse_each, raw_column
from ipasn.clean.dates import YEAR_ONLY, date_shown, parse_date, parse_year
from ipasn.clean.nips import NO_KEY, nip_text, parse_nip_keys
from ipasn.clean.parse import cleaned, parse_jp, parse_number, parse_series
from ipasn.missing import is_blank
from ipasn.ruleset import Ruleset


@dataclass
class Roster:
    """The loaded employees' NIPs, which every history row must name."""

    keys: pd.Index  # int64 NIP keys, unique
    nips: np.ndarray  # the same NIPs as the pegawai table's own str objects

    @classmethod
    def of(cls, pegawai: pd.DataFrame) -> Roster:
        return cls(pd.Index(pegawai["_nip"], dtype="int64"), pegawai["nip"].to_numpy(object))


def _history_nip(raw: pd.DataFrame, log: fnd.FindingLog, roster: Roster
                 ) -> tuple[pd.Series, dict[str, np.ndarray], np.ndarray]:
    """Parse the NIP of a history sheet; rows with a bad or unknown NIP are rejected. Returns the NIPs
    (sharing the pegawai table's strings: history sheets have tens of millions of rows), the join
    columns (`_nip`, the int64 key; `_pegawai`, the employee's row in the pegawai table, a hint that
    scoring checks against `_nip` before it trusts it), and which rows are usable."""
    keys, problem = parse_nip_keys(raw_column(raw, "nip"))
    position = roster.keys.get_indexer(keys)
    unknown = (keys != NO_KEY) & (position < 0)
    problem = problem.mask(unknown, "NIP_TIDAK_ADA_DI_PEGAWAI")
    bad = problem.notna().to_numpy(bool)
    shown = pd.Series(None, index=raw.index, dtype=object)
    shown[unknown] = nip_text(keys[unknown]).to_numpy()
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
    date, problem = parse_column(raw, column, parse_date, "datetime64[ns]")
    year_only = (problem == YEAR_ONLY).to_numpy(bool)
    flagged = year_only & ok
    shown = pd.Series(None, index=raw.index, dtype=object)
    if flagged.any():
        shown[flagged] = parse_series(raw_column(raw, column)[flagged], date_shown, object)[0]
    log.add(raw, flagged, column, YEAR_ONLY, rejected=False, raw=shown, nip=nip)
    days = date.to_numpy("datetime64[ns]")
    earliest = np.where(year_only, days.astype("datetime64[Y]").astype("datetime64[ns]"), days)
    return date, year_only, problem.mask(year_only, None), earliest


def _history_context(table: str, join: dict[str, np.ndarray], **columns) -> dict:
    """What a history row would feed into scoring, attached to its findings (findings.CONTEXT)."""
    return {"_tabel": table, "_nip": join["_nip"], **columns}


def load_diklat(sheet: RawTable, roster: Roster) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
    nip, join, ok = _history_nip(raw, log, roster)
    # The training's own name: `nama_diklat` (a bare NAMA in a history sheet is the employee), or
    # `nama` in a hand-made diklat sheet.
    name_column = "nama_diklat" if "nama_diklat" in raw else "nama"

    # Its kind: SIASN's jenis diklat id decides over the jenis text; without either, a leadership
    # level (a riwayat diklat struktural sheet) or a leadership name says kepemimpinan. Latsar /
    # Prajabatan, by kind or by name, never counts.
    kind, kind_problem, kind_id_only, [(from_kind, _), (kind_blank, _)] = id_or_name(
        raw, log, nip, ok, "jenis_id", "jenis", parse_training_id, parse_training_kind,
        also=((parse_leadership_level, "float64"), BLANK))
    kind = kind.cat.set_categories(list(vocab.TRAINING))  # every kind a row can be given below
    (leadership_name, _), (prajabatan_name, _), (name_level, _), (cleaned_name, _) = parse_each(
        raw, name_column, (names_leadership, "bool"), (is_prajabatan, "bool"),
        (parse_leadership_level, "float64"), (cleaned, "category"))
    kind_given = ~kind_blank.to_numpy(bool) | given(raw, "jenis_id")
    level_given = given(raw, "tingkat") | given(raw, "tingkat_id")
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

    jp, jp_problem = parse_column(raw, "jp", parse_jp, "float64")
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
        level[at] = id_or_name(raw.iloc[at], log, nip.iloc[at], ok[at], "tingkat_id", "tingkat",
                                parse_leadership_id, parse_leadership_level, "float64")[0].to_numpy("float64")
    for fallback in (from_kind, name_level):
        level = np.where(np.isnan(level), fallback.to_numpy("float64", na_value=np.nan), level)
    level = pd.Series(level, index=raw.index)
    bad = leadership & level.isna().to_numpy(bool) & ok
    shown = pd.Series(None, index=raw.index, dtype=object)  # the cell the level was looked for in
    if bad.any():
        cells = [raw_column(raw, c)[bad].astype(object) for c in ("tingkat", "tingkat_id", name_column, "jenis")]
        first = cells[0]
        for other in cells[1:]:
            first = first.where(~first.map(is_blank), other)
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


def load_kinerja(sheet: RawTable, roster: Roster, rules: Ruleset) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
    nip, join, ok = _history_nip(raw, log, roster)
    year, year_problem = parse_column(raw, "tahun", parse_year)
    bad = year_problem.notna().to_numpy(bool) & ok
    log.add(raw, bad, "tahun", year_problem, rejected=True, nip=nip)
    ok &= ~bad

    value, value_problem = parse_column(raw, "nilai", parse_number, "float64")
    value = value.astype("float64")
    value_problem = value_problem.where(value_problem.isna(), "NILAI_TIDAK_VALID")
    out_of_range = value.notna() & ((value < 0) | (value > rules.kinerja.nilai_maks))
    value_problem = value_problem.mask(out_of_range, "NILAI_DI_LUAR_RENTANG")
    predicate, predicate_problem = parse_column(raw, "predikat", parse_predicate, "category")
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


def load_hukdis(sheet: RawTable, roster: Roster) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Punishments. The level comes from `tingkat` (ringan/sedang/berat, R/S/B), else from the
    punishment's name (`jenis_hukuman`, PP 94/2021 and PP 53/2010); where both are readable and
    differ, the level column wins and a finding says so. SIASN's jenis hukuman id alone is not read
    (ipasn does not know BKN's id table): such a row is unreadable, loudly. A row that says there was
    no punishment ("Tidak ada", "-") is not a punishment."""
    raw = sheet.data
    log = sheet.log()
    nip, join, ok = _history_nip(raw, log, roster)
    (by_level, _), (level_blank, _) = parse_each(raw, "tingkat", (parse_discipline, object), BLANK)
    (by_name, _), (name_blank, _) = parse_each(raw, "jenis_hukuman", (parse_punishment, object), BLANK)
    level_given, name_given = ~level_blank.to_numpy(bool), ~name_blank.to_numpy(bool)
    id_given = given(raw, "jenis_hukuman_id")
    has_level, has_name = by_level.notna().to_numpy(bool), by_name.notna().to_numpy(bool)
    differ = has_level & has_name & (by_level.to_numpy(object) != by_name.to_numpy(object))
    log.add(raw, differ & ok, "tingkat", "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA", rejected=False,
            raw=pair_text(raw, "tingkat", "jenis_hukuman", differ & ok), nip=nip)
    log.add(raw, level_given & ~has_level & has_name & ok, "tingkat", "KODE_TIDAK_DIKENALI", rejected=False,
            nip=nip)
    level = by_level.where(has_level, by_name)

    none = (level == NO_PUNISHMENT).to_numpy(bool)
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
