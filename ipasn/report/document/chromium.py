"""A4 PDF from ipasn's HTML through one persistent headless Chromium per worker process.

Chromium (Debian package `chromium`) is started once per process and driven over the DevTools
protocol on a pipe (`--remote-debugging-pipe`: JSON messages ended by a NUL byte on file
descriptors 3 and 4), so no port is opened and no client library is needed. Each document gets its
own navigation in the browser's one tab, with JavaScript disabled and no network.

Chromium writes the clock into the PDF's /CreationDate and /ModDate and nothing else that varies
(the PDF is untagged, fonts are subset with fixed names); `deterministic` overwrites the two dates
with a fixed date of the same length, so the cross-reference offsets stay valid and equal inputs
give equal bytes.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from ipasn.errors import ChromiumError
from ipasn.report.lifetime import at_stop, die_with_parent

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows, where this engine does not run (no preexec_fn)
    fcntl = None

# Override with IPASN_CHROMIUM=/path/to/chromium.
CANDIDATES = ("chromium", "chromium-browser")
START_TIMEOUT = 30.0
PAGE_TIMEOUT = 300.0  # one document; the largest unit of a province takes a few seconds
FIXED_DATE = b"20000101000000"
PREFIX = "ipasn-chromium-"  # the browser's temporary folder (profile, the page being printed)
OWNER = "pemilik.lock"  # in it: locked by the worker as long as the folder is in use
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})")


@lru_cache(maxsize=1)
def executable() -> str | None:
    wanted = os.environ.get("IPASN_CHROMIUM")
    if wanted:
        return shutil.which(wanted) or (wanted if os.access(wanted, os.X_OK) else None)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@lru_cache(maxsize=1)
def version() -> str | None:
    """E.g. "Chromium 156.0.8078.114 ...": recorded in the manifest, because it shapes the PDFs."""
    path = executable()
    if path is None:
        return None
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def deterministic(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates fixed (same length: offsets stay valid)."""
    head, tail = pdf[:4096], pdf[4096:]  # the document information dictionary is object 1
    return _DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + FIXED_DATE, head) + tail


def _sweep(parent: Path) -> None:
    """Remove the profile folders of browsers whose worker was killed before it could (SIGKILL, the
    OOM killer): a folder whose owner lock nobody holds any more."""
    if fcntl is None:  # pragma: no cover
        return
    for folder in parent.glob(f"{PREFIX}*"):
        owner = folder / OWNER
        try:
            fd = os.open(owner, os.O_RDWR)
        except OSError:
            continue  # not ours, or not yet locked by its maker
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # alive
        finally:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


