"""The employees of the SIASN-shaped demo: SKPD and posts, positions, education, names and NIPs, and
the planted employees tests look up.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ipasn.demo.draws import choose, draw_nips, guid, pick_one, unit_sizes
from ipasn.demo.pools import (
    BACHELOR_DEFAULT,
    BACHELOR_TITLE,
    DIPLOMA_TITLE,
    EDU_P,
    FEMALE,
    FEMALE_LAST,
    FUNGSIONAL_BY_KIND,
    FUNGSIONAL_UMUM,
    MALE,
    MALE_LAST,
    MASTER_DEFAULT,
    MASTER_TITLE,
    PELAKSANA,
)
from ipasn.demo.siasn_tables import (
    GOL_CAP,
    GOL_MIN,
    GOL_START,
    GOLONGAN,
    LEVELS,
    MAJORS,
    PPPK_GOL,
    SCHOOL_MAJORS,
    SKILL,
    SKILL_P,
    STRUCTURAL_SHARE,
    SUBBAG,
    skpd_posts,
    skpd_table,
)


def draw_people(rng: np.random.Generator, units: int, employees: int, tahun: int) -> list[dict]:
    """One dict per employee, in export order (by SKPD, seniority first), with the true attributes."""
    table = skpd_table(units)
    sizes = unit_sizes([(s.name, s.weight, s.kind) for s in table], employees)
    people: list[dict] = []
    for skpd, size in zip(table, sizes.tolist()):
        posts = skpd_posts(skpd)[:min(len(skpd_posts(skpd)), max(1, int(round(size * STRUCTURAL_SHARE))))]
        staff = size - len(posts)
        places = [*(s for s in SUBBAG), *(b for b, _ in skpd.divisions), *(s for _, s in skpd.divisions),
                  skpd.upt, *skpd.workplaces]
        place_w = np.array([1.0] * (len(places) - 1 - len(skpd.workplaces)) + [3.0] * (1 + len(skpd.workplaces)))
        members = [{"skpd": skpd, "post": post, "status": "PNS"} for post in posts]
        for _ in range(staff):
            members.append({"skpd": skpd, "post": None, "status": "PNS",
                            "sub_unit": places[int(rng.choice(len(places), p=place_w / place_w.sum()))]})
        people += members
    staff = [p for p in people if p["post"] is None]
    for p in choose(rng, staff, 0.06):
        p["status"] = "CPNS"
    for p in choose(rng, [p for p in staff if p["status"] == "PNS"], 0.08):
        p["status"] = "PPPK"
    for p in people:
        p["kedudukan"] = "PPPK Aktif" if p["status"] == "PPPK" else "Aktif"
    pns_staff = [p for p in staff if p["status"] == "PNS"]
    for kedudukan, share in (("CLTN", 0.015), ("Tugas Belajar", 0.02), ("PNS DPK", 0.015),
                             ("Pemberhentian Sementara", 0.01)):
        free = [p for p in pns_staff if p["kedudukan"] == "Aktif"]
        for p in choose(rng, free, share):
            p["kedudukan"] = kedudukan

    status = np.array([p["status"] for p in people], dtype=object)
    nips, tmt = draw_nips(rng, status, tahun)
    nips = nips.astype(str).tolist()
    for i, p in enumerate(people):
        if p["status"] == "PPPK":  # NI PPPK: "21" where a PNS's NIP has the month of TMT
            nips[i] = nips[i][:12] + "21" + nips[i][14:]
        p["nip"], p["tmt"] = nips[i], int(tmt[i])
    # Within an SKPD the structural posts go to its longest-serving PNS, the most senior post first.
    for skpd in table:
        members = [p for p in people if p["skpd"] is skpd and p["status"] == "PNS"]
        ranked = sorted(members, key=lambda p: (p["tmt"], p["nip"]))
        holders = [p for p in members if p["post"] is not None]
        others = [p for p in members if p["post"] is None]
        pairs = [(p["nip"], p["tmt"]) for p in ranked]
        for p, (nip, year) in zip(holders + others, pairs):
            p["nip"], p["tmt"] = nip, year
    taken: set[str] = set()
    for p in people:
        while p["nip"] in taken:  # a PPPK number may meet a PNS's: take the next serial
            p["nip"] = p["nip"][:15] + f"{(int(p['nip'][15:]) + 1) % 1000:03d}"
        taken.add(p["nip"])
    for p in people:
        _position(rng, p)
        _education(rng, p)
        _identity(rng, p, tahun)
    return people


def _position(rng: np.random.Generator, p: dict) -> None:
    if p["post"] is not None:
        p["jabatan"], p["sub_unit"], p["jenis_jabatan"], p["eselon_id"] = p["post"]
        return
    p["eselon_id"] = None
    share_fungsional = {"PNS": 0.5, "CPNS": 0.5, "PPPK": 0.85}[p["status"]]
    if p["sub_unit"] in p["skpd"].workplaces or p["sub_unit"] == p["skpd"].upt:
        share_fungsional = max(share_fungsional, 0.8)
    if rng.random() < share_fungsional:
        p["jenis_jabatan"] = "Fungsional"
        base = pick_one(rng, FUNGSIONAL_BY_KIND.get(p["skpd"].kind, FUNGSIONAL_UMUM))
        skill = "Ahli Pertama" if p["status"] != "PNS" else pick_one(rng, SKILL, SKILL_P)
        if base in ("Dokter", "Dokter Spesialis", "Apoteker", "Guru", "Auditor", "Widyaiswara"):
            skill = skill if skill.startswith("Ahli") else "Ahli Pertama"
        p["jabatan"] = f"{base} {skill}"
    else:
        p["jenis_jabatan"] = "Pelaksana"
        p["jabatan"] = pick_one(rng, PELAKSANA)


def _education(rng: np.random.Generator, p: dict) -> None:
    kind = p["jenis_jabatan"]
    if kind == "Fungsional" and " Ahli " in f" {p['jabatan']} ":
        level = pick_one(rng, (1, 2, 3), (0.12, 0.8, 0.08))
    elif kind == "Fungsional":
        level = pick_one(rng, (4, 6), (0.85, 0.15))
    else:
        level = int(rng.choice(9, p=EDU_P[("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana")
                                            .index(kind)]))
    if str(p["jabatan"]).startswith("Dokter"):
        level = 1 if "Spesialis" in p["jabatan"] else 2
    code, name = pick_one(rng, LEVELS[level])
    p["pendidikan"], p["pendidikan_nama"] = code, name
    if code in MAJORS:
        p["pendidikan_jurusan"] = f"{name} {pick_one(rng, MAJORS[code])}"
    else:
        p["pendidikan_jurusan"] = pick_one(rng, SCHOOL_MAJORS[code])


def _identity(rng: np.random.Generator, p: dict, tahun: int) -> None:
    """Name, titles, birth date, rank and ids."""
    nip = p["nip"]
    female = nip[14] == "2"
    first = pick_one(rng, FEMALE if female else MALE)
    last = pick_one(rng, FEMALE_LAST if female else MALE_LAST)
    middle = pick_one(rng, FEMALE if female else MALE)
    shape = rng.random()
    p["nama"] = first if shape < 0.12 else f"{first} {last}" if shape < 0.8 else f"{first} {middle} {last}"
    p["nama"] = p["nama"].upper() if rng.random() < 0.3 else p["nama"]
    p["born"] = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    front, back = [], []
    code, kind = p["pendidikan"], p["skpd"].kind
    if str(p["jabatan"]).startswith("Dokter"):
        front.append("dr.")
        if code == "45":
            back.append(pick_one(rng, ("Sp.PD.", "Sp.A.", "Sp.OG.")))
    elif code in ("50", "45", "40"):
        bachelor = pick_one(rng, BACHELOR_TITLE.get(kind, BACHELOR_DEFAULT))
        if code == "40":
            back.append(bachelor)
        else:
            master = pick_one(rng, MASTER_TITLE.get(kind, MASTER_DEFAULT))
            back += [bachelor, master] if rng.random() < 0.6 else [master]
            if code == "50":
                front.insert(0, "Dr.")
    elif code == "35":
        back.append("S.Tr.Kes." if kind == "kesehatan" else "S.ST.")
    elif code == "30":
        back.append(pick_one(rng, DIPLOMA_TITLE.get(kind, ("A.Md.",))))
    if p["born"].year < 1980 and rng.random() < 0.1:
        front.append("Hj." if female else "H.")
    p["gelar_depan"], p["gelar_belakang"] = " ".join(front), ", ".join(back)
    start = GOL_START[code]
    if p["status"] == "PPPK":
        p["golongan"] = PPPK_GOL.get(code, "IX")
    elif p["status"] == "CPNS":
        p["golongan"] = GOLONGAN[start]
    else:
        rank = max(start + (tahun - p["tmt"]) // 4, GOL_MIN.get(p["jenis_jabatan"], 0))
        p["golongan"] = GOLONGAN[min(rank, max(GOL_CAP[code], GOL_MIN.get(p["jenis_jabatan"], 0)))]
    p["pns_id"] = guid(rng)
    p["nip_lama"] = f"{int(rng.integers(10000000, 99999999)):09d}" if p["tmt"] < 1999 else None
    p["skenario"] = ""


# --- planted employees ----------------------------------------------------------------------------


def plant_scenarios(rng: np.random.Generator, people: list[dict], tahun: int) -> dict[str, dict]:
    """Employees with a known history for spot checks; each scenario is skipped if nobody fits."""
    plants: dict[str, dict] = {}

    def take(name: str, fits) -> None:
        for p in people:
            if not p["skenario"] and fits(p):
                p["skenario"] = name
                plants[name] = p
                return

    aktif = lambda p: p["status"] == "PNS" and p["kedudukan"] == "Aktif"  # noqa: E731
    take("administrator_pka", lambda p: aktif(p) and p["jenis_jabatan"] == "Administrator")
    take("pengawas_pkp", lambda p: aktif(p) and p["jenis_jabatan"] == "Pengawas")
    take("jpt_pkn_ii", lambda p: aktif(p) and p["jenis_jabatan"] == "JPT")
    take("pengawas_pkp_setelah_acuan", lambda p: aktif(p) and p["jenis_jabatan"] == "Pengawas")
    take("administrator_pkp_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Administrator")
    take("hukdis_berat_tahun_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Pelaksana")
    take("hukdis_nama_saja", lambda p: aktif(p) and p["jenis_jabatan"] == "Pelaksana")
    take("hukdis_tidak_ada", lambda p: aktif(p) and p["jenis_jabatan"] == "Fungsional")
    take("skp_beda_pita", lambda p: aktif(p) and p["tmt"] <= tahun - 3)
    take("cltn", lambda p: p["kedudukan"] == "CLTN")
    take("tugas_belajar", lambda p: p["kedudukan"] == "Tugas Belajar")
    take("pppk_status_kosong", lambda p: p["status"] == "PPPK")
    take("cpns", lambda p: p["status"] == "CPNS")
    return plants
