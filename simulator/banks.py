"""Question banks: safe YAML loading with every problem reported by line, listing, the starter bank.

Problems read `"{path}:{line}: {field}: {message}"`, with 0-based list indexes in the field
(`questions[3].key_points[1]`); problems about the whole file leave the field (or line) out.
Loading never runs code: the YAML is read as a stream of parser events and composed here, so
no constructor ever sees a tag, and size, nesting depth and alias expansion are bounded before
anything is built.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import BankError, UserError
from .home import user_banks_dir
from .types import KINDS, Bank, KeyPoint, Question, Turn

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # a bank needs 7: bank, questions, question, turns, turn, key points, phrasings
MAX_NODES = 20_000  # values after expanding aliases; ~400 questions (bundled: ~47 a question)
MAX_PROBLEMS = 200  # a hostile file could yield one problem per value; nobody reads past this
BANK_SUFFIXES = (".yaml", ".yml")

_NAME = re.compile(r"[a-z0-9-]+")
# Characters YAML does not allow in a document (C0/C1 controls other than tab and newlines).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same events, faster
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

TOP_KEYS = ("bank", "title", "questions")
QUESTION_KEYS = ("id", "text", "category", "kind", "key_points", "follow_up", "answer_seconds",
                 "turns")
TURN_KEYS = ("line", "key_points")
# Words people reach for instead of the real key; difflib catches the typos.
_SYNONYMS = {"name": "bank", "question": "text", "prompt": "text", "lines": "turns",
             "followup": "follow_up", "keypoints": "key_points", "points": "key_points",
             "type": "kind", "seconds": "answer_seconds"}


# --- composing the YAML event stream into line-numbered nodes --------------------------------


class _Node:
    """A YAML value and its 1-based line: a scalar, a list of nodes, or a list of (key, value)."""

    __slots__ = ("kind", "value", "line", "size", "done", "bad")

    def __init__(self, kind: str, value: Any, line: int, bad: bool = False):
        self.kind = kind  # "scalar" | "seq" | "map"
        self.value = value
        self.line = line
        self.size = 1  # values in this subtree with aliases expanded
        self.done = kind == "scalar"
        self.bad = bad  # already reported (a refused tag): checks stay quiet about it


class _Refused(Exception):
    """The document cannot be composed safely or at all; stop reading it."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1 implicit types: 12 is a number, yes is true
_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # used only on plain scalars: int, float, bool


def _refuse_tag(tag: str, line: int, problems: _Problems) -> None:
    problems.add(line, None, f"the tag {_short_tag(tag)} is not allowed: a bank is plain data "
                             "(text, numbers, lists) and nothing in it is ever run")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag


def _scalar(event: yaml.ScalarEvent, line: int, problems: _Problems) -> _Node:
    """The scalar's Python value, resolved like YAML 1.1 (so `yes` is True); exotic tags refused."""
    tag = event.tag
    if tag is None and not event.implicit[0]:  # quoted: always text
        return _Node("scalar", event.value, line)
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _YAML_TAG + "str":
            return _Node("scalar", event.value, line)
    elif tag not in _SCALAR_TAGS:
        _refuse_tag(tag, line, problems)
        return _Node("scalar", event.value, line, bad=True)
    node = yaml.ScalarNode(tag, event.value)
    try:
        if tag == _YAML_TAG + "null":
            value: Any = None
        elif tag == _YAML_TAG + "bool":
            value = _CONSTRUCTOR.construct_yaml_bool(node)
        elif tag == _YAML_TAG + "int":
            value = _CONSTRUCTOR.construct_yaml_int(node)
        elif tag == _YAML_TAG + "float":
            value = _CONSTRUCTOR.construct_yaml_float(node)
        else:  # str, and timestamps or merge keys, which a bank only ever means as text
            value = event.value
    except (ArithmeticError, LookupError, ValueError, TypeError):  # `!!float ""` is an IndexError
        problems.add(line, None, f"{event.value!r} is not a valid {_short_tag(tag)}")
        return _Node("scalar", event.value, line, bad=True)
    return _Node("scalar", value, line)