class Chromium:
    """One headless browser; `pdf(html)` renders one document in a fresh tab."""

    def __init__(self, path: str) -> None:
        _sweep(Path(tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        # Locked before it gets its name, so that another worker's sweep never finds it unlocked.
        self._owner = os.open(self.folder / f"{OWNER}.baru", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._owner, fcntl.LOCK_EX)
        os.rename(self.folder / f"{OWNER}.baru", self.folder / OWNER)
        to_child, from_parent = os.pipe()  # the browser reads commands on its fd 3
        to_parent, from_child = os.pipe()  # and writes answers on its fd 4
        # Keep both of the child's ends above 4, so that placing them on 3 and 4 cannot clobber each other.
        child_in, child_out = os.dup(to_child), os.dup(from_child)
        while min(child_in, child_out) < 5:
            child_in, child_out = os.dup(child_in), os.dup(child_out)
        worker = os.getpid()
        max_fd = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 4096

        def setup() -> None:
            die_with_parent(worker)
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)
            # Only 0-4: no descriptor of the worker's (the pool's pipes, the resource tracker's), which
            # would keep those open as long as the browser lives.
            os.closerange(5, max_fd)

        command = [
            path, "--headless", "--remote-debugging-pipe",
            # The pages are ipasn's own escaped HTML, with JavaScript off and no network, so the
            # sandbox (which needs user namespaces, unavailable in many containers and for root) is off.
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
            # Chromium starts its crashpad handlers all the same (outside its process group); they
            # exit by themselves when the browser is gone.
            "--hide-scrollbars", "--disable-breakpad", "--disable-crash-reporter",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--font-render-hinting=none",
            f"--user-data-dir={self.folder / 'profil'}", "about:blank",
        ]
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                # Its own session and process group (killed as one, out of reach of the terminal's
                # Ctrl-C, which is for the `ipasn` process to handle); descriptors 3 and 4 survive.
                close_fds=False, start_new_session=True, preexec_fn=setup,
                # Its own temporary files (org.chromium.Chromium.*) inside its folder: removed with it,
                # also when it is killed rather than asked to quit.
                env={**os.environ, "TMPDIR": str(self.folder)})
        except BaseException:
            os.close(self._owner)
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        finally:
            for fd in {to_child, from_child, child_in, child_out}:
                os.close(fd)
        self._write = from_parent
        self._read = to_parent
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []
        self._pages = 0
        self._session: str | None = None
        self._killed = False
        atexit.register(self.close)
        try:
            self.call("Browser.getVersion", timeout=START_TIMEOUT)
        except BaseException:
            self.kill()
            raise

    # --- protocol -------------------------------------------------------------------------------

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChromiumError("Chromium tidak menjawab (batas waktu habis)")
            ready, _, _ = select.select([self._read], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise ChromiumError("Chromium berhenti mendadak")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = PAGE_TIMEOUT) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._write, data):]
        except OSError as exc:
            raise ChromiumError("Chromium berhenti mendadak") from exc
        deadline = time.monotonic() + timeout
        while True:
            answer = self._message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ChromiumError(f"Chromium menolak perintah {method} (kode {answer['error'].get('code')})")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def _wait_event(self, name: str, session: str, timeout: float = PAGE_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == name and event.get("sessionId") == session:
                    return self._events.pop(index)
            self._events.append(self._message(deadline))

    # --- documents ------------------------------------------------------------------------------

    def _tab(self) -> str:
        """The browser's one tab (created once: a new tab costs a renderer process, ~0.15 s)."""
        if self._session is None:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            self.call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
            self.call("Page.enable", session=session)
            self._session = session
        return self._session

    def pdf(self, document: str) -> bytes:
        """Each document is a new navigation (a new address, so nothing cached applies)."""
        self._pages += 1
        page = self.folder / f"dokumen-{self._pages}.html"
        page.write_text(document, encoding="utf-8")
        try:
            session = self._tab()
            self.call("Page.navigate", {"url": page.as_uri()}, session)
            self._wait_event("Page.loadEventFired", session)
            result = self.call("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True, "generateTaggedPDF": False,
                "generateDocumentOutline": False}, session)
        finally:
            self._events.clear()
            page.unlink(missing_ok=True)
        return deterministic(base64.b64decode(result["data"]))

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """Its process group killed and its folder removed. Not `Browser.close` first: a headless
        browser with a throwaway profile has nothing to save, and asking it costs time at every run's end."""
        self.kill()

    def kill(self) -> None:
        """At once: the browser and every helper still in its process group, then its folder."""
        if self._killed:
            return  # once: afterwards the group's number may belong to someone else
        self._killed = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        for fd in (self._write, self._read, self._owner):
            try:
                os.close(fd)
            except OSError:
                pass
        self._write = self._read = self._owner = -1
        shutil.rmtree(self.folder, ignore_errors=True)


_browser: Chromium | None = None


def browser() -> Chromium:
    """This process's browser, started on first use and again if it died."""
    global _browser
    if _browser is None or not _browser.alive():
        path = executable()
        if path is None:
            raise ChromiumError("Chromium tidak ditemukan (apt-get install chromium)")
        if _browser is not None:
            _browser.close()
        _browser = Chromium(path)
    return _browser


def _kill_browser() -> None:
    if _browser is not None:
        _browser.kill()


at_stop(_kill_browser)


def html_to_pdf(document: str) -> bytes:
    try:
        return browser().pdf(document)
    except ChromiumError:
        if _browser is not None:
            _browser.close()  # the next document starts a new browser
        raise
