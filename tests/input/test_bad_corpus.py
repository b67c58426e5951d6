"""The broken-input corpus (tests/data/bad): every case through the real command line.

Each case of tests/data/bad/cases.yaml runs as `python -m ipasn.cli score CASE --year 2022 --output
OUT.csv` and either
- works: exit 0, nothing on stderr, the rows read per sheet as expected and rows read = rows used +
  rows with findings for every sheet printed, exactly the expected findings (with Excel row numbers),
  and the scores equal to the clean baseline's except where the case says otherwise; or
- stops: exit 2, exactly the expected one-line message naming file, sheet, row and column where they
  apply, nothing on stdout, nothing written.
Never a traceback (one test checks that --debug does show one).

The committed cases run in parallel subprocesses, started a few ahead of the test that needs them.
The big cases are generated into tmp_path: thousands of duplicated rows (twice) and a large workbook
(`IPASN_BESAR_MB`, default 10 MB, about 12 s; a 100 MB workbook takes about two minutes and 1.6 GB,
too long for the test suite: `IPASN_BESAR_MB=100 pytest tests/test_bad_corpus.py -k large` runs it).
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import yaml


BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
YEAR = 2022
EXPECTED = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
CASES = {case["case"]: case for case in EXPECTED}
COMMITTED = [name for name, case in CASES.items() if not case.get("generated")]
WORKERS = max(2, min(4, os.cpu_count() or 2))
BIG_MB = float(os.environ.get("IPASN_BESAR_MB", "10"))

_spec = importlib.util.spec_from_file_location("bad_corpus_make_cases", BAD / "make_cases.py")
make_cases = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ in the corpus
try:
    _spec.loader.exec_module(make_cases)
finally:
    sys.dont_write_bytecode = _writes_bytecode


# --- running the command ------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's maximum resident set size
    out: Path  # the folder the command was told to write into

    @property
    def scores(self) -> Path:
        return self.out / "skor.csv"

    @property
    def findings(self) -> Path:
        return self.out / "skor.temuan.csv"


def run_cli(data: str | Path, cwd: Path, work: Path, *options: str, timeout: float = 600,
            score_options: tuple[str, ...] = ()) -> Run:
    """Run the real command in a fresh process; measure its wall time and peak memory."""
    out = work / "uit"
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "ipasn.cli", *options, "score", str(data), "--year", str(YEAR),
               "--output", str(out / "skor.csv"), *score_options]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS",)}
    start = time.perf_counter()
    with open(work / "stdout.txt", "wb") as stdout, open(work / "stderr.txt", "wb") as stderr:
        process = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=stderr, env=env)
        while True:  # os.wait4 gives this child's own rusage (its peak memory)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(process.returncode, (work / "stdout.txt").read_text(encoding="utf-8"),
               (work / "stderr.txt").read_text(encoding="utf-8"), time.perf_counter() - start,
               usage.ru_maxrss / 1024, out)


class Corpus:
    """Runs the committed cases in a small pool, each started a few tests ahead of its own test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="korpus")
        self.futures: dict[str, Future[Run]] = {}

    def _submit(self, name: str) -> None:
        if name not in self.futures:
            case = CASES[name]
            self.futures[name] = self.pool.submit(run_cli, case["input"], BAD, self.root / name)

    def get(self, name: str) -> Run:
        at = COMMITTED.index(name)
        for ahead in COMMITTED[at:at + 2 * WORKERS]:
            self._submit(ahead)
        return self.futures[name].result()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    runner = Corpus(tmp_path_factory.mktemp("korpus"))
    yield runner
    runner.pool.shutdown(wait=True, cancel_futures=True)


# --- what a run must show -----------------------------------------------------------------------

# "  diklat   data.xlsx › Riwayat Diklat: 7 baris dibaca = 6 dipakai + 1 dengan temuan (1 ditolak)"
ACCOUNTING = re.compile(r"^\s+(\w+)\s+(?:.* › )?(.*?): ([\d.]+) baris dibaca = ([\d.]+) dipakai \+ ([\d.]+) "
                        r"dengan temuan \(([\d.]+) ditolak\)(?: \[.*\])?$", re.M)
