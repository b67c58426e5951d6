"""The zygote process (see kernels.py): import once, then fork one fresh ipykernel per request.

Started as `python -m ipasn.report.document.zygote WORKER_PID MODULE...`; each MODULE may name
functions to call once before forking (`WARM_UP`) and in each kernel with its shell (`KERNEL_SETUP`).
Protocol on stdin/stdout, one JSON line per request: {"connection_file": ..., "cwd": ...}; the
answer is the child's pid. End of input ends the zygote. The death of its worker kills the zygote,
and the zygote's kills each kernel (their parent-death signal, see lifetime.py). Nothing here may
start a thread or a zmq context before forking: children must start clean.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import signal
import sys
import threading

from ipasn.report.lifetime import die_with_parent

# What an ipykernel imports while it starts, after the fork (found by comparing sys.modules before
# and after IPKernelApp.initialize in a forked kernel, ipykernel 7): its debugger (debugpy and
# pydevd: about half of a kernel's start, 0.08 s of CPU per document), the magics, and what
# jupyter_client reads the connection file with. Imported here once instead of in every kernel; none
# starts a Python thread when imported (the zygote checks before it says it is ready).
KERNEL_IMPORTS = ("ipykernel.ipkernel", "ipykernel.debugger", "IPython.core.magics",
                  "IPython.core.completerlib", "IPython.core.debugger", "IPython.extensions.storemagic",
                  "jupyter_client.localinterfaces", "tornado.queues", "psutil")


def _become_kernel(connection_file: str, cwd: str, zygote: int, setups: list) -> None:
    """In the forked child: a new process group, quiet standard streams, then an ordinary kernel."""
    die_with_parent(zygote)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the notebook's own subprocesses need waitpid
    os.setpgid(0, 0)
    os.chdir(cwd)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", connection_file, "--HistoryManager.enabled=False"])
    for part in setups:
        part(app.shell)  # e.g. figures and tables shown the report's way (report/content/inline.py)
    app.start()


def main(worker: int, warm_imports: list[str]) -> None:
    die_with_parent(worker)
    # The backend every ipykernel chooses (it sets the same variable before matplotlib is imported):
    # the zygote imports matplotlib for its kernels, so it must not settle on a GUI or Agg backend.
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    import ipykernel.kernelapp  # noqa: F401 - the kernel itself, the biggest import
    import IPython  # noqa: F401

    # pydevd warns on stderr, which is the worker's, that Python's frozen modules hide breakpoints.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for name in KERNEL_IMPORTS:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional part (debugpy): a kernel does without it too
            pass
    setups = []
    for name in warm_imports:
        module = importlib.import_module(name)
        for part in getattr(module, "WARM_UP", ()):
            part()  # e.g. load fonts once, so no child pays for it
        setups.extend(getattr(module, "KERNEL_SETUP", ()))  # run in each kernel, with its shell
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    # Everything imported so far lives as long as each kernel: keep it out of the garbage collector's
    # sight, so a kernel's collections neither walk it nor copy its pages (copy-on-write) after fork.
    gc.collect()
    gc.freeze()
    # A Python thread alive now would be missing in every kernel, holding whatever locks it held:
    # refuse, and the worker starts its kernels the ordinary way. (Native pools such as OpenBLAS's and
    # jemalloc's register their own fork handlers.)
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if others:
        print(f"threads before fork: {', '.join(others)}", flush=True)
        return
    print("ready", flush=True)
    me = os.getpid()
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _become_kernel(request["connection_file"], request["cwd"], me, setups)
            finally:
                os._exit(0)
        print(pid, flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
