"""The demo instansi over several consecutive years: one export snapshot per year, with churn.

The anchor year is exactly ``make_demo(...)`` (the bundled ``demo.xlsx`` is the 2022 snapshot).
Earlier years are derived backwards from it and later years forwards, one year at a time, so each
snapshot is what an export taken on 31 December of its year would hold:

- retirements (PNS at 58 leave the list) and a few other departures, with their history rows;
- new CPNS (from an auxiliary draw of the same units), and CPNS who become PNS a year later;
- promotions (pelaksana -> pengawas, pengawas -> administrator) and degrees finished (S-1 -> S-2);
- transfers between units, and one unit renamed in the last year (the demo run maps it back with
  `unit_alias`);
- each year's new trainings, SKP of the previous year and the odd punishment. Going backwards,
  rows dated after the year are dropped, and some of that year's trainings were uploaded only later.

Every draw comes from ``numpy.random.default_rng([seed, year])``: the same arguments give the same
frames and ``write_demo_years`` byte-identical workbooks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.demo.contract import contract_workbook_bytes, make_demo
from ipasn.demo.contract_history import kinerja_values
from ipasn.demo.draws import format_dates, format_hundredths, pick, random_days
from ipasn.input.schema import CONTRACT_COLUMNS
from ipasn.demo.pools import (ADMINISTRATOR, PENGAWAS, SEMINAR_KIND, SEMINAR_KIND_P, SEMINAR_TOPICS,
                              TECHNICAL_JP, TECHNICAL_JP_P, TECHNICAL_KIND, TECHNICAL_TOPICS)

__all__ = ["RENAMED_UNIT", "demo_years_file", "make_demo_years", "workbooks", "write_demo_years"]

# The unit that is renamed in the last year of a series: old name -> new name.
RENAMED_UNIT = {"Badan Kepegawaian Daerah": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah"}
RETIREMENT_AGE = 58
_PELAKSANA_JENIS = ("Pelaksana", "Fungsional Umum", "JFU")
_MASTER = "S-2"


def demo_years_file(stem: str, tahun: int) -> str:
    return f"{stem}-{tahun}.xlsx"


def make_demo_years(first: int = 2021, last: int = 2023, anchor: int = 2022, units: int = 10,
                    employees: int = 2500, seed: int = 2022) -> dict[int, dict[str, pd.DataFrame]]:
    """Raw sheets (all text, as `make_demo`) for every year from `first` to `last`; `anchor` is
    `make_demo(units, employees, seed, anchor)` itself."""
    if not first <= anchor <= last:
        raise ValueError(f"tahun jangkar {anchor} harus di antara {first} dan {last}")
    years = {anchor: make_demo(units=units, employees=employees, seed=seed, tahun=anchor)}
    for tahun in range(anchor - 1, first - 1, -1):
        years[tahun] = _backward(years[tahun + 1], tahun, units, employees, seed)
    for tahun in range(anchor + 1, last + 1):
        years[tahun] = _forward(years[tahun - 1], tahun, units, employees, seed, rename=tahun == last)
    return {t: {name: frame.loc[:, list(CONTRACT_COLUMNS[name])].astype(object).reset_index(drop=True)
                for name, frame in years[t].items()} for t in sorted(years)}


def workbooks(years: dict[int, dict[str, pd.DataFrame]]) -> dict[int, bytes]:
    """Each year's sheets as the bytes of its .xlsx workbook (the same frames, the same bytes)."""
    return {tahun: contract_workbook_bytes(frames, tahun) for tahun, frames in years.items()}


