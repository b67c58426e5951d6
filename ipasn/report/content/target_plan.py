"""A plan to reach the target IP ASN: the fewest trainings, the largest gain per person first.

Scored rows and the ruleset in, a frozen `TargetPlan` out. The gains are the improvement list's
(`analysis.improvement_items`): only its sure items, the four competence indicators, which a
training finished within the measurement windows earns. Kualifikasi (formal education), kinerja
(an assessment already made) and disiplin (five years of history) cannot be changed by a training,
and data corrections have no sure gain, so none of them is in a plan.

Every number a plan states is re-scored, never summed: the chosen people get the indicator's
points and `score.add_up` adds their dimensions up as scoring does; the IP is the mean of that.
Taking whole groups of the largest gain per person first, and of the last group only as many
people as needed, gives the fewest trainings that reach the target (every person of a group gains
the same, and no later group gains more per person).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ipasn.errors import ParamsError
from ipasn.report.content.analysis import improvement_items
from ipasn.report.content.targets import Targets
from ipasn.ruleset import INDICATORS, POSITION_TYPES, Ruleset
from ipasn.scoring.score import add_up

# Among actions of equal gain per person, the lighter first: 20 JP of technical training before a
# functional or a leadership programme.
ACTION_ORDER = ("teknis", "seminar", "fungsional", "kepemimpinan")
PEOPLE_COLUMNS = ["langkah", "indikator", "tambahan", "nip", "nama", "unit_kerja", "jenis_jabatan",
                  "ip_asn", "ip_asn_sesudah"]
CHOSEN = ["nip", "indikator", "tambahan", "_pos"]  # one person's training; _pos: the row in the scores
POINT_COLUMNS = ["kualifikasi", *(f"kompetensi_{i}" for i in INDICATORS), "kinerja", "disiplin"]


@dataclass(frozen=True)
class Goal:
    """The IP ASN a plan must reach: a target met at `nilai`, or a category's lower bound, which the
    mean must exceed (categories are half-open: 80 is Sedang, 80.01 Tinggi)."""

    nilai: float
    lebih_dari: bool = False
    kategori: str | None = None

    def met(self, ip: float) -> bool:
        if ip is None or math.isnan(ip):
            return False
        return ip > self.nilai if self.lebih_dari else ip >= self.nilai


def goal_of(targets: Targets, rules: Ruleset) -> Goal | None:
    """The goal of a run's targets: `ip_asn`, or `kategori` (a band name of the ruleset), or the
    stricter of the two; None when neither is set."""
    goals = []
    if targets.ip_asn is not None:
        goals.append(Goal(float(targets.ip_asn)))
    if targets.kategori is not None:
        bands = {band.nama.casefold(): band for band in rules.kategori}
        band = bands.get(targets.kategori.strip().casefold())
        if band is None:
            raise ParamsError(f"targets.kategori '{targets.kategori}' tidak dikenal; yang ada: "
                              + ", ".join(b.nama for b in rules.kategori))
        bound = band.lebih_dari
        goals.append(Goal(float(bound), True, band.nama) if bound is not None else Goal(0.0, False, band.nama))
    return max(goals, key=lambda g: (g.nilai, g.lebih_dari), default=None)


@dataclass(frozen=True)
class PlanStep:
    """One action: an indicator earned by `pegawai` of the `belum` PNS who lack it, each gaining `poin`."""

    indikator: str
    poin: float
    jenis_jabatan: tuple[str, ...]  # the position types trained, in POSITION_TYPES order
    pegawai: int
    belum: int
    ip_sesudah: float  # re-scored mean after this step and the ones before it


@dataclass(frozen=True)
class TargetPlan:
    goal: Goal | None
    diukur: int  # the PNS the mean is over
    ip_awal: float
    ip_akhir: float  # re-scored with every step
    ip_maksimal: float  # re-scored with every available action for everyone who lacks it
    steps: tuple[PlanStep, ...]
    # One row per person trained (PEOPLE_COLUMNS), in the steps' order: personal data.
    people: pd.DataFrame = field(compare=False, repr=False)

    @property
    def tercapai(self) -> bool:
        return self.goal is not None and self.goal.met(self.ip_akhir)

    @property
    def sudah_tercapai(self) -> bool:
        return self.goal is not None and self.goal.met(self.ip_awal)


def rescore(scores: pd.DataFrame, chosen: pd.DataFrame) -> pd.DataFrame:
    """nip, unit_kerja and ip_asn of the scored rows with each chosen (nip, indikator, tambahan)
    earned, added up as scoring does."""
    at = pd.Index(scores["nip"]).get_indexer(chosen["nip"])
    return pd.DataFrame({"nip": scores["nip"].to_numpy(), "unit_kerja": scores["unit_kerja"].to_numpy(),
                         "ip_asn": _earned(_points(scores), chosen.assign(_pos=at))})


def _points(scores: pd.DataFrame) -> dict[str, np.ndarray]:
    return {column: scores[column].to_numpy("float64") for column in POINT_COLUMNS}


def _earned(points: dict[str, np.ndarray], chosen: pd.DataFrame) -> np.ndarray:
    """Each person's IP ASN with each chosen row's indicator earned at its position `_pos`."""
    out = dict(points)
    kinds = chosen["indikator"].to_numpy(object)
    at, gain = chosen["_pos"].to_numpy("int64"), chosen["tambahan"].to_numpy("float64")
    for indicator in INDICATORS:
        mine = kinds == indicator
        if mine.any():
            column = out[f"kompetensi_{indicator}"].copy()
            column[at[mine]] = gain[mine]
            out[f"kompetensi_{indicator}"] = column
    return add_up(out)["ip_asn"]


def _mean(points: dict[str, np.ndarray], chosen: pd.DataFrame) -> float:
    """The mean as pandas takes it (the sum, then divided by the count)."""
    ip = _earned(points, chosen)
    return float(ip.sum() / len(ip)) if len(ip) else math.nan


def _candidates(scores: pd.DataFrame, rules: Ruleset) -> list[pd.DataFrame]:
    """The sure competence items, one frame per action (indicator and gain per person), in the order
    of the plan: gain per person, then ACTION_ORDER; within one, the lowest IP ASN first."""
    items = improvement_items(scores, rules)
    items = items[items["pasti"] & items["indikator"].isin(INDICATORS)]
    units = scores.drop_duplicates("nip").set_index("nip")["unit_kerja"]
    items = items.assign(unit_kerja=items["nip"].map(units),
                         _pos=pd.Index(scores["nip"]).get_indexer(items["nip"]))
    groups = []
    for (indicator, gain), rows in items.groupby(["indikator", "tambahan"], sort=False):
        rows = rows.sort_values(["ip_asn", "unit_kerja", "nama", "nip"], kind="stable", na_position="last")
        groups.append(((-gain, ACTION_ORDER.index(indicator)), rows.reset_index(drop=True)))
    return [rows for _, rows in sorted(groups, key=lambda pair: pair[0])]


def _fewest(points: dict[str, np.ndarray], chosen: pd.DataFrame, group: pd.DataFrame, goal: Goal) -> int:
    """The fewest people of `group` (taken in its order) whose training meets the goal; the whole
    group meets it. Bisection on the re-scored mean, which grows with every person added."""
    low, high = 0, len(group)  # low: not enough; high: enough
    while high - low > 1:
        middle = (low + high) // 2
        if goal.met(_mean(points, pd.concat([chosen, group.iloc[:middle]]))):
            high = middle
        else:
            low = middle
    return high


def plan_to_target(scores: pd.DataFrame, rules: Ruleset, goal: Goal | None) -> TargetPlan:
    """The plan for these scored rows (a unit's or the instansi's) to reach `goal`: the steps, their
    people, and the re-scored IP after each. Without a goal there are no steps, only the most that
    training can reach (`ip_maksimal`)."""
    start = float(scores["ip_asn"].mean()) if len(scores) else math.nan
    points = _points(scores)
    candidates = [group[[*CHOSEN, "nama", "unit_kerja", "jenis_jabatan", "ip_asn"]]
                  for group in _candidates(scores, rules)]
    chosen = pd.DataFrame({c: pd.Series(dtype="float64" if c == "tambahan" else "int64" if c == "_pos"
                                        else object) for c in CHOSEN})
    steps, taken = [], []
    reached = goal is None or goal.met(start)
    for group in candidates:
        if reached:
            break
        count = len(group)
        if goal.met(_mean(points, pd.concat([chosen, group[CHOSEN]]))):
            count, reached = _fewest(points, chosen, group[CHOSEN], goal), True
        part = group.iloc[:count]
        chosen = pd.concat([chosen, part[CHOSEN]], ignore_index=True)
        kinds = set(part["jenis_jabatan"])
        steps.append(PlanStep(part["indikator"].iloc[0], float(part["tambahan"].iloc[0]),
                              tuple(t for t in POSITION_TYPES if t in kinds), count, len(group),
                              _mean(points, chosen)))
        taken.append(part.assign(langkah=len(steps)))
    every = pd.concat([g[CHOSEN] for g in candidates]) if candidates else chosen
    return TargetPlan(goal, len(scores), start, steps[-1].ip_sesudah if steps else start,
                      _mean(points, every), tuple(steps), _people(points, chosen, taken))


def _people(points: dict[str, np.ndarray], chosen: pd.DataFrame, taken: list[pd.DataFrame]) -> pd.DataFrame:
    if not taken:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("tambahan", "ip_asn", "ip_asn_sesudah")
                                          else object) for c in PEOPLE_COLUMNS})
    people = pd.concat(taken, ignore_index=True)
    after = _earned(points, chosen)
    people["ip_asn_sesudah"] = after[people["_pos"].to_numpy("int64")]
    people["langkah"] = people["langkah"].astype("int64")
    return people[PEOPLE_COLUMNS]


def unit_effect(scores: pd.DataFrame, plan: TargetPlan) -> pd.DataFrame:
    """Per unit kerja under an instansi's plan: PNS trained, IP ASN before and after (re-scored)."""
    after = rescore(scores, plan.people[["nip", "indikator", "tambahan"]])
    out = pd.DataFrame({
        "diukur": scores.groupby("unit_kerja", sort=True)["nip"].size(),
        "dilatih": plan.people.groupby("unit_kerja")["nip"].nunique(),
        "ip_awal": scores.groupby("unit_kerja", sort=True)["ip_asn"].mean(),
        "ip_sesudah": after.groupby("unit_kerja", sort=True)["ip_asn"].mean(),
    })
    out["dilatih"] = out["dilatih"].fillna(0).astype("int64")
    return out.rename_axis("unit_kerja").reset_index()

