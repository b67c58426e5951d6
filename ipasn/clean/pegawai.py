"""The pegawai sheet to the employee table: NIP, employment status and why someone is not measured,
position type and eselon, education.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean import vocab
from ipasn.clean.codes import (
    is_jpt_madya_utama,
    kedudukan_type,
    parse_education,
    parse_eselon,
    parse_position_id,
    position_type,
    status_obstacle,
    status_type,
)
from ipasn.clean.columns import RawTable, id_or_name, log_coded_problem, pair_text, parse_each, raw_column, text_column
from ipasn.clean.nips import gender_from_keys, nip_text, parse_nip_keys
from ipasn.clean.parse import as_text, quoted
from ipasn.clean.problems import PROBLEMS
from ipasn.errors import InputError
from ipasn.input import RawSheet

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
    (s_kind, s_problem), (s_reason, _) = parse_each(raw, "status", (status_type, TYPES),
                                                     (status_obstacle, REASONS))
    (k_kind, k_problem), (k_reason, _) = parse_each(raw, "kedudukan", (kedudukan_type, TYPES),
                                                     (status_obstacle, REASONS))
    s_unknown, k_unknown = s_problem.notna().to_numpy(bool), k_problem.notna().to_numpy(bool)
    log.add(raw, s_unknown & usable, "status", s_problem, rejected=False, nip=nip)
    log.add(raw, k_unknown & usable, "kedudukan", k_problem, rejected=False, nip=nip)
    s, k = s_kind.cat.codes.to_numpy(), k_kind.cat.codes.to_numpy()  # -1 none, 0 PNS, 1 CPNS, 2 PPPK
    clash = (s >= 0) & (k >= 0) & (s != k)
    log.add(raw, clash & usable, "status", "STATUS_BERTENTANGAN", rejected=False,
            raw=pair_text(raw, "status", "kedudukan", clash & usable), nip=nip)
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
        f"tidak satu pun dari {len(problems)} baris berisi NIP yang dapat dipakai; {PROBLEMS[code]} "
        f"({int((problems == code).sum())} baris, mulai baris {int(first['_row'])}: "
        f"'{as_text(first['nip'])}')",
        file=sheet.file, sheet=sheet.sheet, column="nip",
    )


def load_pegawai(sheet: RawTable) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = sheet.data
    log = sheet.log()
    if raw.empty:
        raise InputError(
            f"tidak ada data pegawai: hanya baris judul kolom (baris {sheet.header_row}), tanpa baris di bawahnya",
            file=sheet.file, sheet=sheet.sheet,
        )
    keys, nip_problem = parse_nip_keys(raw_column(raw, "nip"))
    bad_nip = nip_problem.notna().to_numpy(bool)
    if bad_nip.all():
        _no_usable_nip(sheet, nip_problem)
    log.add(raw, bad_nip, "nip", nip_problem, rejected=True)
    nip = nip_text(keys).set_axis(raw.index)

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

    nama = text_column(raw, "nama")
    log.add(raw, (nama == "").to_numpy(bool) & usable, "nama", "NAMA_KOSONG", rejected=False, nip=nip)
    unit = text_column(raw, "unit_kerja")
    no_unit = (unit == "").to_numpy(bool)
    log.add(raw, no_unit & usable, "unit_kerja", "UNIT_KOSONG", rejected=False, nip=nip)
    unit = unit.mask(no_unit, "(Unit kerja tidak diisi)")

    education, edu_problem, edu_id_only, _ = id_or_name(
        raw, log, nip, usable, "pendidikan_id", "pendidikan", parse_education, parse_education)
    log_coded_problem(log, raw, edu_problem, edu_id_only, usable, "pendidikan_id", "pendidikan", nip)
    kind, kind_problem, kind_id_only, [(madya, _)] = id_or_name(
        raw, log, nip, usable, "jenis_jabatan_id", "jenis_jabatan", parse_position_id, position_type,
        refines=vocab.POSITION_REFINES, also=((is_jpt_madya_utama, "bool"),))
    log_coded_problem(log, raw, kind_problem, kind_id_only, usable, "jenis_jabatan_id", "jenis_jabatan", nip)
    eselon, eselon_problem, eselon_id_only, _ = id_or_name(
        raw, log, nip, usable, "eselon_id", "eselon", parse_eselon, parse_eselon, "float64")
    log_coded_problem(log, raw, eselon_problem, eselon_id_only, usable, "eselon_id", "eselon", nip)
    position, level = _resolve_position(kind, madya, eselon, eselon_problem.notna().to_numpy(bool), log, raw,
                                        nip, usable)
    shown_education = text_column(raw, "pendidikan", quoted)
    if "pendidikan_id" in raw:  # only the id: quote it
        shown_education = shown_education.mask(edu_id_only, text_column(raw, "pendidikan_id", quoted))

    table = pd.DataFrame({
        "nip": nip,
        "nama": nama,
        "unit_kerja": unit,
        "sub_unit": text_column(raw, "sub_unit"),
        "jenis_jabatan": position,
        "eselon": level,
        "jabatan": text_column(raw, "jabatan"),
        "pendidikan": education.astype(object).where(education.notna(), None),
        "pendidikan_input": shown_education,
        "status": pd.Series(status, index=raw.index, dtype=object),
        "keterangan_status": pd.Series(not_measured, index=raw.index, dtype=object),
        "jenis_kelamin": gender_from_keys(keys),
        "_row": raw["_row"],
        "_nip": keys,
    })[usable].reset_index(drop=True)
    context = {"_tabel": "pegawai", "_nip": keys}
    return table.astype({"eselon": "Int8"}), log.frame(context, raw.index)