def _compose(text: str, problems: _Problems) -> _Node | None:
    """The first document as nodes, or None when it is empty; raises _Refused on hostile input.

    Depth and alias expansion are counted event by event, so a file of 100k brackets or a
    "billion laughs" is refused after a few dozen events, long before memory or time grow.
    """
    stack: list[_Node] = []
    anchors: dict[str, _Node] = {}
    root: _Node | None = None
    documents = 0
    total = 0
    for event in yaml.parse(text, Loader=_LOADER):
        cls = type(event)
        line = event.start_mark.line + 1
        if cls is yaml.ScalarEvent:
            node = _scalar(event, line, problems)
            total += 1
        elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
            _finish(stack.pop())
            continue
        elif cls is yaml.SequenceStartEvent or cls is yaml.MappingStartEvent:
            kind = "seq" if cls is yaml.SequenceStartEvent else "map"
            bad = event.tag not in (None, "!", _YAML_TAG + kind)
            if bad:
                _refuse_tag(event.tag, line, problems)
            node = _Node(kind, [], line, bad=bad)
            total += 1
        elif cls is yaml.AliasEvent:
            node = anchors.get(event.anchor)  # type: ignore[assignment]
            if node is None:
                raise _Refused(line, f"*{event.anchor} refers to an anchor &{event.anchor} that "
                                     "is not defined above it")
            if not node.done:
                raise _Refused(line, f"*{event.anchor} refers to a value that contains itself")
            total += node.size
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Refused(line, "a second YAML document starts here ('---'); a bank file "
                                     "holds one document")
            continue
        else:  # stream start/end, document end
            continue
        if total > MAX_NODES:
            raise _Refused(line, f"more than {MAX_NODES:,} values (counting each use of an "
                                 "alias); this is not a question bank")
        if cls is not yaml.AliasEvent and event.anchor:
            anchors[event.anchor] = node
        if stack:
            stack[-1].value.append(node)
        else:
            root = node
        if not node.done:
            stack.append(node)
            if len(stack) > MAX_DEPTH:
                raise _Refused(line, f"values nested more than {MAX_DEPTH} levels deep; a "
                                     "bank needs about 7")
    return root


def _finish(node: _Node) -> None:
    """Close a collection: count its expanded size and pair up mapping keys and values."""
    children: list[_Node] = node.value
    node.size = 1 + sum(child.size for child in children)
    if node.kind == "map":
        node.value = list(zip(children[0::2], children[1::2]))
    node.done = True


# --- problems --------------------------------------------------------------------------------


class _Problems:
    """Problem lines for one file, capped so hostile input cannot produce megabytes of them."""

    def __init__(self, shown: str):
        self.shown = shown
        self.found: list[tuple[int, str]] = []
        self.dropped = 0

    @property
    def full(self) -> bool:
        return len(self.found) >= MAX_PROBLEMS

    def __bool__(self) -> bool:
        return bool(self.found)

    def add(self, line: int | None, field: str | None, message: str) -> None:
        if self.full:
            self.dropped += 1
            return
        where = self.shown if line is None else f"{self.shown}:{line}"
        text = f"{where}: {field}: {message}" if field else f"{where}: {message}"
        self.found.append((line or 0, text))

    def all(self) -> list[str]:
        """In file order, so the list reads top to bottom like the file."""
        more = [f"{self.shown}: ... and {self.dropped} more problems"] if self.dropped else []
        return [text for _, text in sorted(self.found, key=lambda p: p[0])] + more


# --- reading the file ------------------------------------------------------------------------


