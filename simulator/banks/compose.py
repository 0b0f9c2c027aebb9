"""Safe YAML: the parser's event stream composed into line-numbered nodes, never into objects.

No constructor ever sees a tag, and size, nesting depth and alias expansion are bounded event
by event, before anything is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from .reading import Problems

MAX_DEPTH = 20  # a bank needs 7: bank, questions, question, turns, turn, key points, phrasings
MAX_NODES = 20_000  # values after expanding aliases; ~400 questions (bundled: ~47 a question)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same events, faster
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class Node:
    """A YAML value and its 1-based line: a scalar, a list of nodes, or a list of (key, value)."""

    __slots__ = ("kind", "value", "line", "size", "done", "bad")

    def __init__(self, kind: str, value: Any, line: int, bad: bool = False):
        self.kind = kind  # "scalar" | "seq" | "map"
        self.value = value
        self.line = line
        self.size = 1  # values in this subtree with aliases expanded
        self.done = kind == "scalar"
        self.bad = bad  # already reported (a refused tag): checks stay quiet about it


class Refused(Exception):
    """The document cannot be composed safely or at all; stop reading it."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1 implicit types: 12 is a number, yes is true
_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # used only on plain scalars: int, float, bool


def _refuse_tag(tag: str, line: int, problems: Problems) -> None:
    problems.add(line, None, f"the tag {_short_tag(tag)} is not allowed: a bank is plain data "
                             "(text, numbers, lists) and nothing in it is ever run")


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag


def _scalar(event: yaml.ScalarEvent, line: int, problems: Problems) -> Node:
    """The scalar's Python value, resolved like YAML 1.1 (so `yes` is True); exotic tags refused."""
    tag = event.tag
    if tag is None and not event.implicit[0]:  # quoted: always text
        return Node("scalar", event.value, line)
    if tag in (None, "!"):
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _YAML_TAG + "str":
            return Node("scalar", event.value, line)
    elif tag not in _SCALAR_TAGS:
        _refuse_tag(tag, line, problems)
        return Node("scalar", event.value, line, bad=True)
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
        return Node("scalar", event.value, line, bad=True)
    return Node("scalar", value, line)


def compose(text: str, problems: Problems) -> Node | None:
    """The first document as nodes, or None when it is empty; raises Refused on hostile input.

    Depth and alias expansion are counted event by event, so a file of 100k brackets or a
    "billion laughs" is refused after a few dozen events, long before memory or time grow.
    """
    stack: list[Node] = []
    anchors: dict[str, Node] = {}
    root: Node | None = None
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
            node = Node(kind, [], line, bad=bad)
            total += 1
        elif cls is yaml.AliasEvent:
            node = anchors.get(event.anchor)  # type: ignore[assignment]
            if node is None:
                raise Refused(line, f"*{event.anchor} refers to an anchor &{event.anchor} that "
                                     "is not defined above it")
            if not node.done:
                raise Refused(line, f"*{event.anchor} refers to a value that contains itself")
            total += node.size
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Refused(line, "a second YAML document starts here ('---'); a bank file "
                                     "holds one document")
            continue
        else:  # stream start/end, document end
            continue
        if total > MAX_NODES:
            raise Refused(line, f"more than {MAX_NODES:,} values (counting each use of an "
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
                raise Refused(line, f"values nested more than {MAX_DEPTH} levels deep; a "
                                     "bank needs about 7")
    return root


def _finish(node: Node) -> None:
    """Close a collection: count its expanded size and pair up mapping keys and values."""
    children: list[Node] = node.value
    node.size = 1 + sum(child.size for child in children)
    if node.kind == "map":
        node.value = list(zip(children[0::2], children[1::2]))
    node.done = True

