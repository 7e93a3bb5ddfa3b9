"""Check the shape of the `mintrender` package: imports flow one way and never loop.

    python scripts/check_imports.py        # prints the layers, the findings, exit 1 on any

Every `import` counts, at module level, inside functions and under `TYPE_CHECKING` alike:

* **no cycle** between modules (strongly connected components of the import graph);
* **one direction**: faces (CLI, preview server) -> build -> stages -> model, and a stage imports
  only itself, earlier stages or the model (load, openapi < parse, components < render < index
  < write);
* **function-level imports** carry a comment (same line or the line above) saying why they are
  not at the top;
* **no product module over 600 lines**.

The package is read from the repository's folders (`renderer/` is `mintrender`, `components/`
is `mintrender.components`, `themes/` is `mintrender.themes`), so no install is needed.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {
    "mintrender": "renderer",
    "mintrender.components": "components",
    "mintrender.themes": "themes",
}
MAX_LINES = 600

# Layers, lowest first. A module may import its own layer or lower ones only.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "model",
        (
            "mintrender",
            "mintrender.model",
            "mintrender.errors",
            "mintrender.hints",
            "mintrender.urls",
            "mintrender.safeurl",
            "mintrender.workers",
            "mintrender.cache",
            "mintrender.spill",
            "mintrender.fileio",
        ),
    ),
    ("themes", ("mintrender.themes",)),
    ("load", ("mintrender.load",)),
    ("openapi", ("mintrender.openapi",)),
    ("parse", ("mintrender.parse", "mintrender.components")),
    ("render", ("mintrender.render",)),
    ("index", ("mintrender.index",)),
    ("write", ("mintrender.write",)),
    ("build", ("mintrender.build", "mintrender.buildcache", "mintrender.check")),
    ("faces", ("mintrender.cli", "mintrender.__main__", "mintrender.serve")),
)
# Stages that may see each other's modules (same rank): load and openapi, parse and components.
RANK = {"model": 0, "themes": 0, "load": 1, "openapi": 1, "parse": 2, "render": 3, "index": 4}
RANK |= {"write": 5, "build": 6, "faces": 7}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    file: str
    line: int
    in_function: bool
    commented: bool


def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    found: dict[str, Path] = {}
    for package, folder in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("").parts
            if rel[-1] == "__init__":
                rel = rel[:-1]
            name = ".".join((package, *rel))
            # a folder mapped on its own (components/) wins over a same-named subfolder
            found.setdefault(name, path)
    return found


def layer_of(module: str) -> str:
    best = ("", "")
    for layer, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best[1]):
                best = (layer, prefix)
    return best[0]


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def edges(known: dict[str, Path]) -> list[Edge]:
    out: list[Edge] = []
    for module, path in known.items():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        is_package = path.name == "__init__.py"

        def add(
            node: ast.Import | ast.ImportFrom,
            depth: int,
            module: str = module,
            path: Path = path,
            lines: list[str] = lines,
            is_package: bool = is_package,
        ) -> None:
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parts = module.split(".") if is_package else module.split(".")[:-1]
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in known else base)
            here = lines[node.lineno - 1]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            commented = "#" in here or above.startswith("#")
            for target in targets:
                resolved = _resolve(target, known) if target.startswith("mintrender") else None
                if resolved and resolved != module:
                    out.append(
                        Edge(
                            module,
                            resolved,
                            str(path.relative_to(ROOT)),
                            node.lineno,
                            depth > 0,
                            commented,
                        )
                    )

        def visit(node: ast.AST, depth: int) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    add(child, depth)
                elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    visit(child, depth + 1)
                else:
                    visit(child, depth)

        visit(ast.parse(text, str(path)), 0)
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        item = stack.pop()
                        on_stack.discard(item)
                        component.append(item)
                        if item == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def main() -> int:
    known = modules()
    all_edges = edges(known)
    graph: dict[str, set[str]] = {name: set() for name in known}
    for edge in all_edges:
        graph[edge.source].add(edge.target)
    problems: list[str] = []

    for component in cycles(graph):
        problems.append("cycle: " + " <-> ".join(component))
        for edge in all_edges:
            if edge.source in component and edge.target in component:
                problems.append(f"  {edge.file}:{edge.line}: {edge.source} -> {edge.target}")

    for edge in all_edges:
        src, dst = layer_of(edge.source), layer_of(edge.target)
        if RANK[dst] > RANK[src]:
            problems.append(
                f"{edge.file}:{edge.line}: {src} imports a later layer: {edge.source} -> "
                f"{edge.target} ({dst})"
            )
        if edge.in_function and not edge.commented:
            problems.append(
                f"{edge.file}:{edge.line}: function-level import of {edge.target} without a "
                "comment saying why"
            )

    for path in known.values():
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_LINES:
            problems.append(f"{path.relative_to(ROOT)}: {count} lines (limit {MAX_LINES})")

    in_function = sum(1 for e in all_edges if e.in_function)
    print(f"{len(known)} modules, {len(all_edges)} imports ({in_function} inside functions)")
    for layer, _ in LAYERS:
        members = [m for m in known if layer_of(m) == layer]
        print(f"  {layer:8} {len(members):3} modules")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems" if problems else "no cycle, imports flow one way")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
