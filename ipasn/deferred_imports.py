"""Third-party modules that cost seconds on import for something ipasn never uses: imported on first use.

`jsonschema` (which nbformat, and so papermill and nbconvert, import) imports `rfc3987_syntax` when it
is installed (Jupyter's packages pull it in) to check the "iri" string format, and that package
compiles 38 parsing grammars on import: 1.7 s of CPU in every process that imports nbformat (the
`ipasn` command, each of its workers), against 0.3 s for the rest of nbformat. ipasn never checks that
format. A stand-in module takes its place until something calls it; then the real one is imported,
so every check still works as without ipasn.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

SLOW = "rfc3987_syntax"


def _real() -> types.ModuleType:
    if isinstance(sys.modules.get(SLOW), _StandIn):
        del sys.modules[SLOW]
    return importlib.import_module(SLOW)


class _StandIn(types.ModuleType):
    """Every attribute (`is_valid_syntax`, the one jsonschema takes) reaches the real module."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "is_valid_syntax":  # taken at import time by jsonschema: a function that imports on call
            return lambda *args, **kwargs: _real().is_valid_syntax(*args, **kwargs)
        return getattr(_real(), name)


def defer() -> None:
    """Put the stand-in in place, unless the module is already imported or not installed."""
    if SLOW in sys.modules or importlib.util.find_spec(SLOW) is None:
        return
    sys.modules[SLOW] = _StandIn(SLOW, "imported on first use (ipasn.deferred_imports)")