def _read_text(path: Path, problems: _Problems) -> str | None:
    """The file as text, or None with the reason in `problems` (missing, huge, binary, ...)."""
    try:
        if not path.exists():
            problems.add(None, None, "no such file")
            return None
        if path.is_dir():
            problems.add(None, None, "is a folder; give a .yaml file")
            return None
        if not path.is_file():
            problems.add(None, None, "is not a regular file")
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(None, None, f"the file is {size / 1e6:.1f} MB; a question bank must be "
                                     "under 1 MB (is this the right file?)")
            return None
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        problems.add(None, None, f"cannot be read: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.add(None, None, "the file is over 1 MB; a question bank must be under 1 MB")
        return None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        problems.add(line, None, "this is not a text file (it contains NUL bytes); a bank is "
                                 "YAML text saved as UTF-8")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.add(line, None, f"this is not UTF-8 text (byte 0x{data[exc.start]:02x}); save "
                                 "the file as UTF-8")
        return None
    bad_chars = list(_NOT_PRINTABLE.finditer(text))
    for match in bad_chars[:MAX_PROBLEMS]:
        line = text.count("\n", 0, match.start()) + 1
        problems.add(line, None, f"control character U+{ord(match.group()):04X} is not allowed "
                                 "in YAML; delete it")
    return None if bad_chars else text


def _syntax_problems(text: str, exc: yaml.YAMLError, problems: _Problems) -> None:
    """Explain a YAML syntax error, pointing first at tab indentation, its usual cause."""
    tab_lines = [n for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and "\t" in line[: len(line) - len(line.lstrip(" \t"))]]
    for n in tab_lines:
        problems.add(n, None, "a tab is used for indentation; YAML needs spaces")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if line in tab_lines:
        return
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "nesting depth" in problem:  # libyaml's own limit, met while it scans ahead
        problems.add(line, None, f"values nested more than {MAX_DEPTH} levels deep; a bank "
                                 "needs about 7")
        return
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and context_mark.line + 1 != line:
        problem += f" ({context} on line {context_mark.line + 1})"
    problems.add(line, None, f"not valid YAML: {problem}")


# --- checking the composed tree against the bank format --------------------------------------


def _closest(word: str, options: tuple[str, ...]) -> str | None:
    """The option the user most likely meant: same word spelled differently, a synonym, a typo."""
    plain = word.strip().lower().replace("-", "_").replace(" ", "_")
    if plain in options:
        return plain
    if _SYNONYMS.get(plain.replace("_", "")) in options:
        return _SYNONYMS[plain.replace("_", "")]
    close = difflib.get_close_matches(plain, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(key: str, known: tuple[str, ...]) -> str:
    guess = _closest(key, known)
    return f" (did you mean '{guess}'?)" if guess else f" (known keys: {', '.join(known)})"


def _describe(node: _Node) -> str:
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a mapping"
    value = node.value
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no/on/off mean true/false in YAML; put it in quotes)"
    if isinstance(value, (int, float)):
        return f"the number {value} (put it in quotes to make it text)"
    return repr(value if len(str(value)) <= 40 else f"{str(value)[:37]}...")


class _Checker:
    """Walks the composed tree along the bank format, collecting every problem it finds."""

    def __init__(self, problems: _Problems):
        self.problems = problems
        self.bank_name: str | None = None

    def add(self, node: _Node | int | None, field: str, message: str) -> None:
        line = node.line if isinstance(node, _Node) else node
        self.problems.add(line, field, message)

    def fields(self, node: _Node, field: str, known: tuple[str, ...]) -> dict[str, _Node]:
        """A mapping's values by key; unknown, duplicate and non-text keys are reported."""
        found: dict[str, _Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value in node.value:
            if key_node.kind != "scalar" or key_node.bad:
                if not key_node.bad:
                    self.add(key_node, field, "a key must be a plain word like 'text'")
                continue
            key = str(key_node.value)
            where = f"{field}.{key}" if field else key
            if key in first_line:
                self.add(key_node, where, f"duplicate key (first at line {first_line[key]}); "
                                          "the second would silently replace the first")
                continue
            first_line[key] = key_node.line
            if key not in known:
                if not self.problems.full:
                    self.add(key_node, where, "unknown key" + _suggest(key, known))
                continue
            found[key] = value
        return found

    def text(self, node: _Node | None, field: str, *, required: bool = False,
             parent: _Node | None = None) -> str | None:
        """A non-empty string, stripped; None (reported if required) when absent or wrong."""
        if node is None or (node.kind == "scalar" and node.value is None):
            if required:
                self.add(node or parent, field, "is required" if node is None else "is empty")
            return None
        if node.bad:
            return None
        if node.kind != "scalar" or not isinstance(node.value, str):
            self.add(node, field, f"must be text, not {_describe(node)}")
            return None
        value = node.value.strip()
        if not value:
            self.add(node, field, "is empty")
            return None
        return value

    def name(self, node: _Node | None, field: str, parent: _Node) -> str | None:
        """An id or bank name: lowercase letters, digits and dashes."""
        if node is not None and node.kind == "scalar" and type(node.value) is int:
            value: str | None = str(node.value)
        else:
            value = self.text(node, field, required=True, parent=parent)
        if value is not None and not _NAME.fullmatch(value):
            hint = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            self.add(node, field, f"{value!r} may only use a-z, 0-9 and '-'"
                                  + (f" (try '{hint}')" if hint else ""))
            return None
        return value

    def seq(self, node: _Node | None, field: str) -> list[_Node] | None:
        if node is None or node.bad or (node.kind == "scalar" and node.value is None):
            return None
        if node.kind != "seq":
            self.add(node, field, f"must be a list (lines starting with '- '), not "
                                  f"{_describe(node)}")
            return None
        return node.value

    def key_points(self, node: _Node | None, field: str) -> tuple[KeyPoint, ...]:
        items = self.seq(node, field) or []
        points = []
        for i, item in enumerate(items):
            where = f"{field}[{i}]"
            if item.kind == "seq" and not item.bad:
                if not item.value:
                    self.add(item, where, "an empty list; give one or more phrasings")
                    continue
                phrasings = [self.text(p, f"{where}[{j}]", required=True, parent=item)
                             for j, p in enumerate(item.value)]
                if all(phrasings):
                    points.append(KeyPoint(tuple(p for p in phrasings if p)))
            elif item.kind == "map" and not item.bad:
                self.add(item, where, "a key point is text, or a list of alternative phrasings "
                                      "like [stay calm, keep calm]; not a mapping")
            else:
                phrase = self.text(item, where, required=True, parent=node)
                if phrase:
                    points.append(KeyPoint((phrase,)))
        return tuple(points)

    def seconds(self, node: _Node | None, field: str) -> tuple[float, float] | None:
        if node is None or node.bad or (node.kind == "scalar" and node.value is None):
            return None
        values = [n.value for n in node.value] if node.kind == "seq" else []
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(values) != 2 or len(numbers) != 2 or not all(map(math.isfinite, numbers)):
            self.add(node, field, "must be two numbers of seconds, like [45, 120]")
            return None
        low, high = float(numbers[0]), float(numbers[1])
        if not 0 < low < high:
            self.add(node, field, f"[{numbers[0]}, {numbers[1]}] must be a shortest and a "
                                  "longest length with 0 < shortest < longest")
            return None
        return (low, high)

    def turn(self, node: _Node, field: str) -> Turn | None:
        if node.kind != "map" or node.bad:
            line = self.text(node, field, required=True)
            return Turn(line) if line else None
        values = self.fields(node, field, TURN_KEYS)
        line = self.text(values.get("line"), f"{field}.line", required=True, parent=node)
        points = self.key_points(values.get("key_points"), f"{field}.key_points")
        return Turn(line, points) if line else None

    def question(self, node: _Node, field: str, bank: str) -> Question | None:
        if node.kind != "map":
            if not node.bad:
                self.add(node, field, f"a question must be a mapping with id: and text:, not "
                                      f"{_describe(node)}")
            return None
        v = self.fields(node, field, QUESTION_KEYS)
        qid = self.name(v.get("id"), f"{field}.id", node)
        text = self.text(v.get("text"), f"{field}.text", required=True, parent=node)
        category = self.text(v.get("category"), f"{field}.category") or "general"
        kind = self.text(v.get("kind"), f"{field}.kind") or "general"
        if kind not in KINDS:
            guess = _closest(kind, KINDS)
            self.add(v["kind"], f"{field}.kind", f"unknown kind {kind!r}"
                     + (f" (did you mean '{guess}'?)" if guess else "")
                     + "; use one of " + ", ".join(KINDS))
            kind = None
        points = self.key_points(v.get("key_points"), f"{field}.key_points")
        follow_up = self.text(v.get("follow_up"), f"{field}.follow_up")
        band = self.seconds(v.get("answer_seconds"), f"{field}.answer_seconds")
        turn_nodes = self.seq(v.get("turns"), f"{field}.turns")
        parsed = [self.turn(t, f"{field}.turns[{i}]") for i, t in enumerate(turn_nodes or [])]
        turns = tuple(t for t in parsed if t is not None)
        if kind == "roleplay" and (_absent(v.get("turns")) or turn_nodes == []):
            self.add(v.get("turns") or node, f"{field}.turns",
                     "a roleplay needs turns: the customer's lines, in order")
        elif kind not in ("roleplay", None) and "turns" in v:
            self.add(v["turns"], f"{field}.turns", f"turns are only for kind: roleplay (this "
                                                   f"question is {kind})")
        if None in (qid, text, kind) or len(turns) != len(turn_nodes or []):
            return None
        return Question(id=qid, text=text, bank=bank, category=category, kind=kind,
                        key_points=points, follow_up=follow_up, answer_seconds=band, turns=turns)

    def bank(self, root: _Node, path: Path, bundled: bool) -> Bank | None:
        if root.kind != "map":
            if not root.bad:
                self.add(root, "", f"a bank is a mapping with bank:, title: and questions:, not "
                                   f"{_describe(root)}")
            return None
        v = self.fields(root, "", TOP_KEYS)
        name = self.name(v.get("bank"), "bank", root)
        self.bank_name = name
        title = self.text(v.get("title"), "title") or ""
        items = self.seq(v.get("questions"), "questions")
        if _absent(v.get("questions")):
            self.add(v.get("questions") or root, "questions", "is required: a list of questions")
        elif items == []:
            self.add(v["questions"], "questions", "is an empty list")
        questions: list[Question | None] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(items or []):
            question = self.question(item, f"questions[{i}]", name or "")
            questions.append(question)
            id_node = _value_of(item, "id") if item.kind == "map" else None
            qid = question.id if question else None
            if qid is None and id_node is not None:  # a broken question still claims its id
                qid = str(id_node.value) if isinstance(id_node.value, (str, int)) else None
            if qid is None:
                continue
            if qid in seen:
                self.add(id_node or item, f"questions[{i}].id",
                         f"duplicate id {qid!r} (also at line {seen[qid]})")
            else:
                seen[qid] = id_node.line if id_node else item.line
        if self.problems or name is None or None in questions or not questions:
            return None
        return Bank(name=name, title=title, path=path, bundled=bundled,
                    questions=tuple(q for q in questions if q is not None))


def _absent(node: _Node | None) -> bool:
    """Left out, or written with nothing after the colon."""
    return node is None or (node.kind == "scalar" and node.value is None and not node.bad)


def _value_of(mapping: _Node, key: str) -> _Node | None:
    return next((v for k, v in mapping.value if k.kind == "scalar" and k.value == key), None)


# --- public: loading and validating ----------------------------------------------------------


def _load(path: Path | str, bundled: bool = False) -> tuple[Bank | None, list[str], str | None]:
    """The bank (or None), every problem, and the bank's name when it could be read."""
    path = Path(path)
    problems = _Problems(str(path))
    text = _read_text(path, problems)
    if text is None:
        return None, problems.all(), None
    try:
        root = _compose(text, problems)
    except _Refused as refusal:
        problems.add(refusal.line, None, refusal.message)
        return None, problems.all(), None
    except yaml.YAMLError as exc:
        _syntax_problems(text, exc, problems)
        return None, problems.all(), None
    if root is None:
        problems.add(None, None, "the file is empty; a bank needs bank: and questions:")
        return None, problems.all(), None
    checker = _Checker(problems)
    bank = checker.bank(root, path, bundled)
    return bank, problems.all(), checker.bank_name


def load_bank(path: Path | str, *, bundled: bool = False) -> Bank:
    """Load one bank file; BankError lists every problem in it, one `path:line: field: ...` each."""
    bank, problems, _ = _load(path, bundled)
    if bank is None:
        raise BankError(problems or [f"{path}: cannot be used as a question bank"])
    return bank


def bank_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files directly inside a folder, sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES and p.is_file())


def validate_paths(paths: list[str | Path]) -> list[str]:
    """Every problem in the files and folders (each *.yaml/*.yml inside); [] when all valid."""
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = bank_files(path)
            if not files:
                problems.append(f"{path}: no .yaml or .yml files in this folder")
        else:
            files = [path]
        for file in files:
            problems.extend(_load(file)[1])
    return problems


def bundled_banks_dir() -> Path:
    """The bundled banks: inside the package when installed from a wheel, else the checkout's."""
    package = Path(__file__).resolve().parent
    installed = package / "question_banks"
    return installed if installed.is_dir() else package.parent / "question_banks"


# --- listing and choosing banks --------------------------------------------------------------


@dataclass(frozen=True)
class BankInfo:
    """One bank file as `banks list` shows it."""

    name: str
    title: str
    path: Path
    bundled: bool
    questions: int = 0
    categories: tuple[str, ...] = ()
    kinds: tuple[tuple[str, int], ...] = ()  # (kind, number of questions), in KINDS order
    shadowed_by: Path | None = None  # the user's bank that replaces this bundled one
    wins: bool = True  # False when another bank with this name is used instead
    error: str | None = None  # the problems, when the file cannot be used

    @property
    def roleplays(self) -> int:
        return dict(self.kinds).get("roleplay", 0)


@dataclass(frozen=True)
class _Entry:
    info: BankInfo
    bank: Bank | None
    problems: tuple[str, ...]


def _entry(path: Path, bundled: bool) -> _Entry:
    bank, problems, name = _load(path, bundled)
    if bank is None:
        info = BankInfo(name=name or path.stem, title="", path=path, bundled=bundled,
                        error="\n".join(problems) or "cannot be used")
        return _Entry(info, None, tuple(problems))
    kinds = tuple((k, n) for k in KINDS if (n := sum(q.kind == k for q in bank.questions)))
    categories = tuple(sorted({q.category for q in bank.questions}))
    info = BankInfo(name=bank.name, title=bank.title, path=path, bundled=bundled,
                    questions=len(bank.questions), categories=categories, kinds=kinds)
    return _Entry(info, bank, ())


def _catalog(home: Path) -> list[_Entry]:
    """Bundled then user banks; a user bank wins over a bundled one with its name."""
    entries: list[_Entry] = []
    winner: dict[str, _Entry] = {}
    user = [_entry(p, False) for p in bank_files(user_banks_dir(home))]
    for entry in user:
        first = winner.get(entry.info.name)
        if first is not None:
            message = (f"{entry.info.path}: another of your banks, {first.info.path}, is also "
                       f"named {entry.info.name!r}; rename one")
            entry = _Entry(replace(entry.info, wins=False, error=message), None, (message,))
        else:
            winner[entry.info.name] = entry
        entries.append(entry)
    for path in bank_files(bundled_banks_dir()):
        entry = _entry(path, True)
        mine = winner.get(entry.info.name)
        if mine is not None and mine.info.bundled:
            message = f"{path}: another bundled bank, {mine.info.path}, has the same name"
            entry = _Entry(replace(entry.info, wins=False, error=message), None, (message,))
        elif mine is not None:
            entry = _Entry(replace(entry.info, wins=False, shadowed_by=mine.info.path),
                           entry.bank, entry.problems)
        else:
            winner[entry.info.name] = entry
        entries.append(entry)
    return sorted(entries, key=lambda e: (e.info.name, not e.info.wins, not e.info.bundled))


def available_banks(home: Path) -> list[BankInfo]:
    """Bundled and user banks (home/banks), sorted by name; broken ones carry their `error`."""
    return [entry.info for entry in _catalog(home)]


def _looks_like_path(spec: str) -> bool:
    return spec.lower().endswith(BANK_SUFFIXES) or "/" in spec or os.sep in spec


def resolve_banks(specs: list[str] | None, home: Path) -> list[Bank]:
    """The banks to practise with, from names (user banks win) or .yaml paths; [] means all.

    Question ids must be unique across the chosen banks so `--ask ID` and saved answers are
    never ambiguous: a clash raises UserError naming both banks (rename an id, or pick one bank).
    A broken bank that is asked for, or that is part of the default set, raises its BankError.
    """
    specs = list(specs or [])
    catalog = _catalog(home)
    winners = {e.info.name: e for e in catalog if e.info.wins}
    chosen: list[Bank] = []
    if not specs:
        for entry in winners.values():
            if entry.bank is None:
                raise BankError(list(entry.problems))
            chosen.append(entry.bank)
        if not chosen:
            raise UserError(f"no question banks found (looked in {bundled_banks_dir()} and "
                            f"{user_banks_dir(home)})")
    for spec in specs:
        entry = None if _looks_like_path(spec) else winners.get(spec)
        if entry is not None:
            if entry.bank is None:
                raise BankError(list(entry.problems))
            bank = entry.bank
        elif _looks_like_path(spec) or Path(spec).is_file():
            bank = load_bank(spec)
        else:
            names = ", ".join(sorted(winners)) or "none"
            raise UserError(f"no bank named {spec!r}. Available: {names}. Or give the path to "
                            "a .yaml file.")
        if not any(_same_bank(bank, other) for other in chosen):
            chosen.append(bank)
    _check_unique_ids(chosen)
    return chosen


def _same_bank(a: Bank, b: Bank) -> bool:
    if a.path is not None and b.path is not None:
        return a.path.resolve() == b.path.resolve()
    return a is b


def _check_unique_ids(banks: list[Bank]) -> None:
    owner: dict[str, Bank] = {}
    for bank in banks:
        for question in bank.questions:
            first = owner.setdefault(question.id, bank)
            if first is not bank:
                raise UserError(
                    f"question id {question.id!r} is in two banks: {first.name} ({first.path}) "
                    f"and {bank.name} ({bank.path}). Rename one of the ids, or choose one of the "
                    "banks with --bank.")


def find_question(banks: list[Bank], question_id: str) -> Question:
    """The question with this id; UserError naming the banks searched (and close ids) if none."""
    for bank in banks:
        question = bank.get(question_id)
        if question is not None:
            return question
    ids = [q.id for bank in banks for q in bank.questions]
    close = difflib.get_close_matches(question_id, ids, n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    names = ", ".join(b.name for b in banks) or "no banks"
    raise UserError(f"no question with id {question_id!r} in {names}.{hint} "
                    "`mock-interview banks show NAME` lists the ids.")


# --- text for the terminal -------------------------------------------------------------------


def _tilde(path: Path) -> str:
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def format_bank_list(infos: list[BankInfo]) -> str:
    """The `banks list` table, then a note for each replaced or broken bank."""
    header = ("NAME", "QUESTIONS", "CATEGORIES", "TITLE", "SOURCE")
    rows = []
    notes = []
    for info in infos:
        if info.error:
            source = "yours, broken" if not info.bundled else "bundled, broken"
            first = info.error.splitlines()[0]
            count = len(info.error.splitlines())
            more = f" (+{count - 1} more; run `mock-interview banks validate {info.path}`)" \
                if count > 1 else ""
            notes.append(f"{info.name}: cannot be used: {first}{more}")
        elif info.bundled:
            source = "bundled, replaced" if info.shadowed_by else "bundled"
            if info.shadowed_by:
                notes.append(f"{info.name}: your bank {_tilde(info.shadowed_by)} replaces the "
                             "bundled one")
        else:
            source = f"yours ({_tilde(info.path)})"
        plural = "s" if info.roleplays > 1 else ""
        calls = f" ({info.roleplays} call{plural})" if info.roleplays else ""
        counts = f"{info.questions}{calls}"
        rows.append((info.name, counts if not info.error else "-",
                     _clip(", ".join(info.categories), 32) or "-", _clip(info.title, 50), source))
    if not rows:
        return "No question banks found."
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
             for row in (header, *rows)]
    return "\n".join(lines + ([""] + notes if notes else []))


def _points_lines(points: tuple[KeyPoint, ...], indent: str) -> list[str]:
    lines = []
    for point in points:
        others = point.phrasings[1:]
        also = f"  (also: {', '.join(others)})" if others else ""
        lines.append(f"{indent}- {point.label}{also}")
    return lines


def format_bank(bank: Bank) -> str:
    """`banks show NAME`: every question with its kind, category, key points, follow-up, turns."""
    where = f"bundled, {bank.path}" if bank.bundled else str(bank.path or "")
    lines = [f"{bank.name}: {bank.title or '(no title)'}", f"{len(bank.questions)} questions"
             + (f" - {where}" if where else ""), ""]
    for question in bank.questions:
        band = (f"{question.answer_seconds[0]:g}-{question.answer_seconds[1]:g} s"
                if question.answer_seconds else "default length")
        lines.append(f"{question.id}  [{question.kind}, {question.category}, {band}]")
        lines.append(f"  {question.text}")
        if question.key_points:
            lines.append("  Key points:")
            lines += _points_lines(question.key_points, "    ")
        if question.follow_up:
            lines.append(f"  Follow-up: {question.follow_up}")
        if question.turns:
            lines.append("  Customer lines:")
            for n, turn in enumerate(question.turns, 1):
                lines.append(f"    {n}. \"{turn.line}\"")
                lines += _points_lines(turn.key_points, "       ")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- the starter bank ------------------------------------------------------------------------


STARTER_BANK = """\
# A question bank for mock-interview. Check it with: mock-interview banks validate THIS_FILE
# Put it in the banks folder of your data folder to see it in `mock-interview banks list`.
# A bank with the same name as a bundled one (say call-center-core) replaces it.
bank: my-practice-bank          # the name you pass to --bank: a-z, 0-9 and '-'
title: My own practice questions

questions:
  - id: my-why-this-company     # unique, a-z, 0-9 and '-'; used by --ask
    text: Why do you want to work for our company in particular?
    category: motivation        # any label; tips and progress are grouped by it
    kind: general               # general | behavioral | situational | roleplay
    key_points:                 # what a strong answer mentions
      - researched the company  # a plain item is one phrase...
      - [our customers, your customers, the people you serve]  # ...a list: other ways to say it
      - [long term, grow with the company, stay and grow]
    follow_up: What do you know about the customers we serve?   # asked after the answer
    answer_seconds: [30, 90]    # the ideal length of the answer, shortest and longest

  - id: my-busy-day
    text: Tell me about a day at work when everything went wrong at once. What did you do?
    category: stress
    kind: behavioral            # "tell me about a time": situation, action, result
    key_points:
      - [situation, what happened, it was a day when]
      - [prioritized, put first things first, most urgent]
      - [stayed calm, kept calm, took a breath]
      - [result, in the end, what I learned]
    answer_seconds: [60, 150]

  - id: my-wrong-order
    kind: roleplay              # the interviewer plays a customer; you answer each line
    category: call-handling
    text: I'll play a customer whose order arrived wrong. Answer the call as the agent.
    turns:
      - line: Hi, I ordered a blue jacket and you sent me a red one.
        key_points:
          - [thank you for calling, thanks for calling]
          - [my name is, this is]
          - [sorry, apologize]
      - Can you just fix it? I need it by Friday.     # a line without key points
      - line: Okay, thanks. That's all.
        key_points:
          - [anything else, something else I can help]
          - [have a great day, have a nice day, take care]
"""


def starter_bank_text() -> str:
    """A commented bank showing every field, valid as written."""
    return STARTER_BANK


def write_starter_bank(path: Path | str) -> Path:
    """Write the starter bank to a new file; UserError rather than overwrite an existing one."""
    path = Path(path)
    if path.exists():
        raise UserError(f"{path} already exists; choose a new file name (nothing was written)")
    if path.suffix.lower() not in BANK_SUFFIXES:
        raise UserError(f"{path}: a bank file name ends in .yaml or .yml")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:
            f.write(STARTER_BANK)
    except FileExistsError:
        raise UserError(f"{path} already exists; choose a new file name (nothing was written)")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


__all__ = [
    "BankInfo", "available_banks", "bank_files", "bundled_banks_dir", "find_question",
    "format_bank", "format_bank_list", "load_bank", "resolve_banks", "starter_bank_text",
    "validate_paths", "write_starter_bank",
]
