"""Third-party modules that cost seconds on import for something ipasn never uses: imported on first use.

`jsonschema` (which nbformat, and so papermill and nbconvert, import) imports `rfc3987_syntax` when it
is installed (Jupyter's packages pull it in) to check the "iri" string format, and that package
compiles 38 parsing grammars on import: 1.7 s of CPU in every process that imports nbformat (the
`ipasn` command, each of its workers), against 0.3 s for the rest of nbformat. ipasn never checks that
format. A stand-in module takes its place until something uses it; then the real one is imported, so
every check still works as without ipasn.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

SLOW = "rfc3987_syntax"
_lock = threading.Lock()
# Asked for by the import system and by tools that look a module over: answered by the stand-in itself.
_OWN = frozenset({"__spec__", "__path__", "__file__", "__loader__", "__name__", "__package__", "__doc__"})


def _real() -> types.ModuleType:
    with _lock:
        if isinstance(sys.modules.get(SLOW), _StandIn):
            del sys.modules[SLOW]
        return importlib.import_module(SLOW)


def _is_valid_syntax(*args, **kwargs) -> bool:
    """The function jsonschema takes when it is imported: the real one on the first call. A package
    that cannot be imported checks nothing, as jsonschema does without it."""
    try:
        check = _real().is_valid_syntax
    except ImportError:
        return True
    return check(*args, **kwargs)


class _StandIn(types.ModuleType):
    """Any other name (`__all__`, `__version__`, the package's functions) imports the real module."""

    def __getattr__(self, name: str):
        if name in _OWN or (name.startswith("__") and name not in ("__all__", "__version__")):
            raise AttributeError(name)
        if name == "is_valid_syntax":
            return _is_valid_syntax
        real = _real()
        if name == "__all__" and not hasattr(real, "__all__"):  # `from ... import *`: the real public names
            return [key for key in vars(real) if not key.startswith("_")]
        return getattr(real, name)


def defer() -> None:
    """Put the stand-in in place, unless the module is already imported or not installed."""
    if SLOW in sys.modules:
        return
    spec = importlib.util.find_spec(SLOW)
    if spec is None:
        return
    stand_in = _StandIn(SLOW, "imported on first use (ipasn.deferred_imports)")
    # What the import system reads: `import rfc3987_syntax.utils` still finds the package's files.
    stand_in.__spec__, stand_in.__loader__, stand_in.__file__ = spec, spec.loader, spec.origin
    if spec.submodule_search_locations is not None:
        stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules[SLOW] = stand_in