MEASURED = re.compile(r"^Diukur ([\d.]+) PNS;", re.M)


def _number(text: str) -> int:
    return int(text.replace(".", ""))  # the CLI writes 3.007 for 3007


def sheet_roles(run: Run) -> dict[str, str]:
    """Sheet (or CSV file stem) as the findings name it -> the role the run read it as."""
    return {sheet: role for role, sheet, *_ in ACCOUNTING.findall(run.stdout)}


def accounting(run: Run) -> dict[str, tuple[int, int, int, int]]:
    """Role -> (read, used, with findings, rejected), added up over the sheets read as that role."""
    totals: dict[str, list[int]] = {}
    for role, _, *numbers in ACCOUNTING.findall(run.stdout):
        line = totals.setdefault(role, [0, 0, 0, 0])
        for i, n in enumerate(numbers):
            line[i] += _number(n)
    return {role: tuple(line) for role, line in totals.items()}


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def unneutralised(value: str) -> str:
    """The output quotes text that a spreadsheet would run as a formula ('-4); the input said -4."""
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@") else value


def _same(expected: object, got: str) -> bool:
    if isinstance(expected, bool):
        return got == str(expected)
    if isinstance(expected, (int, float)):
        return got != "" and math.isclose(float(got), float(expected))
    return got == str(expected)


def check_stopped(case: dict, run: Run) -> None:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert run.stderr == case["message"] + "\n", run.stderr
    assert run.stdout == ""
    assert sorted(p.name for p in run.out.iterdir()) == [], "nothing may be written on exit 2"


def check_worked(case: dict, run: Run, baseline: Run | None) -> None:
    assert run.returncode == 0, (run.returncode, run.stdout, run.stderr)
    assert run.stderr == ""
    assert run.scores.exists() and run.findings.exists()

    # Every input row accounted for: the sheets and counts expected, read = used + with findings.
    lines = accounting(run)
    assert {sheet: line[0] for sheet, line in lines.items()} == case["read"], run.stdout
    found = read_csv(run.findings)
    roles = sheet_roles(run)
    found["sheet"] = found["lembar"].map(lambda sheet: roles.get(sheet, sheet))  # a missing table: its name
    for sheet, (read, used, flagged, rejected) in lines.items():
        assert read == used + flagged, (sheet, run.stdout)
        rows = found.loc[found["sheet"] == sheet, "baris"]
        assert flagged == rows.nunique(), (sheet, flagged, rows.nunique())
        assert rejected <= flagged
    assert set(found.loc[found["kode"] != "LEMBAR_TIDAK_ADA", "sheet"]) <= set(lines)

    # Findings: exactly these, in this order (or, for generated cases, this many of each).
    if "finding_counts" in case:
        assert found["kode"].value_counts().to_dict() == case["finding_counts"]
    else:
        got = [[r.lembar, int(r.baris), r.kolom, unneutralised(r.nilai), r.kode] for r in found.itertuples()]
        assert got == [[s, int(b), k, str(v), c] for s, b, k, v, c in case["findings"]]

    # Scores: the baseline's, except where the case says otherwise.
    scores = read_csv(run.scores).set_index("nip")
    measured = _number(MEASURED.search(run.stdout).group(1))
    assert measured == case["measured"] == len(scores)
    overrides = {str(nip): columns for nip, columns in (case.get("scores") or {}).items()}
    for nip, columns in overrides.items():
        assert nip in scores.index, nip
        for column, value in columns.items():
            assert _same(value, scores.loc[nip, column]), (nip, column, value, scores.loc[nip, column])
    for nip in case.get("absent", []):
        assert nip not in scores.index, nip
    if baseline is not None:
        base = read_csv(baseline.scores).set_index("nip")
        expected_nips = set(base.index) - set(map(str, case.get("absent", [])))
        assert set(scores.index) == expected_nips
        for nip in sorted(expected_nips - set(overrides)):
            assert scores.loc[nip].to_dict() == base.loc[nip].to_dict(), nip


