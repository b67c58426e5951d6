"""The history sheets of the contract-shaped demo: diklat, kinerja and hukdis in mixed spellings, with
their dirty rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.clean.vocab import NUMERALS
from ipasn.demo.draws import (
    draw_nips,
    format_dates,
    format_hundredths,
    insert_after,
    n_dirty,
    pick,
    random_days,
    year_start,
)
from ipasn.demo.pools import (
    DISCIPLINE_SPELLING,
    ESELON_LEVEL,
    FUNCTIONAL_KIND,
    LEADERSHIP_JP,
    LEADERSHIP_KIND,
    LEADERSHIP_NAMES,
    PREDIKAT,
    SEMINAR_KIND,
    SEMINAR_KIND_P,
    SEMINAR_TOPICS,
    TECHNICAL_JP,
    TECHNICAL_JP_P,
    TECHNICAL_KIND,
    TECHNICAL_TOPICS,
)
from ipasn.input.schema import CONTRACT_COLUMNS


def diklat_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()
    tmt = people["tmt"].to_numpy()
    parts: list[dict[str, np.ndarray]] = []
    end = np.datetime64(f"{tahun:04d}-12-31")

    # Leadership: ~75% matching the eselon, some one level lower or higher, some none; a matching
    # official often also has the previous level from earlier in the career.
    structural = np.flatnonzero(ptype <= 2)
    own = np.array([ESELON_LEVEL[t] for t in ptype[structural]], dtype=np.int64)
    u = rng.random(len(structural))
    level = np.where(u < 0.75, own, np.where(u < 0.83, own + 1, np.where(u < 0.88, own - 1, 0)))
    level = np.where(level > 4, 0, level)
    earlier = (u < 0.75) & (own < 4) & (rng.random(len(structural)) < 0.4)
    who = np.concatenate([structural[level > 0], structural[earlier]])
    lv = np.concatenate([level[level > 0], own[earlier] + 1])
    if len(who):
        lo_year = np.maximum(tmt[who] + 2, tahun - 20)
        first = year_start(np.minimum(lo_year, tahun))
        days = random_days(rng, first, np.full(len(who), end))
        # the earlier, lower-level training ends before the matching one
        n_main = (level > 0).sum()
        earlier_days = days[n_main:] - rng.integers(365 * 2, 365 * 6, len(who) - n_main)
        days[n_main:] = np.maximum(earlier_days, year_start(tmt[who[n_main:]] + 1))
        era = np.searchsorted([2000, 2019], days.astype("datetime64[Y]").astype(np.int64) + 1970,
                              side="right")
        names = np.empty(len(who), dtype=object)
        for i, (v, e, r) in enumerate(zip(lv.tolist(), era.tolist(), rng.random(len(who)).tolist())):
            options = LEADERSHIP_NAMES[v][e]
            names[i] = options[int(r * len(options))]
        tingkat = np.where(rng.random(len(who)) < 0.4,
                           np.array([NUMERALS[v] for v in lv], dtype=object), "")
        jp = np.where(rng.random(len(who)) < 0.7, np.array([LEADERSHIP_JP[v] for v in lv], dtype=object), "")
        parts.append({"emp": who, "jenis": pick(rng, LEADERSHIP_KIND, len(who), p=[0.5, 0.3, 0.2]),
                      "nama": names, "tingkat": tingkat, "days": days, "jp": jp, "cat": np.zeros(len(who))})

    # Functional: ~60% of functional officials, any time in the last ten years.
    fungsional = np.flatnonzero(ptype == 3)
    who = fungsional[rng.random(len(fungsional)) < 0.6]
    if len(who):
        first = year_start(np.minimum(np.maximum(tmt[who], tahun - 10), tahun))
        days = random_days(rng, first, np.full(len(who), end))
        label = {"pendidikan": "Guru", "kesehatan": "Tenaga Kesehatan", "rs": "Tenaga Kesehatan",
                 "inspektorat": "Auditor", "kepegawaian": "Analis SDM Aparatur"}
        topic = np.array([label.get(k, "Analis Kebijakan") for k in kind[who]], dtype=object)
        prefix = pick(rng, ["Diklat Fungsional", "Pelatihan Pembentukan Jabatan Fungsional",
                             "Diklat Penjenjangan"], len(who))
        parts.append({"emp": who, "jenis": pick(rng, FUNCTIONAL_KIND, len(who)),
                      "nama": np.array([f"{p} {t}" for p, t in zip(prefix, topic)], dtype=object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": pick(rng, ["40", "60", "80", "120", "150", ""], len(who),
                                  p=[0.15, 0.2, 0.25, 0.2, 0.1, 0.1]),
                      "cat": np.ones(len(who))})

    window_first = np.datetime64(f"{tahun - 3:04d}-01-01")

    # Technical: 0-3 per person over tahun-3 .. tahun, 8-60 JP.
    count = rng.choice(4, size=n, p=[0.35, 0.35, 0.2, 0.1])
    who = np.repeat(np.arange(n), count)
    if len(who):
        days = random_days(rng, np.full(len(who), window_first), np.full(len(who), end))
        jp_value = pick(rng, TECHNICAL_JP, len(who), p=TECHNICAL_JP_P).astype(np.int64) * 100
        half = rng.random(len(who)) < 0.01
        jp_value[half] += 50
        parts.append({"emp": who, "jenis": pick(rng, TECHNICAL_KIND, len(who), p=[0.4, 0.35, 0.25]),
                      "nama": np.char.add("Pelatihan ", pick(rng, TECHNICAL_TOPICS, len(who)).astype(str)
                                          ).astype(object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": format_hundredths(jp_value), "cat": np.full(len(who), 2.0)})
        parts[-1]["nama"] = np.where(parts[-1]["jenis"] == "Bimtek",
                                     np.char.replace(parts[-1]["nama"].astype(str), "Pelatihan", "Bimtek"
                                                     ).astype(object), parts[-1]["nama"])

    # Seminars and similar: 0-4 per person over tahun-3 .. tahun.
    count = rng.choice(5, size=n, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    who = np.repeat(np.arange(n), count)
    if len(who):
        days = random_days(rng, np.full(len(who), window_first), np.full(len(who), end))
        jenis = pick(rng, SEMINAR_KIND, len(who), p=SEMINAR_KIND_P)
        topic = pick(rng, SEMINAR_TOPICS, len(who))
        parts.append({"emp": who, "jenis": jenis,
                      "nama": np.array([f"{j} {t}" for j, t in zip(jenis, topic)], dtype=object),
                      "tingkat": np.full(len(who), "", dtype=object), "days": days,
                      "jp": pick(rng, ["", "", "2", "3", "4", "8"], len(who)),
                      "cat": np.full(len(who), 3.0)})

    columns = ("emp", "jenis", "nama", "tingkat", "days", "jp", "cat")
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in CONTRACT_COLUMNS["diklat"]})
    data = {c: np.concatenate([p[c] for p in parts]) for c in columns}
    # A few trainings end after the reference date (registered in advance).
    later = np.flatnonzero(data["cat"] >= 2)
    if len(later):
        moved = rng.permutation(later)[:n_dirty(len(later), 0.004)]
        data["days"][moved] = random_days(rng, np.full(len(moved), end + 1), np.full(len(moved), end + 90))
    order = np.lexsort((data["cat"], data["days"].astype(np.int64), data["emp"]))
    data = {c: v[order] for c, v in data.items()}
    frame = pd.DataFrame({
        "nip": people["nip_text"].to_numpy()[data["emp"]], "jenis": data["jenis"], "nama_diklat": data["nama"],
        "tingkat": data["tingkat"], "tanggal_selesai": format_dates(data["days"]), "jp": data["jp"],
    })
    cat = data["cat"]

    # Dirt: impossible dates, negative JP, empty JP on a technical row, an exact duplicate row.
    teknis = rng.permutation(np.flatnonzero(cat == 2))
    seminar = rng.permutation(np.flatnonzero(cat == 3))
    k = n_dirty(len(frame), 0.003)
    bad_dates = seminar[:k]
    frame.loc[bad_dates, "tanggal_selesai"] = [
        f"31-02-{tahun - 1}" if j % 2 == 0 else "kemarin" for j in range(len(bad_dates))]
    k = n_dirty(len(frame), 0.002)
    negative, teknis = teknis[:k], teknis[k:]
    frame.loc[negative, "jp"] = ["-" + v for v in frame.loc[negative, "jp"]]
    k = n_dirty(len(frame), 0.002)
    empty_jp, teknis = teknis[:k], teknis[k:]
    frame.loc[empty_jp, "jp"] = ""
    k = n_dirty(len(frame), 0.002)
    duplicated = np.sort(teknis[:k])
    return insert_after(frame, duplicated, frame.loc[duplicated])


def kinerja_values(rng: np.random.Generator, m: int) -> np.ndarray:
    """SKP values in hundredths: mostly 76-95, some above 90, a few low, a few on band boundaries."""
    values = np.clip(rng.normal(86.5, 4.8, m), 76.01, 97.5)
    u = rng.random(m)
    values = np.where(u < 0.06, rng.uniform(60.01, 76.0, m), values)
    values = np.where(u > 0.988, rng.uniform(40.0, 60.0, m), values)
    values = np.where((u > 0.985) & (u <= 0.986), rng.uniform(100.5, 108.0, m), values)
    hundredths = np.rint(values * 100).astype(np.int64)
    boundary = rng.permutation(m)[:4 * n_dirty(m, 0.004, minimum=2)] if m >= 8 else np.empty(0, int)
    hundredths[boundary] = np.resize(np.array([9000, 7500, 6000, 5000]), len(boundary))
    return hundredths


def _predicate_for(hundredths: np.ndarray) -> np.ndarray:
    return np.select([hundredths > 9000, hundredths > 7500, hundredths > 6000, hundredths > 5000],
                     ["Sangat Baik", "Baik", "Cukup", "Kurang"], "Sangat Kurang").astype(object)


def kinerja_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    pns = np.flatnonzero(people["status"].to_numpy() == "PNS")
    tmt = people["tmt"].to_numpy()
    last = pns[rng.random(len(pns)) < 0.93]
    before = pns[(tmt[pns] <= tahun - 3) & (rng.random(len(pns)) < 0.4)]
    emp = np.concatenate([before, last])
    year = np.concatenate([np.full(len(before), tahun - 2), np.full(len(last), tahun - 1)])
    m = len(emp)
    hundredths = kinerja_values(rng, m)
    nilai = format_hundredths(hundredths)
    predikat = np.where(rng.random(m) < 0.3, _predicate_for(hundredths), "").astype(object)
    only_predicate = rng.random(m) < 0.08
    nilai[only_predicate] = ""
    predikat[only_predicate] = pick(rng, PREDIKAT, only_predicate.sum(), p=[0.2, 0.72, 0.06, 0.02])
    order = np.lexsort((year, emp))
    nip = people["nip_text"].to_numpy()
    frame = pd.DataFrame({"nip": nip[emp[order]], "tahun": year[order].astype(str),
                          "nilai": nilai[order], "predikat": predikat[order]})
    hundredths = hundredths[order]
    valued = np.flatnonzero((frame["nilai"] != "").to_numpy() & (frame["tahun"] == str(tahun - 1)).to_numpy())

    # Dirt: a second, different assessment for the same employee and year ...
    k = min(len(valued), n_dirty(len(frame), 0.002))
    clash = np.sort(rng.permutation(valued)[:k])
    extra = frame.loc[clash].copy()
    extra["nilai"] = format_hundredths(np.minimum(hundredths[clash] + rng.integers(100, 600, k), 9999))
    extra["predikat"] = ""
    frame = insert_after(frame, clash, extra)
    # ... and assessments of people not (or no longer) in the pegawai sheet.
    k = n_dirty(max(len(frame), 3), 0.004)
    known = set(people["nip_text"].tolist())
    strangers, _ = draw_nips(rng, np.full(k + 5, "PNS", dtype=object), tahun)
    strangers = [s for s in strangers.astype(str).tolist() if s not in known][:k]
    rows = pd.DataFrame({"nip": strangers, "tahun": str(tahun - 1),
                         "nilai": format_hundredths(kinerja_values(rng, len(strangers))),
                         "predikat": ""})
    where = np.sort(rng.integers(0, len(frame) + 1, len(rows)))
    return insert_after(frame, where - 1, rows)


def hukdis_sheet(rng: np.random.Generator, people: pd.DataFrame, tahun: int) -> pd.DataFrame:
    n = len(people)
    punished = np.flatnonzero(rng.random(n) < 0.03)
    if len(punished) < 3 and n >= 3:
        punished = np.sort(rng.permutation(n)[:3])
    count = np.where(rng.random(len(punished)) < 0.2, 2, 1)
    emp = np.repeat(punished, count)
    m = len(emp)
    days = random_days(rng, np.full(m, np.datetime64(f"{tahun - 7:04d}-01-01")),
                        np.full(m, np.datetime64(f"{tahun:04d}-12-31")))
    severity = rng.choice(3, size=m, p=[0.6, 0.28, 0.12])
    tingkat = np.empty(m, dtype=object)
    for s, (spellings, p) in enumerate(DISCIPLINE_SPELLING):
        rows = np.flatnonzero(severity == s)
        tingkat[rows] = pick(rng, spellings, len(rows), p=p)
    order = np.lexsort((days.astype(np.int64), emp))
    frame = pd.DataFrame({"nip": people["nip_text"].to_numpy()[emp[order]], "tingkat": tingkat[order],
                          "tanggal": format_dates(days[order])})
    # Dirt: a level that is not a disciplinary punishment under PP 94/2021.
    adat = rng.permutation(m)[:n_dirty(m, 0.02)]
    frame.loc[adat, "tingkat"] = "Sanksi Adat"
    return frame
