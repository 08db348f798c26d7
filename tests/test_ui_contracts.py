"""Import contracts of the interface: it reaches the draft only through the workspace, and has no import cycle.

Walks every module under ``untoc_desktop/ui`` with :mod:`ast` (nothing is imported, so no Qt is needed).
"""

import ast
from pathlib import Path

import untoc_desktop

PACKAGE = Path(untoc_desktop.__file__).parent
UI = PACKAGE / "ui"
FORBIDDEN_MODULES = ("sqlalchemy", "sqlite3", "untoc_desktop.draft.store")
#: Calls the interface leaves to the workspace (``Draft.create``/``Draft.open`` and draft writes).
FORBIDDEN_METHODS = ("save_copy", "update_info", "set_property")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Absolute names of the modules (and module attributes) ``path`` imports, with line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.append((module, node.lineno))
            found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _ui_modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_the_interface_never_imports_the_storage_sqlalchemy_or_sqlite3():
    bad = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in _ui_modules()
        for name, line in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_MODULES)
    ]
    assert bad == []


def test_the_interface_never_creates_opens_or_writes_a_draft_itself():
    bad = []
    for path in _ui_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            target, name = node.func.value, node.func.attr
            if name in FORBIDDEN_METHODS or (
                name in ("create", "open") and isinstance(target, ast.Name) and target.id == "Draft"
            ):
                bad.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls {ast.unparse(node.func)}")
    assert bad == []


#: Storage modules whose plain records the interface takes from ``untoc_desktop.draft.records`` instead.
STORAGE_RECORD_MODULES = ("untoc_desktop.draft.correspondence", "untoc_desktop.draft.register")
#: Storage functions the interface reaches through the workspace (``Workspace.restore_backup`` and so on).
STORAGE_FUNCTIONS = ("restore_backup", "recover_copy")


def test_the_interface_takes_records_from_the_records_module_not_from_the_storage_rooms():
    bad = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in _ui_modules()
        for name, line in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in STORAGE_RECORD_MODULES)
        or name.rpartition(".")[2] in STORAGE_FUNCTIONS
    ]
    assert bad == []


def test_the_interface_restores_recovers_and_closes_drafts_through_the_workspace():
    bad = []
    for path in _ui_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            target, name = node.func.value, node.func.attr
            through_workspace = isinstance(target, ast.Name) and target.id == "Workspace"
            reaches_draft = isinstance(target, ast.Attribute) and target.attr == "draft"
            if (name in STORAGE_FUNCTIONS and not through_workspace) or (
                reaches_draft and name in ("close", "answer", "answers", "property")
            ):
                bad.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls {ast.unparse(node.func)}")
    assert bad == []


def test_only_the_application_imports_the_main_window():
    importers = [
        str(path.relative_to(PACKAGE))
        for path in _ui_modules()
        if any(name.startswith("untoc_desktop.ui.window.main_window") for name, _line in _imports(path))
        and path.name != "main_window.py"
    ]
    assert importers == ["ui/app.py"]


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in _ui_modules()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported, _line in _imports(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not modules[imported].name == "__init__.py":
                targets.add(imported)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_interface_has_no_import_cycle():
    assert _cycles(_graph()) == []
