"""The shortcuts that make national scale fast give exactly what the plain per-value code gives.

- `parse_nip_keys` recognises plain 18-digit NIPs in Arrow and sends the rest through `parse_nip`.
- `rowkeys.combination_key` stands in for `DataFrame.duplicated` / groupby over several columns.
- `explain.per_combination` calls a per-employee text function once per distinct combination.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipasn.clean import rowkeys
from ipasn.clean.nips import NO_KEY, nip_keys, nip_text, parse_nip, parse_nip_keys
from ipasn.scoring.explain import per_combination
from ipasn.scoring.join import MeasuredEmployees, nip_keys_of

NIP_CELLS = [
    "198503302010011001", " 198503302010011001 ", "19850330 201001 1 001", "19850330.201001.1.001",
    "1985-0330-2010-0110-01", "'198503302010011001", "198503302010011001\u200b", "1,98503E+17",
    "19850330201001100", "1985033020100110011", "19850330201001100X", "", "   ", None, np.nan,
    "١٩٨٥٠٣٣٠٢٠١٠٠١١٠٠١",  # Arabic-Indic digits: str.isdigit() says yes, the fast path must not decide
    "098503302010011001", "000000000000000000",
]
NUMBER_CELLS = [198503302010011001.0, 1.98503e17, 12, True]


def _one_by_one(values) -> tuple[list, list]:
    parsed = [parse_nip(v) for v in values]
    return [NO_KEY if p else int(v) for v, p in parsed], [p for _, p in parsed]


@pytest.mark.parametrize("dtype", [pytest.param(object, id="object"), pytest.param("str", id="arrow-str")])
def test_nip_keys_match_parse_nip_cell_by_cell(dtype):
    values = pd.Series(NIP_CELLS * 3, dtype=dtype)
    keys, problems = parse_nip_keys(values)
    expected_keys, expected_problems = _one_by_one(values.astype(object))
    assert keys.tolist() == expected_keys
    assert problems.tolist() == expected_problems
    assert nip_text(keys).tolist() == [None if k == NO_KEY else f"{k:018d}" for k in expected_keys]


def test_nip_keys_of_a_column_excel_filled_with_numbers():
    values = pd.Series(NIP_CELLS + NUMBER_CELLS, dtype=object)
    keys, problems = parse_nip_keys(values)
    assert (keys.tolist(), problems.tolist()) == _one_by_one(values)
    assert problems.tolist()[-4:] == ["NIP_ANGKA", "NIP_ANGKA", "NIP_ANGKA", "NIP_TIDAK_VALID"]


def test_nip_keys_of_loaded_nips_and_of_anything_else():
    assert nip_keys(pd.Series(["198503302010011001", "098503302010011001"])).tolist() == [
        198503302010011001, 98503302010011001]
    assert nip_keys(pd.Series(["198503302010011001", "A1"])) is None
    assert nip_keys(pd.Series(["198503302010011001", None])) is None
    assert nip_keys(pd.Series([], dtype=object)).tolist() == []


cells = st.one_of(st.none(), st.just(np.nan), st.integers(-2, 3), st.sampled_from(["a", "b", ""]),
                  st.floats(allow_nan=False, min_value=-2, max_value=2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cells, cells, cells), min_size=0, max_size=40))
def test_combination_key_equal_exactly_where_rows_are_equal(rows):
    frame = pd.DataFrame(rows, columns=["a", "b", "c"], dtype=object)
    key = rowkeys.combination_key(frame[c] for c in frame.columns)
    groups = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    assert len(key) == len(frame)
    for i in range(len(frame)):
        assert ((key == key[i]) == (groups == groups[i])).all()
    picked = np.arange(len(frame)) % 3 != 0
    for keep in ("first", False):
        expected = np.zeros(len(frame), dtype=bool)
        expected[picked] = frame[picked].duplicated(keep=keep).to_numpy()
        assert (rowkeys.duplicated(key, picked, keep=keep) == expected).all()


def test_combination_key_renumbers_before_it_could_overflow():
    rng = np.random.default_rng(1)
    columns = [rng.integers(0, 50_000, size=60_000) for _ in range(6)]  # 50,000^6 > 2^62
    columns[3][1000:1010] = columns[3][0]
    for c in columns:
        c[1] = c[0]  # rows 0 and 1 equal everywhere
    key = rowkeys.combination_key(pd.Series(c) for c in columns)
    expected = pd.DataFrame(dict(enumerate(columns))).duplicated().to_numpy()
    assert (pd.Series(key).duplicated().to_numpy() == expected).all()
    assert key[0] == key[1] and expected.sum() == 1


def test_dense_numbers_in_order_of_appearance_with_first_rows():
    codes, first = rowkeys.dense(np.array([70, 5, 70, 9, 5, 5]))
    assert codes.tolist() == [0, 1, 0, 2, 1, 1]
    assert first.tolist() == [0, 1, 3]


def test_per_combination_renders_each_row_as_the_function_would():
    rng = np.random.default_rng(2)
    n = 5_000
    columns = {
        "kind": pd.Series(rng.choice(["JPT", "Pelaksana", None], size=n), dtype=object),
        "value": pd.Series(np.where(rng.random(n) < 0.2, np.nan, rng.integers(0, 4, size=n) * 0.5)),
        "flag": rng.random(n) < 0.5,
        "level": pd.array(np.where(rng.random(n) < 0.3, None, rng.integers(1, 5, size=n)), dtype="Float64"),
    }
    calls = []

    def render(kind, value, flag, level):
        calls.append(1)
        return f"{kind}|{value}|{flag}|{level}"

    texts = per_combination(columns, render)
    frame = pd.DataFrame(columns)
    expected = [render(**{k: v for k, v in zip(frame.columns, row)}) for row in frame.astype(object).itertuples(index=False)]
    distinct = len(calls) - n
    assert texts.tolist() == expected
    assert distinct == len(set(expected)) <= 3 * 5 * 2 * 5
    assert per_combination({"a": pd.Series([], dtype=object)}, render).tolist() == []


def _without(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.drop(columns=[c for c in columns if c in frame])


def test_history_joins_survive_tables_filtered_or_made_by_hand():
    """Loaded history rows point at their employee's pegawai row; a Dataset filtered after loading
    (or built without the join columns) must be scored exactly as if the rows were looked up."""
    import dataclasses

    import ipasn
    from ipasn.report.content.data import demo_workbook

    data = ipasn.load(demo_workbook())
    full = ipasn.score(data, 2022).scores.set_index("nip")
    measured = (data.pegawai["status"] == "PNS").to_numpy()
    people = MeasuredEmployees(data.pegawai, measured)
    assert people._pegawai_row(data.diklat, nip_keys_of(data.diklat)) is not None  # the fast path is taken
    kept = data.pegawai.iloc[::2].reset_index(drop=True)  # every other employee: the row hints go stale
    variants = {
        "pegawai filtered": dataclasses.replace(data, pegawai=kept),
        "join columns dropped": dataclasses.replace(
            data, pegawai=_without(kept, "_nip"),
            **{name: _without(getattr(data, name), "_nip", "_pegawai")
               for name in ("diklat", "kinerja", "hukdis", "hukdis_unreadable")}),
        "only the row hints dropped": dataclasses.replace(
            data, pegawai=kept,
            **{name: _without(getattr(data, name), "_pegawai")
               for name in ("diklat", "kinerja", "hukdis", "hukdis_unreadable")}),
    }
    for name, variant in variants.items():
        scored = ipasn.score(variant, 2022).scores.set_index("nip")
        assert len(scored) > 100, name
        pd.testing.assert_frame_equal(scored, full.loc[scored.index], obj=name)
