"""ipasn owns three small copies of upstream code, and says so: this test fails when the upstream
code they mirror changes, so that each copy is re-read against the new upstream before the pinned
upper bound in pyproject.toml (and environment.yml) is raised.

- `ipasn/report/document/render.py` `ReportExporter.from_notebook_node`: nbconvert's
  `HTMLExporter.from_notebook_node` without its BeautifulSoup pass (uses `_init_resources`,
  `_nb_metadata`).
- `ipasn/report/document/kernels.py` `ReadyClient.wait_for_ready`: jupyter_client's
  `KernelClient._async_wait_for_ready` without the 0.2 s idle wait (uses `_handle_kernel_info_reply`).
- `ipasn/report/document/kernels.py` `ForkedKernelManager._async_launch_kernel`: jupyter_client's,
  with the process forked by the zygote (uses the provisioner and `_reconcile_connection_info`).

When it fails: read the new upstream source, adapt the copy (or drop it), run the report tests
(tests/test_pdf.py, tests/test_run_end_to_end.py, tests/test_reproducibility.py), then record the
new hash here.
"""

from __future__ import annotations

import hashlib
import inspect

import pytest

MIRRORED = {
    "nbconvert.HTMLExporter.from_notebook_node":
        "3dccafff45cc4e749766089c7de2f5385ac071e03f4f5a15bfb3b025f54893b9",
    "jupyter_client.client.KernelClient._async_wait_for_ready":
        "0d732ad86fea311502a6bfc53d8b1be6055f3813ec4f13ef717f8adbbd37ec56",
    "jupyter_client.manager.KernelManager._async_launch_kernel":
        "5ba0dfe7cf7e85aaffded42413d87286b9f7a820bc41570c4f88184217378ee9",
}


def _resolve(dotted: str):
    import importlib

    module, owner, attribute = dotted.rsplit(".", 2)
    return getattr(getattr(importlib.import_module(module), owner), attribute)


@pytest.mark.parametrize("dotted", sorted(MIRRORED))
def test_mirrored_upstream_code_is_unchanged(dotted):
    source = inspect.getsource(_resolve(dotted))
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    assert digest == MIRRORED[dotted], (
        f"{dotted} changed upstream: re-read ipasn's copy against it (see this file's docstring), "
        f"then record {digest}")


def test_private_hooks_still_exist():
    """The private names the copies call are still there."""
    from jupyter_client.blocking.client import BlockingKernelClient
    from jupyter_client.manager import KernelManager
    from nbconvert import HTMLExporter

    assert callable(getattr(HTMLExporter, "_init_resources", None))
    assert callable(getattr(BlockingKernelClient, "_handle_kernel_info_reply", None))
    assert callable(getattr(KernelManager, "_reconcile_connection_info", None))
