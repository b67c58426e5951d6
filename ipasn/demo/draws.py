"""Random draws both demo generators share: picks and exact shares, days, unit sizes, NIPs.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ipasn.demo.pools import EXTRA_UNIT_WEIGHT, STAF_AHLI_SIZE, UNITS


def pick(rng: np.random.Generator, options, n: int, p=None) -> np.ndarray:
    """n draws from `options` (an object array) with probabilities p."""
    options = np.asarray(options, dtype=object)
    if p is not None:
        p = np.asarray(p, dtype=float)
        p = p / p.sum()
    return options[rng.choice(len(options), size=n, p=p)] if n else np.empty(0, dtype=object)


def n_dirty(rows: int, share: float, minimum: int = 3) -> int:
    return min(rows, max(minimum, int(round(share * rows))))


def year_start(years: np.ndarray) -> np.ndarray:
    return (np.asarray(years, dtype=np.int64) - 1970).astype("datetime64[Y]").astype("datetime64[D]")


def random_days(rng: np.random.Generator, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """A uniform day between first and last (datetime64[D], inclusive), elementwise."""
    first = np.asarray(first, dtype="datetime64[D]")
    span = (np.asarray(last, dtype="datetime64[D]") - first).astype(np.int64) + 1
    span = np.maximum(span, 1)
    return first + np.floor(rng.random(len(first)) * span).astype(np.int64)


def format_dates(days: np.ndarray) -> np.ndarray:
    """datetime64[D] -> "dd-mm-yyyy" text (formats only the distinct days)."""
    if len(days) == 0:
        return np.empty(0, dtype=object)
    unique, inverse = np.unique(days, return_inverse=True)
    text = np.array([d.strftime("%d-%m-%Y") for d in unique.astype(dt.date)], dtype=object)
    return text[inverse.reshape(-1)]


def format_hundredths(values: np.ndarray) -> np.ndarray:
    """Integer hundredths -> Indonesian text: 8550 -> "85,5", 9000 -> "90", 8553 -> "85,53"."""
    out = np.empty(len(values), dtype=object)
    for i, h in enumerate(np.asarray(values, dtype=np.int64).tolist()):
        whole, frac = divmod(h, 100)
        if frac == 0:
            out[i] = str(whole)
        elif frac % 10 == 0:
            out[i] = f"{whole},{frac // 10}"
        else:
            out[i] = f"{whole},{frac:02d}"
    return out


def insert_after(frame: pd.DataFrame, positions: np.ndarray, rows: pd.DataFrame) -> pd.DataFrame:
    """`rows[i]` placed right after `frame`'s row `positions[i]` (or at the end for len(frame))."""
    key = np.concatenate([np.arange(len(frame), dtype=float), np.asarray(positions, dtype=float) + 0.5])
    both = pd.concat([frame, rows], ignore_index=True)
    return both.iloc[np.argsort(key, kind="stable")].reset_index(drop=True)


# --- units and sizes ---------------------------------------------------------------------------


def unit_table(units: int) -> list[tuple[str, float, str]]:
    table = list(UNITS[:units])
    for i in range(len(table), units):
        table.append((f"Unit Kerja {i + 1}", EXTRA_UNIT_WEIGHT, "umum"))
    return table


def unit_sizes(table: list[tuple[str, float, str]], employees: int) -> np.ndarray:
    """Employees per unit: the staf ahli unit gets three, the rest is split by weight (each >= 1)."""
    n = len(table)
    sizes = np.zeros(n, dtype=np.int64)
    fixed = [i for i, (_, _, kind) in enumerate(table) if kind == "staf_ahli"]
    free = [i for i in range(n) if i not in fixed]
    remaining = employees
    for i in fixed:
        sizes[i] = max(1, min(STAF_AHLI_SIZE, employees - (n - 1)))
        remaining -= sizes[i]
    if not free:
        sizes[fixed[-1]] += remaining
        return sizes
    weights = np.array([table[i][1] for i in free], dtype=float)
    # Each unit gets one employee; the rest goes by weight with the largest-remainder rule.
    extra = remaining - len(free)
    share = weights / weights.sum() * extra
    base = np.floor(share).astype(np.int64)
    left = extra - base.sum()
    order = np.argsort(-(share - base), kind="stable")
    base[order[:left]] += 1
    sizes[free] = base + 1
    return sizes


