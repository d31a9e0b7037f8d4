"""The layering, checked on the source: every module of medialens, found with pkgutil.

Each layer may import only the layers below it, no two modules import each other (not even
lazily, inside a function), and the plugins under ``plugins/`` use only the public API.
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import medialens

ROOT = Path(medialens.__file__).parent
PLUGINS = Path(__file__).resolve().parents[2] / "plugins"

#: What each layer may import (besides itself and the ``medialens`` package's version).
ALLOWED = {
    "paths": set(),
    "api": set(),
    "hookspecs": {"api"},
    "recommend": set(),
    "store": {"api", "paths"},
    "builtins": {"api", "paths"},
    "core": {"api", "hookspecs", "store", "recommend", "builtins", "paths"},
    "testing": {"api", "core", "paths"},
    "cli": {"api", "core", "store", "paths", "gui"},
    "gui": {"api", "core", "recommend", "paths"},
}


def modules() -> dict[str, Path]:
    found = {"medialens": ROOT / "__init__.py"}
    for info in pkgutil.walk_packages([str(ROOT)], "medialens."):
        path = ROOT.joinpath(*info.name.split(".")[1:])
        found[info.name] = path / "__init__.py" if info.ispkg else path.with_suffix(".py")
    return found


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """Every medialens module ``path`` imports, at the top or inside a function."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    out: set[str] = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                out.add(sub if sub in known else module)
    return {m for m in out if m in known and m != name}


def runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:``: a type-only import runs never."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(path, name, set(found)) for name, path in found.items()}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "medialens"


def test_every_layer_imports_only_the_layers_below_it():
    wrong = sorted(
        f"{m} imports {d}"
        for m, deps in graph().items()
        for d in deps
        if layer(m) != "medialens" and layer(d) not in {layer(m), "medialens"} | ALLOWED[layer(m)]
    )
    assert wrong == []


def test_no_module_imports_itself_in_a_circle():
    g = graph()
    cycles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = [stack.pop()]
            while component[-1] != v:
                component.append(stack.pop())
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in g:
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_walk_sees_the_whole_package():
    found = modules()
    on_disk = {p for p in ROOT.rglob("*.py") if "i18n" not in p.parts or p.parent.name != "i18n"}
    assert {"medialens.core.library", "medialens.store", "medialens.gui.window"} <= set(found)
    assert len(found) >= len(on_disk) - 5


def test_plugins_use_only_the_public_api():
    wrong = []
    for path in sorted(PLUGINS.glob("*/**/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module == "medialens":
                names = [f"medialens.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            wrong += [
                f"{path.relative_to(PLUGINS)}: {n}"
                for n in names
                if n.split(".")[0] == "medialens"
                and n not in ("medialens.api", "medialens.testing")
            ]
    assert wrong == []
