"""The house rules: imports point down, never in a circle, and SQL and the database
connection live only in db/ (behind store.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kbm_tui

PACKAGE = Path(kbm_tui.__file__).parent
# Lower layers first; a module may import from its own part and from parts below it.
LAYERS = {"core": 0, "db": 1, "store": 2, "backup": 3, "demo": 3, "moving": 3, "ui": 4, "widgets": 5,
          "screens": 6, "app": 7, "cli": 7}
# The command line opens the app when given no command, and never touches the screens.
ALLOWED_UP = {("cli", "app")}
SQL = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)|DROP\s+(TABLE|INDEX|TRIGGER)|"
                 r"PRAGMA\s+\w+|BEGIN\s+IMMEDIATE|ROLLBACK|SAVEPOINT)\b", re.S)
DRIVERS = {"sqlite3", "psycopg", "psycopg2"}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "core"  # kbm_tui itself: the version


def imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Every kbm_tui module this one imports, at the top or inside a function."""
    found = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {m: imports(p, m, set(known)) for m, p in known.items()}


def test_imports_point_down():
    wrong = []
    for module, targets in graph().items():
        for target in targets:
            a, b = part(module), part(target)
            if a == b or (a, b) in ALLOWED_UP:
                continue
            if LAYERS[b] >= LAYERS[a]:
                wrong.append(f"{module} imports {target}")
            elif b == "db" and a != "store":
                wrong.append(f"{module} imports {target}: outside db/, use kbm_tui.store")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycles():
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert not cycles, cycles


def test_package_inits_stay_empty():
    for path in PACKAGE.rglob("__init__.py"):
        if path.parent != PACKAGE:
            assert path.read_text().strip() == "", path


def test_sql_and_the_connection_live_only_in_db():
    wrong = []
    for module, path in modules().items():
        if part(module) == "db":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    SQL.search(node.value):
                wrong.append(f"{module}:{node.lineno}: SQL {node.value[:40]!r}")
            elif isinstance(node, ast.Attribute) and node.attr == "conn":
                wrong.append(f"{module}:{node.lineno}: reaches into .conn")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                if any(n.split(".")[0] in DRIVERS for n in names):
                    wrong.append(f"{module}:{node.lineno}: imports a database driver")
    assert not wrong, "\n".join(wrong)


def test_the_checks_above_can_fail():
    """The rules catch what they are meant to: a made-up upward import and SQL outside."""
    assert SQL.search("SELECT id FROM customer") and SQL.search("PRAGMA data_version")
    assert not SQL.search("Select a customer from the list")
    assert LAYERS["core"] < LAYERS["db"] < LAYERS["store"] < LAYERS["screens"] < LAYERS["app"]
    assert part("kbm_tui.db.customers") == "db" and part("kbm_tui.store") == "store"
