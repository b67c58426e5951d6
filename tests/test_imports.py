"""The package imports cleanly: every module on its own in a fresh interpreter, and no import cycle
between modules or between the stage packages (what `ipasn/` reads as: input -> clean -> scoring ->
export / report)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ipasn"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _package(module: str) -> str:
    """The folder a module belongs to. A module beside sub-packages (ipasn/cli.py, ipasn/errors.py,
    ipasn/report/verify.py ...) is its own node: it sits above or below them, not inside one."""
    path = MODULES[module]
    beside_packages = any((sub / "__init__.py").is_file() for sub in path.parent.iterdir())
    return module if path.name == "__init__.py" or beside_packages else module.rsplit(".", 1)[0]


def _imports(path: Path) -> set[str]:
    """The ipasn modules a file imports, at any depth (a function-level import is still a dependency),
    except under `if TYPE_CHECKING:`, which never runs."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom) and child.level == 0 and (child.module or "").startswith("ipasn"):
                for alias in child.names:
                    name = f"{child.module}.{alias.name}"
                    found.add(name if name in MODULES else child.module)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names if alias.name.startswith("ipasn"))
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {name for name in found if name in MODULES}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return out


def _graph(level) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        for target in _imports(path):
            a, b = level(module), level(target)
            if a != b:
                edges.setdefault(a, set()).add(b)
    return edges


def test_no_cycle_between_modules():
    assert _cycles(_graph(lambda m: m)) == []


def test_no_cycle_between_packages():
    assert _cycles(_graph(_package)) == []


def test_the_cycle_check_can_fail():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_imports_on_its_own():
    """Each module imported first, in one fresh interpreter with every ipasn module forgotten before
    each import, so that no earlier import hides a missing one or an import-order cycle."""
    script = (
        "import importlib, sys\n"
        "failed = []\n"
        f"for name in {sorted(MODULES)!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'ipasn' or m.startswith('ipasn.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed.append(f'{name}: {error!r}')\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr[-2000:]


def test_the_slow_grammar_package_waits_until_a_check_needs_it():
    """`import ipasn` then nbformat (what the `ipasn` command and its workers do) does not compile
    rfc3987_syntax's grammars (1.7 s a process); jsonschema's "iri" check still answers as without
    ipasn, importing the real module when first asked."""
    code = (
        "import sys, ipasn, nbformat, jsonschema\n"
        "print(type(sys.modules['rfc3987_syntax']).__name__, 'lark' in sys.modules)\n"
        "check = jsonschema.FormatChecker()\n"
        "print(check.conforms('http://contoh.go.id/a', 'iri'), check.conforms('bukan iri', 'iri'))\n"
        "print(type(sys.modules['rfc3987_syntax']).__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["_StandIn False", "True False", "module"]
    # Looked at or imported the other ways, the stand-in behaves as the package.
    code = ("import importlib.util, ipasn\n"
            "assert importlib.util.find_spec('rfc3987_syntax').name == 'rfc3987_syntax'\n"
            "import rfc3987_syntax.utils\n"
            "from rfc3987_syntax import *\n"
            "print(is_valid_syntax('iri', 'http://contoh.go.id/a'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["True"]
