"""A synthetic but realistic instansi, in the raw form of an HR export, for demos, tests and benchmarks.

``make_demo()`` returns the four input sheets the way a provincial BKD export looks: every value is
text, codes and levels are written in the mixed spellings real files use, and a small, realistic share
of the rows is dirty (NIPs with spaces, unknown education, impossible dates, negative JP, conflicting
assessments, duplicated rows ...), so that ``ipasn.load`` has findings to report.

Everything is drawn from ``numpy.random.default_rng(seed)``: the same arguments always give the same
frames, and ``write_demo`` writes byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.clean.vocab import NUMERALS
from ipasn.demo.contract_history import diklat_sheet, hukdis_sheet, kinerja_sheet
from ipasn.demo.draws import check_size, draw_nips, n_dirty, pick, unit_sizes, unit_table
from ipasn.demo.pools import (
    ADMINISTRATOR,
    BACHELOR_DEFAULT,
    BACHELOR_TITLE,
    DIPLOMA_TITLE,
    EDU_P,
    EDU_SPELLING,
    ESELON_LEVEL,
    FEMALE,
    FEMALE_LAST,
    FUNGSIONAL_BY_KIND,
    FUNGSIONAL_UMUM,
    MALE,
    MALE_LAST,
    MASTER_DEFAULT,
    MASTER_TITLE,
    OTHER_JPT,
    OTHER_JPT_DEFAULT,
    PELAKSANA,
    PENGAWAS,
    PNS_TYPE_P,
    SKILL_LEVELS,
    STAF_AHLI,
)
from ipasn.export.xlsx import workbook_bytes
from ipasn.input.schema import CONTRACT_COLUMNS


def make_demo(units: int = 10, employees: int = 2500, seed: int = 2022,
              tahun: int = 2022) -> dict[str, pd.DataFrame]:
    """A synthetic instansi as raw sheets "pegawai", "diklat", "kinerja", "hukdis" (all text).

    `employees` is split very unequally over `units` (Dinas Pendidikan is the largest; "Staf Ahli
    Gubernur", the tenth unit, has three people). The same arguments give identical frames.
    """
    units, employees, tahun = int(units), int(employees), int(tahun)
    check_size(units, employees)
    rng = np.random.default_rng(seed)
    people = draw_people(rng, units, employees, tahun)
    pegawai = _pegawai_sheet(rng, people)
    diklat = diklat_sheet(rng, people, tahun)
    kinerja = kinerja_sheet(rng, people, tahun)
    hukdis = hukdis_sheet(rng, people, tahun)
    frames = {"pegawai": pegawai, "diklat": diklat, "kinerja": kinerja, "hukdis": hukdis}
    return {name: frames[name].loc[:, list(cols)].astype(object).reset_index(drop=True)
            for name, cols in CONTRACT_COLUMNS.items()}


def draw_people(rng: np.random.Generator, units: int, employees: int, tahun: int) -> pd.DataFrame:
    """One row per employee with the true (clean) attributes, in export order."""
    table = unit_table(units)
    sizes = unit_sizes(table, employees)
    unit_idx = np.repeat(np.arange(units), sizes)
    n = employees
    kind = np.array([table[i][2] for i in unit_idx], dtype=object)

    status = pick(rng, ["PNS", "CPNS", "PPPK"], n, p=[0.90, 0.05, 0.05])
    staf_ahli = kind == "staf_ahli"
    status[staf_ahli] = "PNS"
    ptype = rng.choice(5, size=n, p=PNS_TYPE_P)
    ptype[status == "CPNS"] = np.where(rng.random((status == "CPNS").sum()) < 0.5, 3, 4)
    ptype[status == "PPPK"] = np.where(rng.random((status == "PPPK").sum()) < 0.8, 3, 4)
    ptype[staf_ahli] = 0
    # Every unit of 20 or more has a head of eselon II (a PNS).
    for u in range(units):
        members = np.flatnonzero(unit_idx == u)
        if len(members) >= 20 and not (ptype[members] == 0).any():
            candidates = members[status[members] == "PNS"]
            head = candidates[0] if len(candidates) else members[0]
            ptype[head], status[head] = 0, "PNS"

    nip, tmt_year = draw_nips(rng, status, tahun)
    order = np.lexsort((nip, ptype, unit_idx))
    people = pd.DataFrame({
        "unit": unit_idx[order], "kind": kind[order], "status": status[order], "ptype": ptype[order],
        "nip": nip[order], "tmt": tmt_year[order],
    })
    people["nip_text"] = people["nip"].astype(str)
    people["gender"] = people["nip"].to_numpy() // 1000 % 10
    people["unit_name"] = [table[u][0] for u in people["unit"]]
    return people


def _pegawai_sheet(rng: np.random.Generator, people: pd.DataFrame) -> pd.DataFrame:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()

    # Position type and eselon, in the spellings exports use.
    jenis = np.empty(n, dtype=object)
    eselon = np.full(n, "", dtype=object)
    for t, level in ESELON_LEVEL.items():
        rows = np.flatnonzero(ptype == t)
        roman = NUMERALS[level]
        structural = rng.random(len(rows)) < 0.7
        jenis[rows] = np.where(structural, "Struktural",
                               ("JPT Pratama", "Administrator", "Pengawas")[t])
        sub = np.where(rng.random(len(rows)) < 0.45, ".a", ".b")
        with_eselon = structural | (rng.random(len(rows)) < 0.5)
        eselon[rows] = np.where(with_eselon, np.char.add(roman, sub.astype(str)).astype(object), "")
    rows = np.flatnonzero(ptype == 3)
    jenis[rows] = pick(rng, ["Fungsional Tertentu", "Fungsional", "JFT"], len(rows), p=[0.45, 0.35, 0.2])
    rows = np.flatnonzero(ptype == 4)
    jenis[rows] = pick(rng, ["Pelaksana", "Fungsional Umum", "JFU"], len(rows), p=[0.55, 0.3, 0.15])
    staf_ahli = kind == "staf_ahli"
    jenis[staf_ahli], eselon[staf_ahli] = "Struktural", "II.b"

    jabatan = _titles(rng, people)

    # Education: true level, then a spelling.
    level = np.empty(n, dtype=np.int64)
    for t in range(5):
        rows = np.flatnonzero(ptype == t)
        level[rows] = rng.choice(9, size=len(rows), p=EDU_P[t])
    doctor = np.char.startswith(jabatan.astype(str), "Dokter")
    level[doctor] = np.where(np.char.startswith(jabatan[doctor].astype(str), "Dokter Spesialis"), 1, 2)
    pendidikan = np.empty(n, dtype=object)
    for lv, (spellings, p) in enumerate(EDU_SPELLING):
        rows = np.flatnonzero(level == lv)
        pendidikan[rows] = pick(rng, spellings, len(rows), p=p)

    nama = _names(rng, people, level, jabatan)

    status = people["status"].to_numpy().copy()
    pns = np.flatnonzero(status == "PNS")
    status[pns[rng.random(len(pns)) < 0.3]] = ""

    nip = people["nip_text"].to_numpy().copy()

    # Dirt: spaced NIPs, unknown and empty education, an unknown position type.
    picks = rng.permutation(n)
    k_space = n_dirty(n, 0.008)
    k_edu = n_dirty(n, 0.003)
    k_noedu = n_dirty(n, 0.003)
    spaced = picks[:k_space]
    nip[spaced] = [f"{s[:8]} {s[8:14]} {s[14]} {s[15:]}" for s in nip[spaced]]
    unknown = picks[k_space:k_space + k_edu]
    pendidikan[unknown] = pick(rng, ["Kursus Komputer", "-"], len(unknown))
    if len(unknown) >= 2:
        pendidikan[unknown[:2]] = ["Kursus Komputer", "-"]
    pendidikan[picks[k_space + k_edu:k_space + k_edu + k_noedu]] = ""
    pelaksana = np.flatnonzero(ptype == 4)
    if len(pelaksana):
        expert = rng.permutation(pelaksana)[:n_dirty(n, 0.002)]
        jenis[expert] = "Tenaga Ahli"
        jabatan[expert] = "Tenaga Ahli Sistem Informasi"

    return pd.DataFrame({
        "nip": nip, "nama": nama, "unit_kerja": people["unit_name"].to_numpy(dtype=object),
        "jenis_jabatan": jenis, "eselon": eselon, "jabatan": jabatan, "pendidikan": pendidikan,
        "status": status,
    })


def _head_title(name: str, kind: str) -> str:
    if kind == "setda":
        return {"Sekretariat Daerah": "Sekretaris Daerah", "Sekretariat DPRD": "Sekretaris DPRD"}.get(
            name, f"Kepala {name}")
    if kind == "rs":
        return f"Direktur {name}"
    if name == "Inspektorat":
        return "Inspektur"
    if kind == "kecamatan":
        return f"Camat {name.removeprefix('Kecamatan ')}"
    return f"Kepala {name}"


def _titles(rng: np.random.Generator, people: pd.DataFrame) -> np.ndarray:
    n = len(people)
    ptype = people["ptype"].to_numpy()
    kind = people["kind"].to_numpy()
    unit = people["unit"].to_numpy()
    names = people["unit_name"].to_numpy()
    jabatan = np.empty(n, dtype=object)
    jabatan[ptype == 1] = pick(rng, ADMINISTRATOR, (ptype == 1).sum())
    jabatan[ptype == 2] = pick(rng, PENGAWAS, (ptype == 2).sum())
    jabatan[ptype == 4] = pick(rng, PELAKSANA, (ptype == 4).sum())
    jpt = np.flatnonzero(ptype == 0)
    for k in sorted(set(kind[jpt].tolist())):
        rows = jpt[kind[jpt] == k]
        jabatan[rows] = pick(rng, OTHER_JPT.get(k, OTHER_JPT_DEFAULT), len(rows))
    # The first JPT of each unit is its head (rows are in export order: JPT first).
    first = jpt[np.r_[True, unit[jpt][1:] != unit[jpt][:-1]]] if len(jpt) else jpt
    for i in first:
        jabatan[i] = _head_title(names[i], kind[i])
    staf = np.flatnonzero(kind == "staf_ahli")
    jabatan[staf] = [STAF_AHLI[j % len(STAF_AHLI)] for j in range(len(staf))]
    fungsional = np.flatnonzero(ptype == 3)
    base = np.empty(len(fungsional), dtype=object)
    for k in sorted(set(kind[fungsional].tolist())):
        rows = kind[fungsional] == k
        base[rows] = pick(rng, FUNGSIONAL_BY_KIND.get(k, FUNGSIONAL_UMUM), rows.sum())
    skill = pick(rng, SKILL_LEVELS, len(fungsional), p=[0.3, 0.3, 0.12, 0.15, 0.08, 0.05])
    jabatan[fungsional] = [f"{b} {s}" for b, s in zip(base, skill)]
    return jabatan


def _names(rng: np.random.Generator, people: pd.DataFrame, level: np.ndarray,
           jabatan: np.ndarray) -> np.ndarray:
    n = len(people)
    female = people["gender"].to_numpy() == 2
    kind = people["kind"].to_numpy()
    first = np.where(female, pick(rng, FEMALE, n), pick(rng, MALE, n))
    middle = np.where(female, pick(rng, FEMALE, n), pick(rng, MALE, n))
    last = np.where(female, pick(rng, FEMALE_LAST, n), pick(rng, MALE_LAST, n))
    shape = rng.random(n)  # < .15 one word, < .8 first + last, else three words
    titled = rng.random(n) < 0.75
    hajj = rng.random(n) < 0.08
    title_pick = rng.random((n, 2))
    born = people["nip_text"].str.slice(0, 4).astype(int).to_numpy()
    out = np.empty(n, dtype=object)
    for i in range(n):
        if shape[i] < 0.15:
            base = first[i]
        elif shape[i] < 0.8:
            base = f"{first[i]} {last[i]}"
        else:
            base = f"{first[i]} {middle[i]} {last[i]}"
        prefix, suffix = [], []
        if hajj[i] and born[i] < 1982:
            prefix.append("Hj." if female[i] else "H.")
        lv = level[i]
        doctor = str(jabatan[i]).startswith("Dokter")
        if doctor:
            prefix.insert(0, "dr.")
            if lv == 1:
                suffix.append("Sp.PD." if title_pick[i, 0] < 0.5 else "Sp.A.")
        elif titled[i] and lv <= 3:
            options = BACHELOR_TITLE.get(kind[i], BACHELOR_DEFAULT)
            bachelor = options[int(title_pick[i, 0] * len(options))]
            if lv == 3:
                bachelor = "S.Tr.Kes." if kind[i] in ("kesehatan", "rs") else "S.ST."
            if lv <= 1:
                masters = MASTER_TITLE.get(kind[i], MASTER_DEFAULT)
                master = masters[int(title_pick[i, 1] * len(masters))]
                suffix += [bachelor, master] if title_pick[i, 0] < 0.6 else [master]
                if lv == 0:
                    prefix.insert(0, "Dr.")
            else:
                suffix.append(bachelor)
        elif titled[i] and lv == 4:
            options = DIPLOMA_TITLE.get(kind[i], ("A.Md.",))
            suffix.append(options[int(title_pick[i, 0] * len(options))])
        name = " ".join(prefix + [base])
        out[i] = f"{name}, {', '.join(suffix)}" if suffix else name
    return out


# --- writing -----------------------------------------------------------------------------------

def contract_workbook_bytes(frames: dict[str, pd.DataFrame], tahun: int) -> bytes:
    """The clean contract's workbook of one year, dated 31 December of it (same frames: same bytes)."""
    widths = {"nip": 24, "tanggal_selesai": 24}
    return workbook_bytes({name: frames[name][list(columns)] for name, columns in CONTRACT_COLUMNS.items()},
                          stamp=dt.datetime(tahun, 12, 31), creator="ipasn.demo",
                          title="Data demo IP ASN (sintetis)",
                          widths={**{c: 18 for cols in CONTRACT_COLUMNS.values() for c in cols}, **widths})


def write_demo(path: str | Path, **kwargs) -> Path:
    """Write `make_demo(**kwargs)`: one .xlsx workbook, or a folder of four CSV files.

    The workbook has sheets pegawai, diklat, kinerja, hukdis with every cell as text; its bytes depend
    only on the arguments. Any other path is a folder that receives pegawai.csv, diklat.csv,
    kinerja.csv and hukdis.csv (UTF-8, comma-separated).
    """
    path = Path(path)
    frames = make_demo(**kwargs)
    tahun = int(kwargs.get("tahun", 2022))
    if path.suffix.lower() == ".xlsx":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contract_workbook_bytes(frames, tahun))
        return path
    path.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(path / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    return path
