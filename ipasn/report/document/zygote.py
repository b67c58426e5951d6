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

from ipasn.report.lifetime import die_with_parent


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
