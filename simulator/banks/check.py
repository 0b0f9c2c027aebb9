"""Checking the composed YAML against the bank format: every problem, with its line and field."""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

from ..console import CONTROL_CHARACTERS
from ..types import ASKS, KINDS, Bank, KeyPoint, Question, Turn
from .compose import Node
from .reading import Problems

TOP_KEYS = ("bank", "title", "questions")
QUESTION_KEYS = ("id", "text", "category", "kind", "key_points", "follow_up", "answer_seconds",
                 "turns", "asks_for")
TURN_KEYS = ("line", "key_points")
POINT_KEYS = ("phrasings", "examples", "implies")

_NAME = re.compile(r"[a-z0-9-]+")
# Words people reach for instead of the real key; difflib catches the typos.
_SYNONYMS = {"name": "bank", "question": "text", "prompt": "text", "lines": "turns",
             "followup": "follow_up", "keypoints": "key_points", "points": "key_points",
             "type": "kind", "seconds": "answer_seconds"}


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


def _describe(node: Node) -> str:
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


class Checker:
    """Walks the composed tree along the bank format, collecting every problem it finds."""

    def __init__(self, problems: Problems):
        self.problems = problems
        self.bank_name: str | None = None

    def add(self, node: Node | int | None, field: str, message: str) -> None:
        line = node.line if isinstance(node, Node) else node
        self.problems.add(line, field, message)

    def fields(self, node: Node, field: str, known: tuple[str, ...]) -> dict[str, Node]:
        """A mapping's values by key; unknown, duplicate and non-text keys are reported."""
        found: dict[str, Node] = {}
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

    def text(self, node: Node | None, field: str, *, required: bool = False,
             parent: Node | None = None) -> str | None:
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
        control = CONTROL_CHARACTERS.search(value)
        if control:  # written as an escape in quotes, like "\e[2J": it would act on the terminal
            self.add(node, field, f"control character U+{ord(control.group()):04X} is not "
                                  "allowed in bank text; delete it")
            return None
        return value

    def name(self, node: Node | None, field: str, parent: Node) -> str | None:
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

    def seq(self, node: Node | None, field: str) -> list[Node] | None:
        if node is None or node.bad or (node.kind == "scalar" and node.value is None):
            return None
        if node.kind != "seq":
            self.add(node, field, f"must be a list (lines starting with '- '), not "
                                  f"{_describe(node)}")
            return None
        return node.value

    def key_points(self, node: Node | None, field: str) -> tuple[KeyPoint, ...]:
        items = self.seq(node, field) or []
        found: list[tuple[int, Node, KeyPoint]] = []
        for i, item in enumerate(items):
            where = f"{field}[{i}]"
            if item.kind == "map" and not item.bad:
                point = self.point_with_examples(item, where)
            else:
                phrasings = self.phrasings(item, where, node)
                point = KeyPoint(phrasings) if phrasings else None
            if point is not None:
                found.append((i, item, point))
        self.implied_labels(found, field)
        return tuple(point for _, _, point in found)

    def implied_labels(self, found: list[tuple[int, Node, KeyPoint]], field: str) -> None:
        """Each `implies:` label names another key point of the same list, by its first phrasing."""
        for i, item, point in found:
            others = [p.label for _, _, p in found if p is not point]
            for label in point.implies:
                if label.lower() not in {o.lower() for o in others}:
                    near = difflib.get_close_matches(label, others, n=1)
                    hint = f"did you mean {near[0]!r}? " if near else ""
                    self.add(item, f"{field}[{i}].implies", f"{label!r} is not another key point of this question "
                                                            f"({hint}their first phrasings: {', '.join(others)})")

    def phrasings(self, item: Node, where: str, parent: Node | None) -> tuple[str, ...] | None:
        """A point's phrasings: one text, or a list of alternatives; None (reported) when broken."""
        if item.kind == "seq" and not item.bad:
            if not item.value:
                self.add(item, where, "an empty list; give one or more phrasings")
                return None
            phrasings = [self.text(p, f"{where}[{j}]", required=True, parent=item)
                         for j, p in enumerate(item.value)]
            return tuple(p for p in phrasings if p) if all(phrasings) else None
        phrase = self.text(item, where, required=True, parent=parent)
        return (phrase,) if phrase else None

    def point_with_examples(self, item: Node, where: str) -> KeyPoint | None:
        """`{phrasings: [...], examples: [...]}`: the phrasings as a plain point's, and sentences
        a candidate would say, which the meaning model reads beside them."""
        values = self.fields(item, where, POINT_KEYS)
        if "phrasings" not in values:
            self.add(item, f"{where}.phrasings", "is required: a key point written as a mapping "
                                                 "needs phrasings: [label, other words]")
            return None
        phrasings = self.phrasings(values["phrasings"], f"{where}.phrasings", item)
        examples = self.texts(values.get("examples"), f"{where}.examples",
                              "must be a list of sentences (lines starting with '- ')")
        implies = self.texts(values.get("implies"), f"{where}.implies", "must be a list of the question's other "
                             "key points, by their first phrasing, like [evenings, weekends]")
        if not phrasings or examples is None or implies is None or not all(examples) or not all(implies):
            return None
        return KeyPoint(phrasings, tuple(e for e in examples if e), tuple(i for i in implies if i))

    def texts(self, node: Node | None, field: str, must: str) -> list[str | None] | None:
        """An optional list of texts (`[]` when absent); None (reported) when it is no list."""
        if _absent(node):
            return []
        if node.kind != "seq" or node.bad:
            self.add(node, field, f"{must}, not {_describe(node)}")
            return None
        return [self.text(e, f"{field}[{j}]", required=True, parent=node) for j, e in enumerate(node.value)]

    def seconds(self, node: Node | None, field: str) -> tuple[float, float] | None:
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

    def turn(self, node: Node, field: str) -> Turn | None:
        if node.kind != "map" or node.bad:
            line = self.text(node, field, required=True)
            return Turn(line) if line else None
        values = self.fields(node, field, TURN_KEYS)
        line = self.text(values.get("line"), f"{field}.line", required=True, parent=node)
        points = self.key_points(values.get("key_points"), f"{field}.key_points")
        return Turn(line, points) if line else None

    def question(self, node: Node, field: str, bank: str) -> Question | None:
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
        asks_for = self.text(v.get("asks_for"), f"{field}.asks_for")
        if asks_for is not None and asks_for not in ASKS:
            guess = _closest(asks_for, ASKS)
            self.add(v["asks_for"], f"{field}.asks_for", f"unknown asks_for {asks_for!r}"
                     + (f" (did you mean '{guess}'?)" if guess else "")
                     + f"; use {' or '.join(ASKS)}, or leave it out")
            asks_for = None
        elif asks_for is not None and kind == "roleplay":
            self.add(v["asks_for"], f"{field}.asks_for", "asks_for is for interview questions; on a call "
                                                         "the customer's lines say what is asked")
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
                        key_points=points, follow_up=follow_up, answer_seconds=band, turns=turns,
                        asks_for=asks_for)

    def bank(self, root: Node, path: Path, bundled: bool) -> Bank | None:
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


def _absent(node: Node | None) -> bool:
    """Left out, or written with nothing after the colon."""
    return node is None or (node.kind == "scalar" and node.value is None and not node.bad)


def _value_of(mapping: Node, key: str) -> Node | None:
    return next((v for k, v in mapping.value if k.kind == "scalar" and k.value == key), None)

