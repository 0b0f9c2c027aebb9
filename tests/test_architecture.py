"""The import graph of simulator/, read with `ast`: no cycle, and no import runs back up a layer.

The data moves one way (docs/architecture.md), so a module may import only from its own layer
or the layers below it. Importing `a.b.c` also runs `a/__init__.py` and `a/b/__init__.py`, so
those count as imported too: a package that is imported from low down (scoring, for its
thresholds) keeps its `__init__` empty. Imports inside functions hide a stage from the
graph; the only ones allowed are listed below with their reason (heavy optional libraries,
start-up time), or are outside this issue's part and named with the issue that owns them.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIMULATOR = ROOT / "simulator"

# Bottom to top, in pipeline order. "x" is the module x (or the package x's __init__); "x.*"
# is every module inside package x. The most specific pattern decides a module's layer.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("records", ("simulator", "simulator.types", "simulator.errors", "simulator.home", "simulator.console",
                 "simulator.progressbar", "simulator.wording", "simulator.scoring", "simulator.scoring.thresholds",
                 "simulator.scoring.point_thresholds", "simulator.scoring.flag_thresholds")),
    ("areas", ("simulator.areas",)),  # the table of metrics, read by every stage from here up
    ("audio", ("simulator.audio", "simulator.sound", "simulator.devices")),
    ("banks", ("simulator.banks", "simulator.banks.*")),
    ("interviewer", ("simulator.interviewer",)),
    ("voice", ("simulator.voice",)),
    # The engines sit below listening: the microphone transcribes while the candidate speaks.
    ("transcribe", ("simulator.transcribe", "simulator.transcribe.*")),
    # The sentence model, used by scoring (and fed while the candidate speaks).
    ("meaning", ("simulator.meaning", "simulator.meaning.*")),
    ("listen", ("simulator.listen", "simulator.listen.*")),
    ("scoring", ("simulator.scoring.*",)),
    ("coach", ("simulator.coach", "simulator.coach.*")),
    ("assess", ("simulator.assess",)),
    ("notebook", ("simulator.serialize", "simulator.notebook", "simulator.notebook.*")),
    ("review", ("simulator.review", "simulator.review.*")),
    ("session", ("simulator.session",)),
    ("demo", ("simulator.demo",)),
    ("cli", ("simulator.cli", "simulator.cli.*", "simulator.__main__")),
)

# Imports of simulator modules inside functions, allowed by (importer, imported) pattern.
FUNCTION_LEVEL: dict[tuple[str, str], str] = {
    ("simulator.cli.*", "simulator.*"): "each command loads only its own stages (Whisper, numpy, "
                                        "sounddevice), so `--help` and the quick commands start fast",
    ("simulator.transcribe", "simulator.transcribe.*"): "an engine is imported when chosen: each pulls "
                                                        "faster-whisper or torch at its top",
    ("simulator.transcribe.openai", "simulator.transcribe.convert"): "conversion needs torch, only once",
    ("simulator.transcribe.openai", "simulator.home"): "issue 14 step 5 (listen/transcription)",
    ("simulator.transcribe.faster", "simulator.progressbar"): "issue 14 step 5 (listen/transcription)",
    ("simulator.transcribe.openai", "simulator.progressbar"): "issue 14 step 5 (listen/transcription)",
}

# Imports that run back up a layer, each waiting on the change that removes it.
UPWARD: dict[tuple[str, str], str] = {}
# Cycles closed only by an import inside a function, each waiting on the change that removes it.
DODGED_CYCLES: dict[tuple[str, str], str] = {
    # make_transcriber imports an engine, and the engine imports the package's DecodeOptions
    ("simulator.transcribe", "simulator.transcribe.*"): "issue 14 step 5 (listen/transcription)",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SIMULATOR.rglob("*.py")}


def matches(module: str, pattern: str) -> bool:
    if pattern.endswith(".*"):
        return module.startswith(pattern[:-1])
    return module == pattern


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (specificity, layer)
    for number, (_, patterns) in enumerate(LAYERS):
        for pattern in patterns:
            if matches(module, pattern):
                specificity = len(pattern) + (0 if pattern.endswith(".*") else 1000)
                if best is None or specificity > best[0]:
                    best = (specificity, number)
    return None if best is None else best[1]


def _resolve(importer: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The simulator modules an import statement names (a package's __init__ for its names)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "simulator"]
    if node.level:
        package = importer if MODULES[importer].name == "__init__.py" else importer.rsplit(".", 1)[0]
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "simulator":
        return []
    return [f"{target}.{a.name}" if f"{target}.{a.name}" in MODULES else target for a in node.names]


def imports() -> list[tuple[str, str, bool]]:
    """(importer, imported, at module level) for every import of a simulator module."""
    out = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(n) for n in tree.body}
        # `if TYPE_CHECKING:` imports never run: they are for annotations only.
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                       and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                       for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                out.extend((name, target, id(node) in top) for target in _resolve(name, node))
    return out


def _allowed(table: dict[tuple[str, str], str], importer: str, imported: str) -> bool:
    return any(matches(importer, a) and matches(imported, b) for a, b in table)


def _with_parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:k]) for k in range(1, len(parts) + 1)]


def test_every_module_has_a_layer():
    unplaced = sorted(m for m in MODULES if layer_of(m) is None)
    assert not unplaced, f"add these to LAYERS in tests/test_architecture.py: {unplaced}"


def test_no_import_runs_back_up_a_layer():
    upward = []
    for importer, imported, _ in imports():
        for module in _with_parents(imported):  # importing a.b.c runs a and a.b too
            if module in MODULES and layer_of(module) > layer_of(importer) \
                    and not _allowed(UPWARD, importer, module):
                upward.append(f"{importer} ({LAYERS[layer_of(importer)][0]}) -> {module} "
                              f"({LAYERS[layer_of(module)][0]})")
    assert not upward, upward


def test_imports_inside_functions_are_only_the_listed_ones():
    hidden = sorted({(importer, imported) for importer, imported, top in imports()
                     if not top and not _allowed(FUNCTION_LEVEL, importer, imported)})
    assert not hidden, hidden


def test_the_import_graph_has_no_cycle():
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for importer, imported, _ in imports():
        if imported != importer and not _allowed(UPWARD, importer, imported) \
                and not _allowed(DODGED_CYCLES, importer, imported):
            graph[importer].add(imported)
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join(path[path.index(module):] + [module]))
        if module in done:
            return
        for nxt in sorted(graph.get(module, ())):
            visit(nxt, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_no_module_is_long():
    """Short modules, one job each: past about 400 lines a module is doing two."""
    long = {str(p.relative_to(ROOT)): n for p in SIMULATOR.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long


def test_nothing_in_the_review_imports_the_live_session():
    assert not [(a, b) for a, b, _ in imports() if a.startswith("simulator.review") and
                (b == "simulator.session" or b.startswith(("simulator.session.", "simulator.listen")))]


def test_the_checks_see_real_violations():
    """The graph reader finds what it must: imports at the top, inside functions, and in packages."""
    found = imports()
    assert ("simulator.transcribe.faster", "simulator.progressbar", False) in found
    assert ("simulator.review.progress", "simulator.notebook.history", True) in found
    assert ("simulator.assess", "simulator.coach", True) in found
    assert ("simulator.coach.tips.content", "simulator.coach.tips.registry", True) in found
    assert layer_of("simulator.scoring.thresholds") < layer_of("simulator.areas") < layer_of("simulator.scoring.text")
    assert not any(a.startswith("simulator.scoring") and b.startswith("simulator.coach") for a, b, _ in found)
