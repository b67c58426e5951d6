"""The plain reference: one employee at a time, written to read like the regulation.

Deliberately slow and obvious. `score.py` must agree with it on every employee; the property tests in
tests/test_reference_agreement.py hold them to that.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pandas as pd

from ipasn.load import Dataset
from ipasn.ruleset import Ruleset, category_for, jp_units, load_ruleset

SEVERITY = {"ringan": 1, "sedang": 2, "berat": 3}


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar date `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _in_window(day: dt.date, reference: dt.date, years: int) -> bool:
    """Windows end on the reference date, inclusive, and start after the same date k years earlier."""
    return _years_before(reference, years) < day <= reference


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


def kompetensi(employee: dict, trainings: list[dict], rules: Ruleset, reference: dt.date) -> dict[str, float]:
    jenis = employee["jenis_jabatan"]
    if jenis is None:
        return {"kepemimpinan": 0.0, "fungsional": 0.0, "teknis": 0.0, "seminar": 0.0}
    points = rules.kompetensi[jenis]
    done = [t for t in trainings if t["tanggal_selesai"] <= reference]

    # Diklat kepemimpinan "sesuai dengan jabatan yang diduduki": same eselon level (no time window).
    kepemimpinan = 0.0
    required = leadership_level_required(employee, rules)
    if required is not None:
        for t in done:
            if t["jenis"] != "kepemimpinan":
                continue
            same_level = t["tingkat"] == required
            higher_level = rules.opsi.kepemimpinan_lebih_tinggi_dihitung and t["tingkat"] < required
            if same_level or higher_level:
                kepemimpinan = points.kepemimpinan
                break

    # Diklat fungsional: any functional training completed by the reference date.
    fungsional = points.fungsional if any(t["jenis"] == "fungsional" for t in done) else 0.0

    # Diklat teknis: at least 20 JP in the window (added up, or one training, per the option), counted
    # exactly: in millionths of a JP.
    window = rules.opsi.teknis_jendela_tahun
    jps = [jp_units(t["jp"]) for t in done
           if t["jenis"] == "teknis" and _in_window(t["tanggal_selesai"], reference, window)]
    counted = sum(jps) if rules.opsi.teknis_akumulasi_jp else max(jps, default=0)
    teknis = points.teknis if counted >= jp_units(rules.teknis_min_jp) else 0.0

    # Seminar / workshop / kursus / magang: at least one in the last 2 years.
    seminar_years = rules.seminar_jendela_tahun
    attended = any(t["jenis"] == "seminar" and _in_window(t["tanggal_selesai"], reference, seminar_years)
                   for t in done)
    seminar = points.seminar if attended else 0.0
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
    """Heaviest final punishment in the last 5 years; an unreadable one that may count is unknown."""
    years = rules.disiplin.jendela_tahun
    for p in unreadable:
        if p["tanggal"] is None or _in_window(p["tanggal"], reference, years):
            return 0.0, False
    in_window = [p for p in punishments if _in_window(p["tanggal"], reference, years)]
    if not in_window:
        return float(rules.disiplin.poin["tidak_ada"]), True
    heaviest = max(in_window, key=lambda p: SEVERITY[p["tingkat"]])
    return float(rules.disiplin.poin[heaviest["tingkat"]]), True


def _records(frame: pd.DataFrame, date_column: str | None = None) -> dict[str, list[dict]]:
    by_nip: dict[str, list[dict]] = defaultdict(list)
    for record in frame.to_dict("records"):
        if date_column:
            stamp = record[date_column]
            record[date_column] = None if pd.isna(stamp) else stamp.date()
        by_nip[record["nip"]].append(record)
    return by_nip


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
    affected = set(data.findings.loc[data.findings["berdampak"] & data.findings["nip"].notna(), "nip"])

    rows = []
    for employee in data.pegawai.to_dict("records"):
        if employee["status"] != "PNS":
            continue  # CPNS and PPPK are counted, not measured
        nip = employee["nip"]
        kual, kual_known = kualifikasi(employee, rules)
        komp = kompetensi(employee, trainings[nip], rules, reference)
        kin, kin_known = kinerja(assessments[nip], rules, tahun_kinerja)
        dis, dis_known = disiplin(punishments[nip], unreadable[nip], rules, reference)
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
                             and dis_known and nip not in affected and not data.undeclared_absent),
        })
    return pd.DataFrame(rows)
