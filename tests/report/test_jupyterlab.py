"""A real JupyterLab server (what `make lab` starts) opens the shipped notebooks and runs the unit
report through its own kernel API: REST for contents and sessions, the kernel's websocket for code."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest
import websocket

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["unit_report.ipynb", "instansi_report.ipynb", "eksplorasi.ipynb"]
ANALYST_CELL = (
    "import matplotlib.pyplot as plt\nimport pandas as pd\n"
    "fig, ax = plt.subplots(figsize=(3, 2))\nax.bar(['a'], [1])\nax.set_title('Bagan di JupyterLab')\nplt.show()\n"
    "pd.DataFrame({'uraian': ['uji'], 'nilai': [1234.5]})")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lab:
    """The server process and a few calls of its REST API."""

    def __init__(self, folder: Path, runtime: Path) -> None:
        self.port, self.token = _free_port(), secrets.token_hex(16)
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime / "runtime"),
               "JUPYTER_CONFIG_DIR": str(runtime / "config"), "JUPYTERLAB_SETTINGS_DIR": str(runtime / "settings"),
               "JUPYTERLAB_WORKSPACES_DIR": str(runtime / "workspaces")}
        self.log = runtime / "lab.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={folder}",
             *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
            stdout=subprocess.DEVNULL, stderr=open(self.log, "w"), env=env)  # noqa: SIM115

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | str]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                text = answer.read().decode("utf-8")
                kind = answer.headers.get("Content-Type", "")
                return answer.status, json.loads(text) if "json" in kind and text else text
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-2000:]
            try:
                if self.call("GET", "/api/status")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("JupyterLab did not answer")


def _execute(channel: websocket.WebSocket, session: str, code: str, timeout: float = 300) -> list[dict]:
    """One execute_request on the kernel's websocket; its outputs, until the kernel is idle again."""
    msg_id = uuid.uuid4().hex
    channel.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "uji", "session": session,
                   "date": "2022-12-31T00:00:00Z", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    outputs, replied, idle = [], False, False
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        assert time.monotonic() < deadline, f"no answer to {code[:60]!r}"
        message = json.loads(channel.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = message["header"]["msg_type"]
        if kind == "execute_reply":
            replied = True
            assert message["content"]["status"] == "ok", message["content"]
        elif kind == "status" and message["content"]["execution_state"] == "idle":
            idle = True
        elif kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append({"type": kind, **message["content"]})
    return outputs


@pytest.fixture
def lab(tmp_path):
    server = Lab(ROOT / "notebooks", tmp_path)
    try:
        server.wait_ready()
        yield server
    finally:
        if server.process.poll() is None:
            server.process.terminate()
            server.process.wait(timeout=30)


def test_jupyterlab_opens_the_notebooks_and_runs_the_unit_report_in_its_kernel(lab):
    status, page = lab.call("GET", "/lab")
    assert status == 200 and "jupyter" in page.lower()  # the JupyterLab application itself
    for name in NOTEBOOKS:
        status, model = lab.call("GET", f"/api/contents/{name}?content=1")
        assert status == 200 and model["type"] == "notebook", (name, status)
        cells = model["content"]["cells"]
        assert "parameters" in next(c for c in cells if c["cell_type"] == "code")["metadata"]["tags"]

    status, session = lab.call("POST", "/api/sessions", {
        "path": "unit_report.ipynb", "type": "notebook", "name": "unit_report.ipynb", "kernel": {"name": "python3"}})
    assert status == 201, session
    channel = websocket.create_connection(
        f"ws://127.0.0.1:{lab.port}/api/kernels/{session['kernel']['id']}/channels?session_id={session['id']}",
        header=[f"Authorization: token {lab.token}"], timeout=300)
    try:
        notebook = nbformat.read(ROOT / "notebooks" / "unit_report.ipynb", as_version=4)
        shown = []
        for cell in notebook.cells:
            if cell.cell_type == "code":
                shown += _execute(channel, session["id"], cell.source)
        assert not [o for o in shown if o["type"] == "error"]
        html = "".join(o.get("data", {}).get("text/html", "") for o in shown)
        assert "Dinas Kesehatan" in html and "IP ASN <strong>" in html
        assert sum("image/svg+xml" in o.get("data", {}) for o in shown) >= 5  # the report's charts

        added = _execute(channel, session["id"], ANALYST_CELL)
        figures = [o for o in added if "image/svg+xml" in o.get("data", {})]
        assert len(figures) == 1 and "Bagan di JupyterLab" in figures[0]["data"]["image/svg+xml"]
        table = next(o for o in added if o["type"] == "execute_result")["data"]["text/html"]
        assert '<table class="tabel">' in table and "1.234,50" in table
    finally:
        channel.close()
    assert lab.call("DELETE", f"/api/sessions/{session['id']}")[0] == 204
    assert lab.call("GET", "/api/kernels")[1] == []

    assert lab.call("POST", "/api/shutdown")[0] == 200
    assert lab.process.wait(timeout=60) == 0