# --- the generator -----------------------------------------------------------------------------


def check_size(units: int, employees: int) -> None:
    """A demo instansi needs a unit, and at least one employee in each."""
    if units < 1:
        raise ValueError("units harus paling sedikit 1")
    if employees < units:
        raise ValueError("employees harus paling sedikit sama dengan units (tiap unit minimal 1 pegawai)")


def draw_nips(rng: np.random.Generator, status: np.ndarray, tahun: int) -> tuple[np.ndarray, np.ndarray]:
    """18-digit NIPs (as int64) and the TMT CPNS year of each employee."""
    n = len(status)
    pns = status == "PNS"
    # PNS: born 1963-2000 (most in the 1970s-80s), appointed at 19-35 and at least two years before
    # `tahun`; CPNS and PPPK: appointed in `tahun` or the year before.
    last_pns = tahun - 2
    birth_hi = min(2000, last_pns - 19)
    birth_lo = min(1963, birth_hi)
    birth = birth_lo + np.floor(rng.beta(2.0, 2.3, n) * (birth_hi - birth_lo + 1)).astype(np.int64)
    age = np.rint(rng.triangular(19, 25, 35, n)).astype(np.int64)
    age = np.minimum(age, np.maximum(19, last_pns - birth))
    tmt_year = birth + age
    new = ~pns
    if new.any():
        tmt_year[new] = tahun - rng.integers(0, 2, new.sum())
        b = tmt_year[new] - np.rint(rng.triangular(20, 26, 35, new.sum())).astype(np.int64)
        birth[new] = np.clip(b, min(1963, tahun - 35), max(min(2000, tahun - 19), 1963))
    tmt_year = np.minimum(tmt_year, tahun)
    born = random_days(rng, year_start(birth), year_start(birth + 1) - 1)
    ymd = born.astype(object)
    born_num = np.array([d.year * 10000 + d.month * 100 + d.day for d in ymd], dtype=np.int64)
    month = pick(rng, np.arange(1, 13), n,
                  p=[30, 5, 25, 6, 3, 3, 4, 3, 3, 3, 4, 11]).astype(np.int64)
    gender = rng.integers(1, 3, n).astype(np.int64)
    prefix = (born_num * 1000000 + tmt_year * 100 + month) * 10 + gender
    serial = rng.integers(1, 600, n).astype(np.int64)
    groups = pd.Series(prefix)
    serial = groups.map(pd.Series(serial).groupby(prefix).first()).to_numpy(np.int64) \
        + groups.groupby(prefix).cumcount().to_numpy(np.int64)
    return prefix * 1000 + serial, tmt_year


def choose(rng: np.random.Generator, pool, share: float, minimum: int = 1) -> list:
    """An exact share of `pool` (at least `minimum`, at most all), drawn without replacement, in pool order."""
    pool = list(pool)
    k = min(len(pool), max(minimum, int(round(share * len(pool)))))
    picked = set(rng.permutation(len(pool))[:k].tolist())
    return [p for i, p in enumerate(pool) if i in picked]


def pick_one(rng: np.random.Generator, options, p=None):
    options = list(options)
    if p is not None:
        p = np.asarray(p, dtype=float) / np.sum(p)
    return options[int(rng.choice(len(options), p=p))]


def random_day(rng: np.random.Generator, first: dt.date, last: dt.date) -> dt.date:
    span = max(0, (last - first).days)
    return first + dt.timedelta(days=int(rng.integers(0, span + 1)))


def year_days(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def guid(rng: np.random.Generator) -> str:
    """A SIASN id: 32 uppercase hex digits."""
    return rng.bytes(16).hex().upper()


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
