"""Stopped any way, `ipasn run` leaves nothing running and nothing half-done; one run per folder at a time.

Real runs on a small demo, with a unit template whose first cell records which unit it is making and
then holds while a file exists, so the test can stop or overlap runs while documents are being made.
Every process of a run is found by a marker in its environment (inherited by every child) or, for
those that rewrite their environment (Chromium's helpers) or leave their parent's session
(Chromium's crashpad handlers), by the session or process group of a marked process.
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.files import TEMP_PREFIX
from ipasn.report.document import render
from tests.report.audit_project import documents

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
MARKER = "IPASN_TEST_RUN"
RUN_YAML = "instansi: Instansi Henti\ntahun: 2022\ndata: data.xlsx\noutput: {output}\nnotebooks: {{unit: unit.ipynb}}\n"
HOLD_CELL = '''import os as _os, time as _time
if _os.environ.get("IPASN_TEST_LOG"):
    with open(_os.environ["IPASN_TEST_LOG"], "a", encoding="utf-8") as _log:
        _log.write(unit + "\\n")
_hold, _until = _os.environ.get("IPASN_TEST_HOLD"), _time.monotonic() + 300
while _hold and _os.path.exists(_hold) and _time.monotonic() < _until:
    _time.sleep(0.05)'''
UNITS = 2  # with --jobs 2: the instansi report first, then each worker holds in a unit
START_TIMEOUT = 240  # the runs' start-up on a loaded 2-core machine
GONE_WITHIN = 20  # seconds for every process of a stopped run to be gone


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("henti")
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=UNITS, employees=16, seed=9)))
    template = nbformat.read(ROOT / "notebooks" / "unit_report.ipynb", as_version=4)
    template.cells.insert(2, nbformat.v4.new_code_cell(HOLD_CELL))
    nbformat.write(template, folder / "unit.ipynb")
    return folder


def _run_file(project: Path, output: str) -> Path:
    path = project / f"{output}.yaml"
    path.write_text(RUN_YAML.format(output=output), encoding="utf-8")
    return path


def _year(project: Path, output: str) -> Path:
    return project / output / "instansi-henti" / "2022"


class Run:
    """`ipasn run` in its own session, with output to files, a marker, a hold file and a unit log."""

    def __init__(self, project: Path, run_file: Path, name: str, *extra: str, hold: bool = True,
                 log: Path | None = None, jobs: int = 2) -> None:
        self.marker = f"{name}-{uuid.uuid4().hex}"
        self.hold = project / f"tahan-{name}"
        self.log = log or project / f"unit-{name}.log"
        if hold:
            self.hold.touch()
        self.out, self.err = project / f"{name}.out", project / f"{name}.err"
        env = {**os.environ, MARKER: self.marker, "IPASN_TEST_HOLD": str(self.hold), "IPASN_TEST_LOG": str(self.log)}
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.process = subprocess.Popen(
                [*IPASN, "run", str(run_file), "--no-progress", "--jobs", str(jobs), *extra],
                env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
        self.sessions: set[int] = set()

    def units_started(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def wait_for(self, condition, what: str, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the run ended before {what}:\n{self.output()}"
            assert time.monotonic() < deadline, f"no {what} within {timeout} s:\n{self.output()}"
            time.sleep(0.1)

    def output(self) -> str:
        return self.out.read_text(errors="replace") + self.err.read_text(errors="replace")

    def processes(self) -> dict[int, str]:
        """pid -> command line of every process of this run (see the module's docstring)."""
        own = {os.getsid(0), os.getpgid(0)}
        found = {}
        for _ in range(2):  # a second pass finds members of sessions learnt in the first
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    environ = Path(f"/proc/{entry}/environ").read_bytes().split(b"\0")
                    fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                    command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue  # gone, or a kernel thread
                state, group, session = fields[0], int(fields[2]), int(fields[3])
                if state == "Z":
                    continue  # ended, waiting to be reaped by whoever adopted it
                if f"{MARKER}={self.marker}".encode() in environ:
                    self.sessions |= {group, session} - own
                    found[int(entry)] = command
                elif group in self.sessions or session in self.sessions:
                    found[int(entry)] = command
        return found

    def gone(self, timeout: float = GONE_WITHIN) -> dict[int, str]:
        """Wait until no process of the run is left; returns those still there after `timeout`."""
        deadline = time.monotonic() + timeout
        while (left := self.processes()) and time.monotonic() < deadline:
            time.sleep(0.2)
        return left

    def kill_leftovers(self) -> None:
        """Whatever the test found, nothing of this run outlives it."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        for pid in self.processes():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture(scope="module")
def concurrent(project):
    """Three runs on one folder: the first makes the documents (held while the others start), the
    second is refused, the third waits for the first and then has nothing left to make. While the
    first holds, a clean run in another folder makes the documents every other run must match."""
    run_file = _run_file(project, "bersama")
    first = Run(project, run_file, "pertama")
    clean = third = None
    try:
        first.wait_for(lambda: len(first.units_started()) >= 1, "unit being made")
        clean = Run(project, _run_file(project, "bersih"), "bersih", hold=False, jobs=1)  # same bytes, less CPU
        second = subprocess.run([*IPASN, "run", str(run_file), "--no-progress"],
                                env={**os.environ, "IPASN_TEST_LOG": str(first.log)},
                                capture_output=True, text=True, timeout=START_TIMEOUT)
        third = Run(project, run_file, "ketiga", "--wait", hold=False, log=first.log)  # one log of every unit made
        third.wait_for(lambda: "Menunggu" in third.output(), "waiting message")
        clean.process.wait(timeout=600)
        still_waiting = third.process.poll() is None
        first.hold.unlink()
        first.process.wait(timeout=600)
        third.process.wait(timeout=600)
    finally:
        for run in (first, clean, third):
            if run is not None:
                run.kill_leftovers()
    assert clean.process.returncode == 0, clean.output()
    return {"first": first, "second": second, "third": third, "still_waiting": still_waiting,
            "documents": documents(_year(project, "bersama")), "clean": documents(_year(project, "bersih"))}


def test_a_second_run_on_the_same_folder_is_refused_or_waits_and_each_document_is_made_once(concurrent):
    first, second, third = concurrent["first"], concurrent["second"], concurrent["third"]
    assert first.process.returncode == 0, first.output()
    assert second.returncode == 75, second.stdout + second.stderr
    assert f"sedang dipakai oleh proses ipasn lain (PID {first.process.pid} di " in second.stderr
    assert "--wait" in second.stderr and "Traceback" not in second.stderr
    assert concurrent["still_waiting"], third.output()
    assert f"PID {first.process.pid}" in third.err.read_text()
    assert third.process.returncode == 0, third.output()
    assert "0 dokumen dibuat, 3 dipakai ulang, 0 gagal" in third.out.read_text()
    made = collections.Counter(first.units_started())
    assert len(made) == UNITS and set(made.values()) == {1}, made
    shared, clean = dict(concurrent["documents"]), dict(concurrent["clean"])
    assert len(clean) == 3 + 3 * (UNITS + 1), clean  # index, workbook, search data, three files per report
    shared.pop("index.html"), clean.pop("index.html")  # it says "dipakai ulang" here
    assert shared == clean


@pytest.mark.parametrize("signum, to_group, status, message", [
    pytest.param(signal.SIGINT, True, 130, "Dihentikan.", id="SIGINT-to-its-terminal-group"),
    pytest.param(signal.SIGTERM, False, 143, "Dihentikan (SIGTERM).", id="SIGTERM"),
    pytest.param(signal.SIGKILL, False, -signal.SIGKILL, None, id="SIGKILL"),
])
def test_a_stopped_run_leaves_no_process_and_the_next_run_gives_the_same_bytes(project, concurrent, signum,
                                                                              to_group, status, message):
    output = f"henti-{signal.Signals(signum).name.lower()}"
    run_file = _run_file(project, output)
    run = Run(project, run_file, output)
    try:
        run.wait_for(lambda: len(run.units_started()) >= 2, "two units being made")
        before = run.processes()
        # The count sees what it must: the run, its workers and their kernels, and Chromium's helpers
        # (the instansi report's PDF is made before a worker takes its second document).
        commands = list(before.values())
        assert sum("multiprocessing.spawn" in c for c in commands) == 2, commands
        assert sum("ipasn.report.document.zygote" in c or "ipykernel" in c for c in commands) >= 2, commands
        if render.pdf_engine() == "chromium":
            assert any("--type=renderer" in c for c in commands), commands
        if to_group:
            os.killpg(run.process.pid, signum)
        else:
            os.kill(run.process.pid, signum)
        run.process.wait(timeout=60)
        left = run.gone()
        assert left == {}, f"left running after {signal.Signals(signum).name}: {left}"
    finally:
        run.kill_leftovers()
    assert run.process.returncode == status, run.output()
    if message is not None:
        assert message in run.err.read_text() and "Traceback" not in run.output(), run.output()

    # The stopped run's lock file is still there; only a live run's lock refuses.
    assert (_year(project, output).parent / ".ipasn-run.lock").is_file()
    again = subprocess.run([*IPASN, "run", str(run_file), "--no-progress", "--jobs", "1"],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    year = _year(project, output)
    assert list(year.rglob(f"{TEMP_PREFIX}*")) == []
    assert documents(year) == concurrent["clean"]
