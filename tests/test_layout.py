"""The package's shape: no import circles, no upward imports, small modules and functions.

The import graph is read with :mod:`ast` from the sources (imports inside functions count:
a lazy import hides a circle, it does not remove it)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "sideline"

#: layers, lowest first: a module may import from its own layer and the ones below it.
#: Inside ``stages``, a stage package may import only the stages that run before it.
LAYERS = (
    ("sideline.errors", "sideline.records", "sideline.types", "sideline.lexicons", "sideline.codec"),
    ("sideline.knowledge",),
    ("sideline.stages",),
    ("sideline.pipeline", "sideline.engines"),
    ("sideline.ledger",),
    ("sideline.store",),
    ("sideline.export", "sideline.query", "sideline.aggregate", "sideline.evaluate"),
    ("sideline.browse",),
    ("sideline.api", "sideline.web"),
    ("sideline.commands",),
    ("sideline.cli", "sideline"),
)
STAGE_ORDER = ("ingest", "clean", "nlp", "actors", "events", "time", "place", "dedupe")


def modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for f in sorted(PKG.rglob("*.py")):
        parts = list(f.relative_to(PKG.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (f, is_pkg)
    return out


def _absolute(mod: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, set[str]]:
    """module -> the sideline modules it imports (a package import is an edge to its __init__)."""
    mods = modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, (path, is_pkg) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(mod, is_pkg, node)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            for t in targets:
                while t and t not in mods:
                    t = t.rpartition(".")[0]
                if t and t != mod and t.startswith("sideline"):
                    graph[mod].add(t)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layer(mod: str) -> int:
    best, rank = -1, -1
    for i, names in enumerate(LAYERS):
        for name in names:
            if (mod == name or mod.startswith(name + ".")) and len(name) > best:
                best, rank = len(name), i
    return rank


def stage_of(mod: str) -> int | None:
    parts = mod.split(".")
    if len(parts) > 2 and parts[1] == "stages" and parts[2] in STAGE_ORDER:
        return STAGE_ORDER.index(parts[2])
    return None


def upward(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for mod, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if dep == "sideline" or mod.startswith(dep + ".") and dep.endswith("__init__"):
                continue
            if layer(dep) > layer(mod):
                bad.append(f"{mod} -> {dep}")
            a, b = stage_of(mod), stage_of(dep)
            if a is not None and b is not None and b > a:
                bad.append(f"{mod} -> {dep} (a later stage)")
    return bad


def test_the_graph_sees_known_edges():
    graph = import_graph()
    assert "sideline.records" in graph["sideline.pipeline"]
    assert "sideline.stages.events.triggers" in graph["sideline.stages.events.stage"]


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles():
    assert cycles(import_graph()) == []


def test_every_module_has_a_layer():
    assert [m for m in modules() if layer(m) < 0] == []


def test_no_upward_imports():
    assert upward(import_graph()) == []


def test_top_level_holds_at_most_15_modules():
    top = [p.name for p in PKG.glob("*.py")]
    assert "api.py" in top
    assert len(top) <= 15, top


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_modules_and_functions_are_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert long == []


def test_public_import_paths_still_work():
    from sideline.export import export
    from sideline.ledger import Ledger
    from sideline.stages.actors import Actors
    from sideline.stages.clean import Clean
    from sideline.stages.events import Events
    from sideline.stages.ingest import read_inputs
    from sideline.stages.place import Place
    from sideline.stages.time import Time
    from sideline.store import Store

    assert all(callable(x) for x in (export, Ledger, Actors, Clean, Events, read_inputs, Place, Time, Store))


def _stage_reads(paths: list[Path]) -> set[str]:
    """The Document fields read as ``doc.<field>`` in these modules."""
    from sideline.records import Document

    fields = set(Document.__dataclass_fields__)
    reads = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "doc" and node.attr in fields and isinstance(node.ctx, ast.Load):
                reads.add(node.attr)
    return reads


def test_stages_declare_every_field_they_read():
    root = PKG / "stages"
    found = {}
    for name in ("clean", "nlp", "actors", "events", "time", "place", "dedupe"):
        pkg = root / name
        paths = sorted(pkg.glob("*.py")) if pkg.is_dir() else [root / f"{name}.py"]
        found[name] = _stage_reads(paths)
    assert "published" in found["events"]  # the reader sees what it must
    from sideline.stages.actors import Actors
    from sideline.stages.clean import Clean
    from sideline.stages.dedupe import Dedupe
    from sideline.stages.events import Events
    from sideline.stages.nlp import NLP
    from sideline.stages.place import Place
    from sideline.stages.time import Time

    undeclared = {}
    for cls in (Clean, NLP, Actors, Events, Time, Place, Dedupe):
        declared = {f.split(".")[0] for f in cls.requires + cls.provides} | {"article"}
        missing = found[cls.name] - declared
        if missing:
            undeclared[cls.name] = sorted(missing)
    assert undeclared == {}
