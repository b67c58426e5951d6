"""BKN's official results for the demo instansi: ipasn's own count of the demo export, with the
differences real reconciliations find planted at known places.

``make_official()`` scores the demo export (the same arguments as ``ipasn.demo.make_demo``) and writes
BKN's numbers as SIASN's IP ASN result (`nilaiipasn` fields). They equal ipasn's, except:

- technical trainings BKN lacks (kompetensi lower by the teknis points) and seminars it lacks;
- an SKP of the performance year BKN lacks (kinerja 0);
- an education level one step lower at BKN (S-2 in the export, S-1 at BKN);
- a punishment only BKN has (disiplin 3 where the export has none) and one only the export has;
- measured PNS missing from BKN's file, and NIPs BKN has that the export lacks.

``PLANTED`` lists them with the cause a reconciliation must name. The same arguments give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.clean.vocab import BACHELOR
from ipasn.ruleset import DIMENSIONS, load_ruleset
from ipasn.export.xlsx import workbook_bytes

# (kind, how many): the differences planted, in this order.
PLANTED = (("teknis", 12), ("seminar", 5), ("skp", 2), ("pendidikan", 2), ("hukuman_bkn", 1),
           ("hukuman_ekspor", 1), ("hanya_data", 3), ("hanya_bkn", 2))
# The words the likely cause must contain for each kind (tests check them).
CAUSE_WORDS = {"teknis": "diklat teknis", "seminar": "seminar/workshop/kursus", "skp": "SKP",
               "pendidikan": "jenjang pendidikan berbeda", "hukuman_bkn": "BKN mencatat hukuman disiplin",
               "hukuman_ekspor": "hukuman disiplin di ekspor"}
DIMENSION_OF = {"teknis": "kompetensi", "seminar": "kompetensi", "skp": "kinerja", "pendidikan": "kualifikasi",
                "hukuman_bkn": "disiplin", "hukuman_ekspor": "disiplin"}
COLUMNS = ["nip_baru", "nama", "jenis_jabatan", "jenjang_jabatan", *DIMENSIONS, "subtotal",
           *(f"keterangan_{d}" for d in DIMENSIONS), "tahun"]
BKN_POSITION = {"JPT": "Struktural", "Administrator": "Struktural", "Pengawas": "Struktural",
                "Fungsional": "Fungsional", "Pelaksana": "Pelaksana"}


def _scored(units: int, employees: int, seed: int, tahun: int):
    from ipasn.demo.contract import write_demo
    from ipasn.clean.load import load
    from ipasn.scoring.score import score

    rules = load_ruleset()
    with tempfile.TemporaryDirectory(prefix="ipasn-demo-") as folder:
        written = write_demo(Path(folder) / "csv", units=units, employees=employees, seed=seed, tahun=tahun)
        return score(load(written, rules), tahun, rules), rules


def _pick(rng: np.random.Generator, candidates: pd.Index, n: int, taken: set) -> list:
    free = [c for c in candidates if c not in taken]
    chosen = sorted(rng.choice(len(free), size=min(n, len(free)), replace=False)) if free else []
    picked = [free[i] for i in chosen]
    taken.update(picked)
    return picked


def _plant(scores: pd.DataFrame, rules, rng: np.random.Generator) -> tuple[pd.DataFrame, list[dict], list[str]]:
    """BKN's values (a copy of ipasn's) with the differences planted; the planted list; NIPs dropped."""
    bkn = scores.set_index("nip")[["nama", "unit_kerja", "jenis_jabatan", "eselon", "pendidikan", "kompetensi_teknis",
                                   "kompetensi_seminar", *DIMENSIONS]].copy()
    bkn["pendidikan_bkn"] = bkn["pendidikan"]
    bkn["hukuman_bkn"] = np.where(bkn["disiplin"] < rules.disiplin.poin["tidak_ada"], "ada", "")
    complete = scores.set_index("nip")["data_lengkap"]
    # A technical training whose points no other earned indicator has (a structural post's leadership
    # training is worth the same 15): the cause is then certain.
    tie = (bkn["kompetensi"] - bkn["kompetensi_teknis"] - bkn["kompetensi_seminar"]) > 0
    tie &= bkn["jenis_jabatan"] != "Pelaksana"
    eligible = {
        "teknis": bkn.index[(bkn["kompetensi_teknis"] > 0) & ~tie & complete],
        "seminar": bkn.index[(bkn["kompetensi_seminar"] > 0) & complete],
        "skp": bkn.index[(bkn["kinerja"] > 0) & complete],
        "pendidikan": bkn.index[(bkn["pendidikan"] == "45") & complete],
        "hukuman_bkn": bkn.index[(bkn["disiplin"] == rules.disiplin.poin["tidak_ada"]) & complete],
        "hukuman_ekspor": bkn.index[(bkn["disiplin"] == rules.disiplin.poin["ringan"]) & complete],
        "hanya_data": bkn.index[complete],
    }
    planted, taken, dropped = [], set(), []
    for kind, n in PLANTED:
        if kind == "hanya_bkn":
            continue
        for nip in _pick(rng, eligible[kind], n, taken):
            before = bkn.loc[nip].copy()
            if kind == "teknis":
                bkn.loc[nip, "kompetensi"] -= before["kompetensi_teknis"]
            elif kind == "seminar":
                bkn.loc[nip, "kompetensi"] -= before["kompetensi_seminar"]
            elif kind == "skp":
                bkn.loc[nip, "kinerja"] = 0.0
            elif kind == "pendidikan":
                bkn.loc[nip, ["kualifikasi", "pendidikan_bkn"]] = [rules.education_points[BACHELOR], BACHELOR]
            elif kind == "hukuman_bkn":
                bkn.loc[nip, ["disiplin", "hukuman_bkn"]] = [rules.disiplin.poin["ringan"], "ringan"]
            elif kind == "hukuman_ekspor":
                bkn.loc[nip, ["disiplin", "hukuman_bkn"]] = [rules.disiplin.poin["tidak_ada"], ""]
            elif kind == "hanya_data":
                dropped.append(nip)
            dimension = DIMENSION_OF.get(kind)
            planted.append({"jenis": kind, "nip": nip, "dimensi": dimension,
                            "nilai_hitung": before[dimension] if dimension else np.nan,
                            "nilai_bkn": bkn.loc[nip, dimension] if dimension else np.nan})
    return bkn, planted, dropped


def _strangers(bkn: pd.DataFrame, n: int, tahun: int, rules) -> pd.DataFrame:
    """PNS BKN counts for the instansi that the export does not list (moved in after the download)."""
    rows = []
    for i in range(n):
        nip = f"199001{i + 1:02d}{tahun - 7}031{900 + i:03d}"  # born 1-1-1990, TMT March, laki-laki
        rows.append({"nip": nip, "nama": f"Pegawai Pindahan {i + 1}", "unit_kerja": "", "jenis_jabatan": "Pelaksana",
                     "eselon": pd.NA, "pendidikan": BACHELOR, "pendidikan_bkn": BACHELOR, "kompetensi_teknis": 0.0,
                     "kompetensi_seminar": 0.0, "kualifikasi": rules.education_points[BACHELOR], "kompetensi": 0.0,
                     "kinerja": 25.0, "disiplin": rules.disiplin.poin["tidak_ada"], "hukuman_bkn": ""})
    return pd.DataFrame(rows).set_index("nip")


def _notes(bkn: pd.DataFrame, rules, tahun: int) -> dict[str, list[str]]:
    """BKN-like keterangan texts for the values BKN gives."""
    names = {c: lv.nama for c, lv in rules.kualifikasi.items()}
    kinerja_year = tahun - rules.opsi.tahun_kinerja_selisih
    bands = {b.poin: b.predikat for b in rules.kinerja.pita}
    return {
        "keterangan_kualifikasi": [names.get(c, "Tidak ada data pendidikan") for c in bkn["pendidikan_bkn"]],
        "keterangan_kompetensi": [f"Nilai kompetensi {v:g}".replace(".", ",") for v in bkn["kompetensi"]],
        "keterangan_kinerja": [f"SKP {kinerja_year} predikat {bands.get(v, '-')}" if v > 0
                               else f"SKP {kinerja_year} tidak ditemukan" for v in bkn["kinerja"]],
        "keterangan_disiplin": [f"Hukuman disiplin {h}" if h else "Tidak pernah dijatuhi hukuman disiplin"
                                for h in bkn["hukuman_bkn"]],
    }


def make_official(units: int = 10, employees: int = 2500, seed: int = 2022,
                  tahun: int = 2022) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(BKN's official results as SIASN writes them, the planted differences)."""
    result, rules = _scored(units, employees, seed, tahun)
    rng = np.random.default_rng(seed + 12)
    bkn, planted, dropped = _plant(result.scores, rules, rng)
    strangers = _strangers(bkn, dict(PLANTED)["hanya_bkn"], tahun, rules)
    planted += [{"jenis": "hanya_bkn", "nip": nip, "dimensi": None, "nilai_hitung": np.nan, "nilai_bkn": np.nan}
                for nip in strangers.index]
    bkn = pd.concat([bkn.drop(index=dropped), strangers])
    eselon = bkn["eselon"].astype("Int8")
    frame = pd.DataFrame({
        "nip_baru": bkn.index.to_numpy(object), "nama": bkn["nama"].to_numpy(object),
        "jenis_jabatan": bkn["jenis_jabatan"].map(BKN_POSITION).to_numpy(object),
        "jenjang_jabatan": [f"Eselon {int(e)}" if not pd.isna(e) else "-" for e in eselon],
        **{d: bkn[d].to_numpy("float64") for d in DIMENSIONS},
        "subtotal": bkn[list(DIMENSIONS)].sum(axis=1).to_numpy("float64"),
        **_notes(bkn, rules, tahun), "tahun": tahun,
    })
    return frame[COLUMNS].reset_index(drop=True), pd.DataFrame(planted)


def write_official(path: str | Path, **kwargs) -> Path:
    """Write `make_official(**kwargs)` as one .xlsx workbook (sheet "IP ASN"); NIPs as text."""
    path = Path(path)
    frame, _ = make_official(**kwargs)
    tahun = int(kwargs.get("tahun", 2022))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes({"IP ASN": frame}, stamp=dt.datetime(tahun + 1, 1, 31), creator="ipasn.demo",
                                    title=f"Hasil IP ASN {tahun} dari SIASN (sintetis)",
                                    widths={"nip_baru": 21, "nama": 30}))
    return path