def write_demo_years(folder, stem: str = "demo", **kwargs) -> list:
    """`make_demo_years(**kwargs)` as one workbook per year, `<folder>/<stem>-<year>.xlsx`."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for tahun, data in workbooks(make_demo_years(**kwargs)).items():
        path = folder / demo_years_file(stem, tahun)
        path.write_bytes(data)
        written.append(path)
    return written


# --- helpers -----------------------------------------------------------------------------------


def _digits(nip: pd.Series) -> pd.Series:
    return nip.astype(str).str.replace(" ", "", regex=False)


def _birth_year(nip: pd.Series) -> pd.Series:
    return pd.to_numeric(_digits(nip).str.slice(0, 4), errors="coerce")


def _tmt_year(nip: pd.Series) -> pd.Series:
    return pd.to_numeric(_digits(nip).str.slice(8, 12), errors="coerce")


def _is_pns(status: pd.Series) -> pd.Series:
    return status.isin(["PNS", ""])


def _dated(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_datetime(frame[column], format="%d-%m-%Y", errors="coerce")


def _without(frames: dict[str, pd.DataFrame], leaving: set[str]) -> dict[str, pd.DataFrame]:
    """Drop these employees (digit NIPs) from every sheet: an export lists active employees only."""
    return {name: frame[~_digits(frame["nip"]).isin(leaving)].reset_index(drop=True)
            for name, frame in frames.items()}


def _choose(rng: np.random.Generator, candidates: np.ndarray, share: float, minimum: int = 1) -> np.ndarray:
    if not len(candidates):
        return candidates
    k = min(len(candidates), max(minimum, int(round(share * len(candidates)))))
    return np.sort(rng.permutation(candidates)[:k])


def _auxiliary(units: int, employees: int, seed: int, tahun: int) -> dict[str, pd.DataFrame]:
    """Other people of the same units: the retirees of a backward step, the new CPNS of a forward one."""
    return make_demo(units=units, employees=employees, seed=seed * 1000 + tahun, tahun=tahun)


def _joining(frames: dict[str, pd.DataFrame], extra: dict[str, pd.DataFrame], who: pd.Series
             ) -> dict[str, pd.DataFrame]:
    """Append employees `who` (a mask over extra's pegawai) with their history rows."""
    known = set(_digits(frames["pegawai"]["nip"]))
    people = extra["pegawai"][who & ~_digits(extra["pegawai"]["nip"]).isin(known)]
    joined = set(_digits(people["nip"]))
    out = {"pegawai": pd.concat([frames["pegawai"], people], ignore_index=True)}
    for name in ("diklat", "kinerja", "hukdis"):
        rows = extra[name][_digits(extra[name]["nip"]).isin(joined)]
        out[name] = pd.concat([frames[name], rows], ignore_index=True)
    return out


def _moves(rng: np.random.Generator, pegawai: pd.DataFrame) -> pd.DataFrame:
    """Transfers (about 3% of the PNS below eselon II), promotions and finished degrees, applied in place
    to a copy. The same function serves both directions: going backwards it says where people were."""
    pegawai = pegawai.copy()
    units = sorted(set(pegawai["unit_kerja"]) - {"Staf Ahli Gubernur"})
    pns = _is_pns(pegawai["status"]).to_numpy()
    head = pegawai["jabatan"].astype(str).str.match(r"^(Kepala|Direktur|Sekretaris Daerah|Inspektur|Camat)\b") \
        & pegawai["eselon"].astype(str).str.startswith("II")
    movable = np.flatnonzero(pns & ~head.to_numpy() & (pegawai["unit_kerja"] != "Staf Ahli Gubernur").to_numpy())
    if len(units) > 1:
        for i in _choose(rng, movable, 0.03):
            others = [u for u in units if u != pegawai.at[i, "unit_kerja"]]
            pegawai.at[i, "unit_kerja"] = others[int(rng.integers(len(others)))]
    pelaksana = np.flatnonzero(pns & pegawai["jenis_jabatan"].isin(_PELAKSANA_JENIS).to_numpy())
    for i in _choose(rng, pelaksana, 0.02):
        pegawai.loc[i, ["jenis_jabatan", "eselon", "jabatan"]] = [
            "Struktural", "IV.a", PENGAWAS[int(rng.integers(len(PENGAWAS)))]]
    pengawas = np.flatnonzero(pns & pegawai["eselon"].astype(str).str.startswith("IV").to_numpy())
    for i in _choose(rng, pengawas, 0.03):
        pegawai.loc[i, ["jenis_jabatan", "eselon", "jabatan"]] = [
            "Struktural", "III.b", ADMINISTRATOR[int(rng.integers(len(ADMINISTRATOR)))]]
    bachelor = np.flatnonzero(pns & pegawai["pendidikan"].isin(["S-1", "S1", "Strata 1", "40"]).to_numpy())
    pegawai.loc[_choose(rng, bachelor, 0.03), "pendidikan"] = _MASTER
    return pegawai


def _undo_moves(rng: np.random.Generator, pegawai: pd.DataFrame) -> pd.DataFrame:
    """Backwards: some administrators were pengawas, some pengawas were pelaksana, some S-2 held S-1,
    some people worked in another unit."""
    earlier = _moves(rng, pegawai)  # transfers are symmetric; the rest is reversed below
    earlier[["jenis_jabatan", "eselon", "jabatan", "pendidikan"]] = pegawai[
        ["jenis_jabatan", "eselon", "jabatan", "pendidikan"]]
    pns = _is_pns(pegawai["status"]).to_numpy()
    administrator = np.flatnonzero(pns & pegawai["eselon"].astype(str).str.startswith("III").to_numpy())
    for i in _choose(rng, administrator, 0.05):
        earlier.loc[i, ["jenis_jabatan", "eselon", "jabatan"]] = [
            "Struktural", "IV.a", PENGAWAS[int(rng.integers(len(PENGAWAS)))]]
    pengawas = np.flatnonzero(pns & pegawai["eselon"].astype(str).str.startswith("IV").to_numpy())
    for i in _choose(rng, pengawas, 0.03):
        earlier.loc[i, ["jenis_jabatan", "eselon", "jabatan"]] = ["Pelaksana", "", "Pengadministrasi Umum"]
    master = np.flatnonzero(pns & pegawai["pendidikan"].isin(["S-2", "S2", "Magister"]).to_numpy())
    earlier.loc[_choose(rng, master, 0.04), "pendidikan"] = "S-1"
    return earlier


def _new_trainings(rng: np.random.Generator, pegawai: pd.DataFrame, tahun: int, intensity: float) -> pd.DataFrame:
    """The year's technical trainings and seminars (dated inside `tahun`), `intensity` per person."""
    nips = pegawai["nip"].to_numpy(dtype=object)
    first, last = np.datetime64(f"{tahun:04d}-01-01"), np.datetime64(f"{tahun:04d}-12-31")
    parts = []
    for kind in ("teknis", "seminar"):
        who = np.repeat(np.arange(len(nips)), rng.poisson(intensity, len(nips)))
        days = random_days(rng, np.full(len(who), first), np.full(len(who), last))
        if kind == "teknis":
            jenis = pick(rng, TECHNICAL_KIND, len(who), p=[0.4, 0.35, 0.25])
            nama = np.array([f"{'Bimtek' if j == 'Bimtek' else 'Pelatihan'} {t}" for j, t in
                             zip(jenis, pick(rng, TECHNICAL_TOPICS, len(who)))], dtype=object)
            jp = format_hundredths(pick(rng, TECHNICAL_JP, len(who), p=TECHNICAL_JP_P).astype(np.int64) * 100)
        else:
            jenis = pick(rng, SEMINAR_KIND, len(who), p=SEMINAR_KIND_P)
            nama = np.array([f"{j} {t}" for j, t in zip(jenis, pick(rng, SEMINAR_TOPICS, len(who)))], dtype=object)
            jp = pick(rng, ["", "", "2", "3", "4", "8"], len(who))
        parts.append(pd.DataFrame({"nip": nips[who], "jenis": jenis, "nama_diklat": nama, "tingkat": "",
                                   "tanggal_selesai": format_dates(days), "jp": jp, "_day": days}))
    rows = pd.concat(parts, ignore_index=True).sort_values(["_day", "nip"], kind="stable")
    return rows.drop(columns="_day").reset_index(drop=True)


def _skp(rng: np.random.Generator, pegawai: pd.DataFrame, tahun_kinerja: int, share: float,
         shift: float) -> pd.DataFrame:
    """Assessments of `tahun_kinerja` for `share` of the PNS listed, `shift` points better than usual."""
    pns = pegawai[_is_pns(pegawai["status"]) & (_tmt_year(pegawai["nip"]) < tahun_kinerja + 1)]
    chosen = pns[rng.random(len(pns)) < share]
    hundredths = np.minimum(kinerja_values(rng, len(chosen)) + int(shift * 100), 12000)
    return pd.DataFrame({"nip": chosen["nip"].to_numpy(), "tahun": str(tahun_kinerja),
                         "nilai": format_hundredths(hundredths), "predikat": ""})


# --- the two steps -----------------------------------------------------------------------------


def _forward(previous: dict[str, pd.DataFrame], tahun: int, units: int, employees: int, seed: int,
             rename: bool) -> dict[str, pd.DataFrame]:
    """Year `tahun` from the snapshot of the year before."""
    rng = np.random.default_rng([seed, tahun])
    pegawai = previous["pegawai"]
    old = _is_pns(pegawai["status"]) & (_birth_year(pegawai["nip"]) <= tahun - RETIREMENT_AGE)
    others = np.flatnonzero(~old.to_numpy())
    leaving = set(_digits(pegawai["nip"][old])) | set(_digits(pegawai["nip"].iloc[_choose(rng, others, 0.005)]))
    frames = _without(previous, leaving)
    pegawai = frames["pegawai"].copy()
    # CPNS appointed last year or earlier are PNS now.
    done = (pegawai["status"] == "CPNS") & (_tmt_year(pegawai["nip"]) <= tahun - 1)
    pegawai.loc[done, "status"] = np.where(rng.random(int(done.sum())) < 0.7, "PNS", "")
    frames["pegawai"] = _moves(rng, pegawai)
    extra = _auxiliary(units, employees, seed, tahun)
    frames = _joining(frames, extra, (extra["pegawai"]["status"] == "CPNS") & (_tmt_year(extra["pegawai"]["nip"]) == tahun))
    frames["diklat"] = pd.concat([frames["diklat"], _new_trainings(rng, frames["pegawai"], tahun, 0.6)],
                                 ignore_index=True)
    frames["kinerja"] = pd.concat([frames["kinerja"], _skp(rng, frames["pegawai"], tahun - 1, 0.95, 1.0)],
                                  ignore_index=True)
    punished = frames["pegawai"].sample(n=max(1, len(frames["pegawai"]) // 150), random_state=rng)
    days = random_days(rng, np.full(len(punished), np.datetime64(f"{tahun:04d}-01-01")),
                        np.full(len(punished), np.datetime64(f"{tahun:04d}-12-31")))
    frames["hukdis"] = pd.concat([frames["hukdis"], pd.DataFrame({
        "nip": punished["nip"].to_numpy(), "tingkat": pick(rng, ["Ringan", "Sedang", "Berat"], len(punished),
                                                            p=[0.7, 0.2, 0.1]),
        "tanggal": format_dates(days)})], ignore_index=True)
    if rename:
        frames["pegawai"]["unit_kerja"] = frames["pegawai"]["unit_kerja"].replace(RENAMED_UNIT)
        for old_name, new_name in RENAMED_UNIT.items():
            frames["pegawai"]["jabatan"] = frames["pegawai"]["jabatan"].str.replace(old_name, new_name, regex=False)
    return frames


def _backward(following: dict[str, pd.DataFrame], tahun: int, units: int, employees: int,
              seed: int) -> dict[str, pd.DataFrame]:
    """Year `tahun` from the snapshot of the year after."""
    rng = np.random.default_rng([seed, tahun])
    pegawai = following["pegawai"]
    # Appointed after `tahun`: not yet listed.
    joined = set(_digits(pegawai["nip"][_tmt_year(pegawai["nip"]) > tahun]))
    frames = _without(following, joined)
    end = pd.Timestamp(tahun, 12, 31)
    diklat = frames["diklat"]
    day = _dated(diklat, "tanggal_selesai")
    uploaded_later = (day.dt.year == tahun) & (rng.random(len(diklat)) < 0.3)
    frames["diklat"] = diklat[~((day > end + pd.Timedelta(days=90)) | uploaded_later)].reset_index(drop=True)
    hukdis = frames["hukdis"]
    frames["hukdis"] = hukdis[~(_dated(hukdis, "tanggal") > end)].reset_index(drop=True)
    kinerja = frames["kinerja"]
    frames["kinerja"] = kinerja[pd.to_numeric(kinerja["tahun"], errors="coerce") < tahun].reset_index(drop=True)
    pegawai = _undo_moves(rng, frames["pegawai"])
    # Appointed the year before `tahun`... and still CPNS on its 31 December, some of them.
    recent = _is_pns(pegawai["status"]) & (_tmt_year(pegawai["nip"]) == tahun - 1)
    pegawai.loc[recent & (rng.random(len(pegawai)) < 0.6), "status"] = "CPNS"
    frames["pegawai"] = pegawai
    # Those who retired or left during the next year were still here: the oldest PNS of another draw
    # of the same units (about 1.5% of the PNS) and a few others (0.5%).
    extra = _auxiliary(units, employees, seed, tahun)
    pns = np.flatnonzero(_is_pns(extra["pegawai"]["status"]).to_numpy())
    k = max(1, int(round(0.015 * _is_pns(pegawai["status"]).sum())))
    oldest = pns[np.argsort(_birth_year(extra["pegawai"]["nip"]).to_numpy()[pns], kind="stable")[:k]]
    others = _choose(rng, np.setdiff1d(pns, oldest), 0.005 * len(pegawai) / max(len(pns), 1))
    leaving = np.zeros(len(extra["pegawai"]), dtype=bool)
    leaving[np.concatenate([oldest, others])] = True
    frames = _joining(frames, extra, pd.Series(leaving, index=extra["pegawai"].index))
    have = set(_digits(frames["kinerja"]["nip"][frames["kinerja"]["tahun"] == str(tahun - 1)]))
    missing = frames["pegawai"][~_digits(frames["pegawai"]["nip"]).isin(have)]
    frames["kinerja"] = pd.concat([frames["kinerja"], _skp(rng, missing, tahun - 1, 0.85, -1.5)], ignore_index=True)
    return frames
