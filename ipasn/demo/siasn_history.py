"""The histories of the SIASN-shaped demo: trainings and courses, assessments, punishments.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ipasn.clean.vocab import NUMERALS
from ipasn.demo.draws import choose, pick_one, random_day, year_days
from ipasn.demo.pools import SEMINAR_TOPICS, TECHNICAL_TOPICS
from ipasn.demo.siasn_tables import (
    ANGKATAN,
    BARE_YEAR_SHARE,
    BIMTEK_JP,
    FUNCTIONAL_TOPIC,
    HOSTS,
    HUKUMAN,
    KURSUS_KIND_P,
    KURSUS_KINDS,
    LAN_NAMES,
    LAN_SHORT,
    LEADERSHIP_DAYS,
    LEADERSHIP_HOST,
    LEADERSHIP_JP,
    LEVEL_P,
    LS_ID,
    NO_LEADERSHIP_ID_SHARE,
    NO_LEVEL_SHARE,
    NO_PUNISHMENT_ROWS,
    OLD_NAMES,
    PP94_FROM,
    PREDICATE_ONLY_FROM,
    PREDICATE_P,
    PREDICATES,
    PUNISHED_SHARE,
    TECHNICAL_JP,
)

# --- histories ------------------------------------------------------------------------------------


def _training(p: dict, tabel: str, kategori: str, nama: str, selesai: dt.date, days: int, jp, **extra) -> dict:
    row = {"p": p, "tabel": tabel, "kategori": kategori, "tingkat": None, "nama": nama, "selesai": selesai,
           "mulai": selesai - dt.timedelta(days=max(0, days - 1)), "jp": jp, "hanya_tahun": False,
           "jenis_id": None, "jenis_nama": None, "ls_id": None, "institusi": None, "sertifikat": None}
    row.update(extra)
    return row


def _leadership(rng: np.random.Generator, p: dict, level: int, selesai: dt.date, with_id: bool = True,
                lan_long: bool | None = None) -> dict:
    """A leadership training of `level` ending on `selesai`, named as it was called in its year."""
    year = selesai.year
    angkatan = pick_one(rng, ANGKATAN)
    if level == 5 or year < 2000:
        name = f"{OLD_NAMES[level]} Angkatan {angkatan}"
    elif year < 2019:
        name = f"Diklatpim Tingkat {NUMERALS[level]} Angkatan {angkatan}"
    else:
        long = rng.random() < 0.6 if lan_long is None else lan_long
        name = f"{LAN_NAMES[level] if long else LAN_SHORT[level]} Angkatan {angkatan}"
    sertifikat = f"{int(rng.integers(1, 999)):03d}/{LAN_SHORT.get(level, 'DIKLAT').replace(' ', '')}/{year}"
    return _training(p, "diklat", "kepemimpinan", name, selesai, LEADERSHIP_DAYS[level], LEADERSHIP_JP[level],
                     tingkat=level, jenis_id="1", jenis_nama="Diklat Struktural",
                     ls_id=LS_ID[level] if with_id else None, institusi=pick_one(rng, LEADERSHIP_HOST[level]),
                     sertifikat=sertifikat)


def draw_trainings(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    window_first = dt.date(tahun - 3, 1, 1)
    end = dt.date(tahun, 12, 31)
    planted = {id(p) for p in plants.values()}
    for p in people:
        own = {"JPT": 2, "Administrator": 3, "Pengawas": 4}.get(p["jenis_jabatan"])
        # Leadership: most officials have the training of their level, many the one below it earlier.
        if own is not None and id(p) not in planted:
            u = rng.random()  # their own level, the level below, the level above (before a promotion), none
            level = own if u < 0.78 else own + 1 if u < 0.86 else own - 1 if u < 0.9 else None
            if level is not None and 2 <= level <= 4:
                first = min(tahun, max(p["tmt"] + 4, tahun - 14))
                done = random_day(rng, dt.date(first, 1, 1), end)
                rows.append(_leadership(rng, p, level, done, with_id=rng.random() >= NO_LEADERSHIP_ID_SHARE))
                if level == own and own < 4 and rng.random() < 0.45:
                    earlier = max(dt.date(p["tmt"] + 2, 1, 1), done - dt.timedelta(days=int(rng.integers(900, 2600))))
                    rows.append(_leadership(rng, p, own + 1, min(earlier, done - dt.timedelta(days=200)),
                                            with_id=rng.random() >= NO_LEADERSHIP_ID_SHARE))
            if own == 4 and p["born"].year < 1972 and rng.random() < 0.3:
                rows.append(_leadership(rng, p, 5, random_day(rng, *year_days(max(1990, p["tmt"] + 3)))))
        # Functional: most functional officials, any time since appointment.
        if p["jenis_jabatan"] == "Fungsional" and rng.random() < 0.6:
            topic = FUNCTIONAL_TOPIC.get(p["skpd"].kind, "Analis Kebijakan")
            prefix = pick_one(rng, ("Diklat Fungsional", "Pelatihan Fungsional", "Diklat Pembentukan Jabatan Fungsional"))
            rows.append(_training(p, "diklat", "fungsional", f"{prefix} {topic}",
                                  random_day(rng, dt.date(min(tahun, p["tmt"]), 1, 1), end), 10, pick_one(rng, (40, 60, 80, 120)),
                                  jenis_id="2", jenis_nama="Diklat Fungsional", institusi=pick_one(rng, HOSTS),
                                  sertifikat=f"DF.{int(rng.integers(1000, 9999))}"))
        # Latsar CPNS (since 2018) / Prajabatan (before) for the recently appointed.
        if p["status"] in ("PNS", "CPNS") and p["tmt"] >= tahun - 6 and rng.random() < 0.8:
            year = min(tahun, p["tmt"] + (0 if p["status"] == "CPNS" else 1))
            gol = "III" if p["pendidikan"] in ("50", "45", "40", "35") else "II"
            name = (f"Latsar CPNS Golongan {gol} Angkatan {pick_one(rng, ANGKATAN)}" if year >= 2018
                    else f"Diklat Prajabatan Golongan {gol}")
            rows.append(_training(p, "diklat", "latsar", name, random_day(rng, *year_days(year)), 50, 300,
                                  jenis_id="1", jenis_nama="Diklat Struktural", institusi="BPSDMD Provinsi Demo",
                                  sertifikat=f"LATSAR.{int(rng.integers(1000, 9999))}"))
        if p["status"] == "PPPK":
            continue
        # Technical trainings (Riwayat Diklat) and Bimtek (Riwayat Kursus) in the last years.
        for _ in range(int(rng.choice(3, p=(0.5, 0.35, 0.15)))):
            topic = pick_one(rng, TECHNICAL_TOPICS)
            jp = pick_one(rng, TECHNICAL_JP)
            rows.append(_training(p, "diklat", "teknis", f"Pelatihan {topic}", random_day(rng, window_first, end),
                                  max(1, jp // 8), jp, jenis_id="3", jenis_nama="Diklat Teknis",
                                  institusi=pick_one(rng, HOSTS), sertifikat=f"DT.{int(rng.integers(1000, 9999))}"))
        for _ in range(int(rng.choice(3, p=(0.45, 0.4, 0.15)))):
            jp = pick_one(rng, BIMTEK_JP)
            rows.append(_training(p, "kursus", "teknis", f"Bimtek {pick_one(rng, TECHNICAL_TOPICS)}",
                                  random_day(rng, window_first, end), max(1, jp // 8), jp, jenis_nama="Bimtek",
                                  institusi=pick_one(rng, HOSTS)))
        for _ in range(int(rng.choice(5, p=(0.3, 0.3, 0.2, 0.12, 0.08)))):
            kind = pick_one(rng, KURSUS_KINDS, KURSUS_KIND_P)
            jp = pick_one(rng, (2, 3, 4, 8, None))
            rows.append(_training(p, "kursus", "seminar", f"{kind} {pick_one(rng, SEMINAR_TOPICS)}",
                                  random_day(rng, window_first, end), 1 if kind != "Kursus" else 5, jp, jenis_nama=kind,
                                  institusi=pick_one(rng, HOSTS)))
    rows += _planted_trainings(rng, plants, tahun)
    _bare_years(rng, [r for r in rows if r["tabel"] == "diklat" and r["p"]["skenario"] == ""],
                BARE_YEAR_SHARE["diklat"], "selesai")
    order = {id(p): i for i, p in enumerate(people)}
    return sorted(rows, key=lambda r: (order[id(r["p"])], r["tabel"], r["selesai"], r["nama"]))


def _planted_trainings(rng: np.random.Generator, plants: dict[str, dict], tahun: int) -> list[dict]:
    rows = []
    if p := plants.get("administrator_pka"):  # "Pelatihan Kepemimpinan Administrator Angkatan XII" in the window
        row = _leadership(rng, p, 3, dt.date(tahun - 1, 10, 28), lan_long=True)
        row["nama"] = "Pelatihan Kepemimpinan Administrator Angkatan XII"
        rows.append(row)
    if p := plants.get("pengawas_pkp"):  # LATIHAN STRUKTURAL ID 2 is level IV
        rows.append(_leadership(rng, p, 4, dt.date(tahun - 2, 8, 14), lan_long=True))
    if p := plants.get("jpt_pkn_ii"):  # ID 4 is level II; the short name
        rows.append(_leadership(rng, p, 2, dt.date(tahun - 3, 11, 5), lan_long=False))
    if p := plants.get("pengawas_pkp_setelah_acuan"):  # ends after the reference date: no points yet
        rows.append(_leadership(rng, p, 4, dt.date(tahun + 1, 1, 3), lan_long=True))
    if p := plants.get("administrator_pkp_saja"):  # one level below the post: no points
        rows.append(_leadership(rng, p, 4, dt.date(tahun - 6, 5, 20), lan_long=True))
    return rows


def _bare_years(rng: np.random.Generator, rows: list[dict], share: float, column: str) -> None:
    for row in choose(rng, [r for r in rows if r[column] is not None], share):
        row["hanya_tahun"] = True


def _nilai(rng: np.random.Generator) -> float:
    u = rng.random()
    value = rng.uniform(60.5, 75.5) if u < 0.07 else rng.uniform(45.0, 60.0) if u > 0.985 else rng.normal(85.5, 4.5)
    return round(float(np.clip(value, 40.0, 99.0)), 2)


def _prestasi(year: int, skp: float, perilaku: float) -> float:
    """NILAI PRESTASI KERJA: SKP 60% and behaviour 40% (PP 46/2011); 70/30 for 2021 (PermenPANRB 8/2021)."""
    share = 0.7 if year >= 2021 else 0.6
    return round(share * skp + (1 - share) * perilaku, 2)


def _band_word(value: float) -> str:
    return ("Sangat Baik" if value > 90 else "Baik" if value > 75 else "Cukup" if value > 60
            else "Kurang" if value > 50 else "Buruk")


def draw_assessments(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    assessed = [p for p in people if p["status"] in ("PNS", "PPPK")]
    missing = {id(p) for p in choose(rng, [p for p in assessed if not p["skenario"]], 0.05)}
    for p in assessed:
        for year in range(max(p["tmt"] + 1, tahun - 3), tahun + 1):
            if (year == tahun - 1 and id(p) in missing) or (year == tahun and rng.random() < 0.3):
                continue
            if year >= PREDICATE_ONLY_FROM:
                rows.append({"p": p, "tahun": year, "skp": None, "perilaku": None, "nilai": None,
                             "predikat": pick_one(rng, PREDICATES, PREDICATE_P)})
                continue
            skp, perilaku = _nilai(rng), _nilai(rng)
            if p["skenario"] == "skp_beda_pita" and year == tahun - 1:
                skp, perilaku = 93.0, 78.0  # NILAI SKP says 30 points, NILAI PRESTASI KERJA 25
            nilai = _prestasi(year, skp, perilaku)
            rows.append({"p": p, "tahun": year, "skp": skp, "perilaku": perilaku, "nilai": nilai,
                         "predikat": _band_word(nilai) if rng.random() < 0.5 else None})
    return rows


def draw_punishments(rng: np.random.Generator, people: list[dict], plants: dict[str, dict], tahun: int) -> list[dict]:
    rows: list[dict] = []
    pns = [p for p in people if p["status"] == "PNS" and not p["skenario"]
           and p["kedudukan"] != "Pemberhentian Sementara"]
    punished = choose(rng, pns, PUNISHED_SHARE, minimum=3)
    for i, p in enumerate(punished):
        for _ in range(2 if rng.random() < 0.2 else 1):
            level = "RSB"[i] if i < 3 else pick_one(rng, "RSB", LEVEL_P)
            sk = random_day(rng, dt.date(tahun - 8, 1, 1), dt.date(tahun, 12, 15))
            regime = "pp94" if sk >= PP94_FROM else "pp53"
            names = [h for h in HUKUMAN if h[1] == level and h[4] in (regime, "both")]
            rows.append(_punishment(rng, p, pick_one(rng, names), sk))
    for p in people:
        if p["kedudukan"] == "Pemberhentian Sementara":
            rows.append(_punishment(rng, p, HUKUMAN[9], random_day(rng, dt.date(tahun, 1, 1), dt.date(tahun, 11, 30))))
    _bare_years(rng, rows, BARE_YEAR_SHARE["hukdis"], "tmt")
    for row in choose(rng, [r for r in rows if not r["hanya_tahun"]], NO_LEVEL_SHARE):
        row["level_shown"] = None
    if p := plants.get("hukdis_berat_tahun_saja"):  # 2020 typed as a number, nothing else
        row = _punishment(rng, p, HUKUMAN[6], dt.date(tahun - 2, 6, 15))
        row["hanya_tahun"] = True
        rows.append(row)
    if p := plants.get("hukdis_nama_saja"):  # no level: the name says sedang
        row = _punishment(rng, p, HUKUMAN[11], dt.date(tahun - 1, 3, 1))
        row["level_shown"] = None
        rows.append(row)
    no_punishment = [plants["hukdis_tidak_ada"]] if "hukdis_tidak_ada" in plants else []
    punished_ids = {id(p) for p in punished}
    others = [p for p in people if p["status"] == "PNS" and not p["skenario"] and id(p) not in punished_ids]
    no_punishment += choose(rng, others, 0.0, minimum=NO_PUNISHMENT_ROWS - len(no_punishment))
    for p in no_punishment:
        rows.append({"p": p, "hukuman": None, "sk": None, "tmt": None, "hanya_tahun": False, "level_shown": None,
                     "nomor": "-"})
    order = {id(p): i for i, p in enumerate(people)}
    return sorted(rows, key=lambda r: (order[id(r["p"])], r["tmt"] or dt.date.min))


def _punishment(rng: np.random.Generator, p: dict, hukuman: tuple, sk: dt.date) -> dict:
    tmt = min(sk + dt.timedelta(days=int(rng.integers(0, 21))), dt.date(sk.year, 12, 31))
    return {"p": p, "hukuman": hukuman, "sk": sk, "tmt": tmt, "hanya_tahun": False, "level_shown": hukuman[1],
            "nomor": f"862/{int(rng.integers(1, 999)):03d}/BKD/{sk.year}"}
