"""The plain reference: one employee at a time, written to read like the regulation.

Deliberately slow and obvious. `score.py` must agree with it on every employee; the property tests in
tests/scoring/test_reference_agreement.py hold them to that.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pandas as pd

from ipasn.clean.dataset import Dataset
from ipasn.ruleset import Ruleset, category_for, jp_units, load_ruleset

SEVERITY = {"ringan": 1, "sedang": 2, "berat": 3}
INDICATORS = ("kepemimpinan", "fungsional", "teknis", "seminar")


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar date `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _possible_dates(row: dict, column: str) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and the latest day a history row can be dated: its date, or, where the export
    gave only a year (stored as 31 December, `hanya_tahun`), any day of that year."""
    day = row[column]
    if day is None:
        return None, None
    if row.get("hanya_tahun"):
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def _window_start(reference: dt.date, years: int | None) -> dt.date | None:
    """Windows end on the reference date, inclusive, and start after the same date k years earlier;
    None: no start (leadership and functional training count whenever done by the reference date)."""
    return None if years is None else _years_before(reference, years)


def _surely_in(first: dt.date, last: dt.date, reference: dt.date, years: int | None) -> bool:
    """Every day the row can have lies in the window."""
    start = _window_start(reference, years)
    return last <= reference and (start is None or first > start)


def _maybe_in(first: dt.date, last: dt.date, reference: dt.date, years: int | None) -> bool:
    """Some day the row can have lies in the window."""
    start = _window_start(reference, years)
    return first <= reference and (start is None or last > start)


def kualifikasi(employee: dict, rules: Ruleset) -> tuple[float, bool]:
    """Highest formal education: points from the table; missing or unknown is 0 and incomplete."""
    level = rules.kualifikasi.get(employee["pendidikan"]) if employee["pendidikan"] else None
    if level is None:
        return 0.0, False
    return float(level.poin), True


def leadership_level_required(employee: dict, rules: Ruleset) -> int | None:
    jenis = employee["jenis_jabatan"]
    if jenis == "JPT":
        eselon = employee["eselon"]
        return int(eselon) if eselon is not None and not pd.isna(eselon) else rules.opsi.jpt_eselon_bawaan
    return {"Administrator": 3, "Pengawas": 4}.get(jenis)


def _window_years(indicator: str, rules: Ruleset) -> int | None:
    return {"kepemimpinan": None, "fungsional": None, "teknis": rules.opsi.teknis_jendela_tahun,
            "seminar": rules.seminar_jendela_tahun}[indicator]


def kompetensi(employee: dict, trainings: list[dict], rules: Ruleset, reference: dt.date) -> dict[str, float]:
    jenis = employee["jenis_jabatan"]
    if jenis is None:
        return {"kepemimpinan": 0.0, "fungsional": 0.0, "teknis": 0.0, "seminar": 0.0}
    points = rules.kompetensi[jenis]

    def counted(t: dict, indicator: str) -> bool:
        """Of this kind, and surely in the kind's window (a bare year straddling its edge is not)."""
        first, last = _possible_dates(t, "tanggal_selesai")
        return t["jenis"] == indicator and _surely_in(first, last, reference, _window_years(indicator, rules))

    # Diklat kepemimpinan "sesuai dengan jabatan yang diduduki": same eselon level (no time window).
    kepemimpinan = 0.0
    required = leadership_level_required(employee, rules)
    if required is not None:
        for t in trainings:
            if not counted(t, "kepemimpinan"):
                continue
            same_level = t["tingkat"] == required
            higher_level = rules.opsi.kepemimpinan_lebih_tinggi_dihitung and t["tingkat"] < required
            if same_level or higher_level:
                kepemimpinan = points.kepemimpinan
                break

    # Diklat fungsional: any functional training completed by the reference date.
    fungsional = points.fungsional if any(counted(t, "fungsional") for t in trainings) else 0.0

    # Diklat teknis: at least 20 JP in the window (added up, or one training, per the option), counted
    # exactly: in millionths of a JP.
    jps = [jp_units(t["jp"]) for t in trainings if counted(t, "teknis")]
    total = sum(jps) if rules.opsi.teknis_akumulasi_jp else max(jps, default=0)
    teknis = points.teknis if total >= jp_units(rules.teknis_min_jp) else 0.0

    # Seminar / workshop / kursus / magang: at least one in the last 2 years.
    seminar = points.seminar if any(counted(t, "seminar") for t in trainings) else 0.0
    return {"kepemimpinan": float(kepemimpinan), "fungsional": float(fungsional),
            "teknis": float(teknis), "seminar": float(seminar)}


def kinerja(assessments: list[dict], rules: Ruleset, tahun_kinerja: int) -> tuple[float, bool]:
    """The assessment of tahun_kinerja: the value decides, else the predicate; none is 0, incomplete."""
    of_year = [a for a in assessments if a["tahun"] == tahun_kinerja]
    if not of_year:
        return 0.0, False
    (assessment,) = of_year  # load() rejected conflicting duplicates
    value = assessment["nilai"]
    if value is not None and not pd.isna(value):
        for band in rules.kinerja.pita:  # "more than 90: 30", "more than 75, up to 90: 25", ...
            if band.lebih_dari is None or value > band.lebih_dari:
                return float(band.poin), True
    return float(rules.performance_predicates[assessment["predikat"]]), True