def check(case: dict, run: Run, baseline: Run | None) -> None:
    assert "Traceback" not in run.stdout + run.stderr
    if case["exit"] == 2:
        check_stopped(case, run)
    else:
        check_worked(case, run, baseline)


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [pytest.param(name, id=name) for name in CASES])
def test_case(name, corpus, tmp_path):
    case = CASES[name]
    if case.get("generated"):
        make_cases.GENERATED[name](tmp_path)
        run = run_cli(case["input"], tmp_path, tmp_path / "kerja")
    else:
        run = corpus.get(name)
    baseline = corpus.get(case["like"]) if case.get("like") else None
    check(case, run, baseline)


def test_debug_shows_the_traceback(tmp_path):
    """--debug is how an engineer sees where a message came from: then, and only then, a traceback."""
    run = run_cli(CASES["xlsx-sandi"]["input"], BAD, tmp_path, "--debug")
    assert run.returncode != 0
    assert "Traceback (most recent call last)" in run.stderr
    assert "InputError" in run.stderr and "dilindungi kata sandi" in run.stderr
    assert list(run.out.iterdir()) == []


def test_large_workbook(tmp_path, capsys):
    """A SIASN-like export of IPASN_BESAR_MB megabytes: read in full, every row accounted for, in
    bounded memory (the reader streams and keeps only the columns it uses). The time is printed, not
    asserted: benchmarks/ measures speed."""
    start = time.perf_counter()
    path, counts = make_cases.big_workbook(tmp_path, BIG_MB)
    made = time.perf_counter() - start
    size_mb = path.stat().st_size / 1e6
    # The export has no punishment sheet, and says so: --missing-sheet.
    run = run_cli(path.name, tmp_path, tmp_path / "kerja", timeout=900, score_options=("--missing-sheet", "hukdis"))
    with capsys.disabled():
        print(f"\nworkbook besar: {size_mb:.1f} MB, {sum(counts.values()):,} baris; dibuat {made:.1f} s; "
              f"ipasn score {run.seconds:.1f} s, memori puncak {run.peak_mb:.0f} MB")
    assert run.returncode == 0, run.stderr
    assert run.stderr == "" and "Traceback" not in run.stdout
    lines = accounting(run)
    assert {sheet: line[0] for sheet, line in lines.items()} == counts
    assert all(read == used for read, used, flagged, _ in lines.values())
    employees = counts["pegawai"]
    assert _number(MEASURED.search(run.stdout).group(1)) == employees - math.ceil(employees / 40)
    assert read_csv(run.findings).empty
    # A generous bound, to catch a regression (e.g. all columns kept again) without flakiness.
    assert run.peak_mb < 400 + 60 * BIG_MB


def test_corpus_is_what_make_cases_writes(tmp_path):
    """The committed inputs are exactly what the script generates (deterministic, nothing stale)."""
    make_cases.main(tmp_path)
    ignored = {"make_cases.py", "cases.yaml", "__pycache__"}

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and not ignored & set(p.relative_to(root).parts)}

    committed, generated = files(BAD), files(tmp_path)
    assert sorted(committed) == sorted(generated)
    changed = [name for name in committed if committed[name] != generated[name]]
    assert changed == []
    assert sum(len(b) for b in committed.values()) < 2_000_000


def test_every_case_has_its_expectation():
    made = set(make_cases.CASES) | set(make_cases.GENERATED)
    assert made == set(CASES) - {"tidak-ada"}  # that case is a path that does not exist
    assert not (BAD / CASES["tidak-ada"]["input"]).exists()
    assert len(CASES) >= 30
    for case in EXPECTED:
        assert case["exit"] in (0, 2) and case.get("why"), case["case"]
        assert ("message" in case) == (case["exit"] == 2), case["case"]