def disiplin(punishments: list[dict], unreadable: list[dict], rules: Ruleset,
             reference: dt.date) -> tuple[float, bool]:
    """Heaviest final punishment in the last 5 years. Unknown (0, incomplete) when a punishment that
    cannot be read may lie in the window, or one dated by a year alone may or may not."""
    years = rules.disiplin.jendela_tahun
    for p in unreadable:
        first, last = _possible_dates(p, "tanggal")
        if first is None or _maybe_in(first, last, reference, years):
            return 0.0, False
    in_window = []
    for p in punishments:
        first, last = _possible_dates(p, "tanggal")
        if _surely_in(first, last, reference, years):
            in_window.append(p)
        elif _maybe_in(first, last, reference, years):
            return 0.0, False  # its year straddles the window's edge
    if not in_window:
        return float(rules.disiplin.poin["tidak_ada"]), True
    heaviest = max(in_window, key=lambda p: SEVERITY[p["tingkat"]])
    return float(rules.disiplin.poin[heaviest["tingkat"]]), True


def finding_could_change_score(finding: dict, employee: dict, komp: dict[str, float], rules: Ruleset,
                               reference: dt.date, tahun_kinerja: int) -> bool:
    """RULES.md "Completeness": could this finding change this year's score of this employee?"""
    if not finding["berdampak"]:
        return False  # a harmless kind of finding
    table = finding.get("_tabel")
    first, last = finding.get("_dari"), finding.get("_sampai")

    def may_count(years: int | None) -> bool:
        if last is None:
            return True  # no readable date: it may lie anywhere
        if not _maybe_in(first, last, reference, years):
            return False
        # a rejected row would have counted; a kept row dated by its year alone is in doubt only
        # where that year straddles the window's edge
        return finding["ditolak"] or not _surely_in(first, last, reference, years)

    if table == "kinerja":
        return finding.get("_tahun") is None or finding["_tahun"] == tahun_kinerja
    if table == "hukdis":
        return may_count(rules.disiplin.jendela_tahun)
    if table == "diklat":
        kinds = [finding["_jenis"]] if finding.get("_jenis") else list(INDICATORS)
        jenis = employee["jenis_jabatan"]
        for kind in kinds:
            if kind not in INDICATORS:
                continue
            earns = jenis is not None and rules.indicator_points(jenis, kind) > 0
            if earns and komp[kind] == 0 and may_count(_window_years(kind, rules)):
                return True
        return False
    return True  # the employee's own row, or a finding without its row's context


def _date_or_none(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _records(frame: pd.DataFrame, *date_columns: str) -> dict[str, list[dict]]:
    by_nip: dict[str, list[dict]] = defaultdict(list)
    for record in frame.to_dict("records"):
        for column in date_columns:
            if column in record:
                record[column] = _date_or_none(record[column])
        for column, value in record.items():
            if column not in date_columns and not isinstance(value, str) and value is not None and pd.isna(value):
                record[column] = None
        by_nip[record["nip"]].append(record)
    return by_nip


def is_measured(employee: dict) -> bool:
    """Active PNS only: CPNS, PPPK, CLTN, pemberhentian sementara and unknown statuses are counted,
    not measured (`keterangan_status` says why)."""
    reason = employee.get("keterangan_status")
    return employee["status"] == "PNS" and (reason is None or pd.isna(reason))


def score_reference(data: Dataset, tahun: int, rules: Ruleset | None = None,
                    tanggal_acuan: dt.date | None = None) -> pd.DataFrame:
    """Score every active PNS one by one. Returns the numeric contract columns, in pegawai order."""
    rules = rules or load_ruleset()
    reference = tanggal_acuan or dt.date(tahun, 12, 31)
    tahun_kinerja = tahun - rules.opsi.tahun_kinerja_selisih
    trainings = _records(data.diklat, "tanggal_selesai")
    assessments = _records(data.kinerja)
    punishments = _records(data.hukdis, "tanggal")
    unreadable = _records(data.hukdis_unreadable, "tanggal")
    findings = _records(data.findings, "_dari", "_sampai")

    rows = []
    for employee in data.pegawai.to_dict("records"):
        if not is_measured(employee):
            continue
        nip = employee["nip"]
        kual, kual_known = kualifikasi(employee, rules)
        komp = kompetensi(employee, trainings[nip], rules, reference)
        kin, kin_known = kinerja(assessments[nip], rules, tahun_kinerja)
        dis, dis_known = disiplin(punishments[nip], unreadable[nip], rules, reference)
        doubtful = any(finding_could_change_score(f, employee, komp, rules, reference, tahun_kinerja)
                       for f in findings[nip])
        total = kual + sum(komp.values()) + kin + dis
        rows.append({
            "nip": nip,
            "kualifikasi": kual,
            **{f"kompetensi_{k}": v for k, v in komp.items()},
            "kompetensi": sum(komp.values()),
            "kinerja": kin,
            "disiplin": dis,
            "ip_asn": total,
            "kategori": category_for(total, rules.kategori),
            "data_lengkap": (kual_known and employee["jenis_jabatan"] is not None and kin_known
                             and dis_known and not doubtful and not data.undeclared_absent),
        })
    return pd.DataFrame(rows)
