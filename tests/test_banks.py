"""Question banks: the bundled content, every validation problem with its line, hostile input."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import banks
from simulator.banks import (
    available_banks, bank_files, bundled_banks_dir, find_question, format_bank,
    format_bank_list, load_bank, resolve_banks, starter_bank_text, validate_paths,
    write_starter_bank,
)
from simulator.errors import BankError, UserError
from simulator.home import user_banks_dir
from simulator.types import KINDS

from conftest import run_cli


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing needle, so expectations follow the fixture text."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def write(tmp_path: Path, text: str | bytes, name: str = "bank.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


def bundled() -> list:
    return [load_bank(p, bundled=True) for p in bank_files(bundled_banks_dir())]


# --- the bundled banks -----------------------------------------------------------------------


def test_bundled_banks_validate():
    assert bank_files(bundled_banks_dir()), "no bundled banks found"
    assert validate_paths([bundled_banks_dir()]) == []


def test_asks_for_is_read_from_a_bank_and_kept_in_a_saved_question(tmp_path):
    from simulator.banks import bundled_banks
    from simulator.serialize import question_from_dict, question_to_dict
    from simulator.types import Asks

    path = write(tmp_path, "bank: b\nquestions:\n  - id: a\n    text: Can you do Saturdays?\n    asks_for: hours\n"
                           "  - id: c\n    text: Why us?\n")
    hours, why = load_bank(path).questions
    assert hours.asks_for is Asks.HOURS and why.asks_for is None  # optional: old banks stay valid
    assert question_from_dict(question_to_dict(hours)).asks_for is Asks.HOURS
    assert "asks_for" not in question_to_dict(why)  # a question without it saves as before
    bundled = {q.id: q.asks_for for b in bundled_banks() for q in b.questions}
    assert bundled["availability-shifts"] is Asks.HOURS and bundled["why-call-center"] is None


def test_bundled_banks_meet_the_content_targets():
    questions = [q for bank in bundled() for q in bank.questions]
    assert len(questions) >= 80
    assert len({q.category for q in questions}) >= 8
    assert {q.kind for q in questions} == set(KINDS)
    ids = Counter(q.id for q in questions)
    assert [i for i, n in ids.items() if n > 1] == [], "ids must be unique across bundled banks"
    for q in questions:
        assert q.follow_up, q.id
        if q.kind == "roleplay":
            continue
        assert 3 <= len(q.key_points) <= 6, q.id
        assert all(2 <= len(k.phrasings) <= 5 for k in q.key_points), q.id
        assert q.answer_seconds is not None, q.id


def test_bundled_roleplays_are_whole_calls():
    calls = [q for bank in bundled() for q in bank.questions if q.kind == "roleplay"]
    assert len(calls) >= 6
    for call in calls:
        assert len(call.turns) >= 3, call.id
        for turn in call.turns:
            assert 3 <= len(turn.key_points) <= 6, (call.id, turn.line)
            assert all(2 <= len(k.phrasings) <= 5 for k in turn.key_points), (call.id, turn.line)
        first = {p for k in call.turns[0].key_points for p in k.phrasings}
        last = {p for k in call.turns[-1].key_points for p in k.phrasings}
        assert any("my name is" in p for p in first), call.id
        assert any("anything else" in p for p in last), call.id


def test_the_first_bank_holds_the_ids_product_md_scripts_against():
    core = load_bank(bundled_banks_dir() / "call-center-core.yaml", bundled=True)
    assert core.name == "call-center-core"
    assert core.get("why-call-center").kind == "general"
    assert core.get("double-billed-caller").kind == "roleplay"


def test_phrasings_are_short_spoken_text():
    for bank in bundled():
        for q in bank.questions:
            points = list(q.key_points) + [k for t in q.turns for k in t.key_points]
            for point in points:
                for phrase in point.phrasings:
                    assert 1 <= len(phrase.split()) <= 6, (q.id, phrase)
                    assert phrase == phrase.strip() and "\n" not in phrase


def test_all_bundled_questions_fit_in_one_bank(tmp_path):
    """The size limits leave room: every bundled question in one file still loads, unchanged."""
    questions = [q for bank in bundled() for q in bank.questions]
    point = lambda k: {"phrasings": list(k.phrasings), "examples": list(k.examples),  # noqa: E731
                       **({"implies": list(k.implies)} if k.implies else {})} if k.examples or k.implies \
        else list(k.phrasings)
    doc = {"bank": "everything", "questions": [
        {"id": q.id, "text": q.text, "category": q.category, "kind": q.kind.value,
         "key_points": [point(k) for k in q.key_points],
         "follow_up": q.follow_up,
         **({"answer_seconds": list(q.answer_seconds)} if q.answer_seconds else {}),
         **({"turns": [{"line": t.line, "key_points": [point(k) for k in t.key_points]}
                       for t in q.turns]} if q.turns else {})}
        for q in questions]}
    path = write(tmp_path, yaml.safe_dump(doc, sort_keys=False))
    loaded = load_bank(path)
    assert [q.id for q in loaded.questions] == [q.id for q in questions]
    assert [q.key_points for q in loaded.questions] == [q.key_points for q in questions]
    assert [q.turns for q in loaded.questions] == [q.turns for q in questions]


def test_bundled_banks_dir_is_the_checkout_folder():
    import simulator

    assert bundled_banks_dir() == Path(simulator.__file__).resolve().parent.parent / "question_banks"


# --- every problem, with its line ------------------------------------------------------------

GOOD_QUESTION = "  - id: fine\n    text: A fine question?\n"

CASES = {
    # name: (text, line marker or None, expected "field: message" fragment)
    "unknown key": (
        "bank: b\nquestions:\n  - id: a\n    text: Q?\n    kyy_points: [x]\n",
        "kyy_points", "questions[0].kyy_points: unknown key (did you mean 'key_points'?)"),
    "unknown top key": (
        "bank: b\ntitel: T\nquestions:\n" + GOOD_QUESTION,
        "titel", "titel: unknown key (did you mean 'title'?)"),
    "duplicate ids": (
        "bank: b\nquestions:\n  - id: same\n    text: A?\n  - id: same\n    text: B?\n",
        ("id: same", 2), "questions[1].id: duplicate id 'same' (also at line 3)"),
    "duplicate key": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    text: B?\n",
        ("text:", 2), "questions[0].text: duplicate key (first at line 4)"),
    "bad id": (
        "bank: b\nquestions:\n  - id: Why Call\n    text: A?\n",
        "Why Call", "questions[0].id: 'Why Call' may only use a-z, 0-9 and '-' (try 'why-call')"),
    "bad bank name": (
        "bank: Core_Bank\nquestions:\n" + GOOD_QUESTION, "Core_Bank", "bank: 'Core_Bank'"),
    "empty text": (
        "bank: b\nquestions:\n  - id: a\n    text: '  '\n", "text:", "questions[0].text: is empty"),
    "number as text": (
        "bank: b\nquestions:\n  - id: a\n    text: 42\n", "text:",
        "questions[0].text: must be text, not the number 42"),
    "missing text": (
        "bank: b\nquestions:\n  - id: a\n    kind: general\n", "id: a",
        "questions[0].text: is required"),
    "key point mapping": (  # a mapping is a point with examples; it needs its phrasings
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - {x: 1}\n",
        "{x: 1}", "questions[0].key_points[0].phrasings: is required"),
    "key point examples not a list": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - phrasings: [stay calm]\n"
        "        examples: I keep my voice level.\n",
        "examples:", "questions[0].key_points[0].examples: must be a list of sentences"),
    "key point example a number": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - phrasings: [stay calm]\n"
        "        examples: [I keep my voice level., 42]\n",
        "examples:", "questions[0].key_points[0].examples[1]: must be text, not the number 42"),
    "key point example misspelt": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - phrasings: [stay calm]\n"
        "        exampels: [I keep my voice level.]\n",
        "exampels", "questions[0].key_points[0].exampels: unknown key (did you mean 'examples'?)"),
    "key point number": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - [calm, 7]\n",
        "[calm, 7]", "questions[0].key_points[0][1]: must be text, not the number 7"),
    "key point yes": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - yes\n",
        "- yes", "questions[0].key_points[0]: must be text, not true (yes/no/on/off"),
    "key point empty list": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n      - []\n",
        "[]", "questions[0].key_points[0]: an empty list"),
    "key points not a list": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points: be calm\n",
        "key_points", "questions[0].key_points: must be a list"),
    "seconds decreasing": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    answer_seconds: [90, 30]\n",
        "answer_seconds", "questions[0].answer_seconds: [90, 30] must be a shortest and a longest"),
    "seconds negative": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    answer_seconds: [-5, 30]\n",
        "answer_seconds", "questions[0].answer_seconds: [-5, 30] must be"),
    "seconds one number": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    answer_seconds: 60\n",
        "answer_seconds", "questions[0].answer_seconds: must be two numbers"),
    "seconds text": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    answer_seconds: [short, long]\n",
        "answer_seconds", "questions[0].answer_seconds: must be two numbers"),
    "seconds infinite": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    answer_seconds: [1, .inf]\n",
        "answer_seconds", "questions[0].answer_seconds: must be two numbers"),
    "roleplay without turns": (
        "bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n", "id: a",
        "questions[0].turns: a roleplay needs turns"),
    "roleplay with empty turns": (
        "bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n    turns: []\n",
        "turns", "questions[0].turns: a roleplay needs turns"),
    "turns on a general question": (
        "bank: b\nquestions:\n  - id: a\n    text: Q?\n    turns: [Hello]\n", "turns",
        "questions[0].turns: turns are only for kind: roleplay"),
    "turn without line": (
        "bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n    turns:\n"
        "      - key_points: [sorry]\n", "key_points: [sorry]",
        "questions[0].turns[0].line: is required"),
    "turn unknown key": (
        "bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n    turns:\n"
        "      - line: Hi\n        keypoints: [sorry]\n", "keypoints",
        "questions[0].turns[0].keypoints: unknown key (did you mean 'key_points'?)"),
    "unknown kind": (
        "bank: b\nquestions:\n  - id: a\n    text: Q?\n    kind: behavioural\n", "behavioural",
        "questions[0].kind: unknown kind 'behavioural' (did you mean 'behavioral'?)"),
    "unknown asks_for": (
        "bank: b\nquestions:\n  - id: a\n    text: Q?\n    asks_for: hour\n", "asks_for",
        "questions[0].asks_for: unknown asks_for 'hour' (did you mean 'hours'?)"),
    "asks_for on a call": (
        "bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n    asks_for: hours\n"
        "    turns: [Hi]\n", "asks_for", "questions[0].asks_for: asks_for is for interview questions"),
    "question not a mapping": (
        "bank: b\nquestions:\n  - Why do you want this job?\n", "Why do",
        "questions[0]: a question must be a mapping"),
    "no questions": ("bank: b\ntitle: T\n", "bank: b", "questions: is required"),
    "empty questions": ("bank: b\nquestions: []\n", "questions", "questions: is an empty list"),
    "no bank name": ("questions:\n" + GOOD_QUESTION, "questions", "bank: is required"),
    "not a mapping": ("- a\n- b\n", "- a", "a bank is a mapping"),
    "syntax error": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n   kind: general\n", "kind: general",
        "not valid YAML"),
    "unclosed bracket": (
        "bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points: [calm, \n", None,
        "not valid YAML"),
    "tab indentation": (
        "bank: b\nquestions:\n\t- id: a\n\t  text: A?\n", "\t- id",
        "a tab is used for indentation; YAML needs spaces"),
    "two documents": (
        "bank: b\nquestions:\n" + GOOD_QUESTION + "---\nbank: c\n", "---",
        "a second YAML document starts here"),
    "python tag": (
        "bank: b\nquestions:\n  - id: a\n    text: !!python/name:os.system ''\n", "python",
        "the tag !!python/name:os.system is not allowed"),
    "custom tag": ("bank: !secret b\nquestions:\n" + GOOD_QUESTION, "!secret",
                   "the tag !secret is not allowed"),
    "control character": ("bank: b\nquestions:\n  - id: a\n    text: A\x07?\n", "text",
                          "control character U+0007"),
    # Escapes in double quotes make real control characters: they would act on the terminal.
    "escape sequence in text": (
        'bank: b\nquestions:\n  - id: a\n    text: "Why \\e[2J us?"\n', "text",
        "questions[0].text: control character U+001B is not allowed in bank text"),
    "escape sequence in a key point": (
        'bank: b\nquestions:\n  - id: a\n    text: Q?\n    key_points: [["calm", "\\x1b]0;owned\\x07"]]\n',
        "key_points", "questions[0].key_points[0][1]: control character U+001B"),
    "C1 control in a title": (
        'bank: b\ntitle: "Core \\x9b2J"\nquestions:\n' + GOOD_QUESTION, "title",
        "title: control character U+009B"),
    "carriage return in a customer line": (
        'bank: b\nquestions:\n  - id: a\n    text: Call.\n    kind: roleplay\n    turns:\n'
        '      - "Hello\\rBye"\n', "Hello", "questions[0].turns[0]: control character U+000D"),
    "undefined alias": ("bank: b\nquestions: *qs\n", "*qs", "*qs refers to an anchor &qs"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_reported_with_its_line(tmp_path, name):
    text, marker, expected = CASES[name]
    path = write(tmp_path, text)
    problems = problems_of(path)
    if marker is None:
        prefix = f"{path}:"
    else:
        needle, nth = marker if isinstance(marker, tuple) else (marker, 1)
        prefix = f"{path}:{line_of(text, needle, nth)}: "
    assert any(p.startswith(prefix) and expected in p for p in problems), problems


def test_unclosed_bracket_points_at_a_line_in_the_file(tmp_path):
    text = CASES["unclosed bracket"][0]
    problems = problems_of(write(tmp_path, text))
    line = int(problems[0].split(":")[1])
    assert line_of(text, "key_points") <= line <= len(text.splitlines()) + 1


def test_every_tab_indented_line_is_named(tmp_path):
    text = "bank: b\nquestions:\n\t- id: a\n\t  text: A?\n"
    problems = problems_of(write(tmp_path, text))
    assert [p.split(":")[1] for p in problems] == ["3", "4"]


def test_every_problem_in_a_file_is_reported_in_file_order(tmp_path):
    text = (
        "bank: Bad Name\n"               # 1
        "color: blue\n"                  # 2
        "questions:\n"                   # 3
        "  - id: a\n"                    # 4
        "    text: ''\n"                 # 5
        "    kind: roleplay\n"           # 6
        "  - id: a\n"                    # 7
        "    text: Second?\n"            # 8
        "    answer_seconds: [60, 10]\n"  # 9
        "    key_points:\n"              # 10
        "      - 12\n"                   # 11
    )
    path = write(tmp_path, text)
    problems = problems_of(path)
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)
    expected = {
        1: "bank: 'Bad Name'", 2: "color: unknown key", 4: "questions[0].turns: a roleplay",
        5: "questions[0].text: is empty", 7: "questions[1].id: duplicate id 'a'",
        9: "questions[1].answer_seconds", 11: "questions[1].key_points[0]: must be text",
    }
    for line, fragment in expected.items():
        assert any(p.startswith(f"{path}:{line}: {fragment}") for p in problems), (line, problems)
    assert len(problems) == len(expected)


def test_missing_empty_binary_and_non_utf8_files(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert problems_of(missing) == [f"{missing}: no such file"]
    empty = write(tmp_path, "# only a comment\n\n", "empty.yaml")
    assert "the file is empty" in problems_of(empty)[0]
    binary = write(tmp_path, b"bank: b\n\x00\x01\x02\xff", "binary.yaml")
    assert problems_of(binary)[0].startswith(f"{binary}:2: this is not a text file")
    latin = write(tmp_path, "bank: b\nquestions:\n  - id: a\n    text: café\n".encode("latin-1"),
                  "latin.yaml")
    assert problems_of(latin)[0].startswith(f"{latin}:4: this is not UTF-8 text (byte 0xe9)")
    assert "is a folder" in problems_of(tmp_path)[0]


def test_a_good_bank_loads_into_the_typed_records(tmp_path):
    text = (
        "bank: mine\ntitle: Mine\nquestions:\n"
        "  - id: q1\n    text: '  Why?  '\n    category: motivation\n"
        "    key_points: [one, [two, second]]\n    follow_up: Really?\n"
        "    answer_seconds: [10, 20.5]\n"
        "  - id: call\n    kind: roleplay\n    text: Call.\n"
        "    turns: [Hello!, {line: Bye, key_points: [[anything else, more]]}]\n"
    )
    bank = load_bank(write(tmp_path, text), bundled=True)
    assert (bank.name, bank.title, bank.bundled) == ("mine", "Mine", True)
    first, call = bank.questions
    assert (first.text, first.bank, first.kind, first.category) == ("Why?", "mine", "general",
                                                                    "motivation")
    assert [k.phrasings for k in first.key_points] == [("one",), ("two", "second")]
    assert first.key_points[1].label == "two"
    assert (first.follow_up, first.answer_seconds) == ("Really?", (10.0, 20.5))
    assert call.is_roleplay and [t.line for t in call.turns] == ["Hello!", "Bye"]
    assert call.turns[0].key_points == ()
    assert call.turns[1].key_points[0].phrasings == ("anything else", "more")
    assert call.answer_seconds is None and call.category == "general"


def test_a_key_point_may_carry_example_sentences_for_the_meaning_layer(tmp_path):
    """`{phrasings: [...], examples: [...]}`: the phrasings as a plain point's (the label first),
    the examples kept apart (never a phrasing, so never matched by spelling nor shown)."""
    text = ("bank: mine\nquestions:\n  - id: q1\n    text: Why?\n    key_points:\n"
            "      - [calm, keep calm]\n"
            "      - phrasings: [use the computer, systems]\n"
            "        examples:\n          - I pull up their account while we talk.\n"
            "          - \"I'm typing notes as they speak.\"\n"
            "      - phrasings: take calls\n"
            "  - id: call\n    kind: roleplay\n    text: Call.\n"
            "    turns: [{line: Bye, key_points: [{phrasings: [anything else], examples: [Can I help with more?]}]}]\n")
    bank = load_bank(write(tmp_path, text))
    first, call = bank.questions
    assert [k.phrasings for k in first.key_points] == [("calm", "keep calm"), ("use the computer", "systems"),
                                                       ("take calls",)]
    assert first.key_points[1].label == "use the computer"
    assert first.key_points[1].examples == ("I pull up their account while we talk.", "I'm typing notes as they speak.")
    assert first.key_points[0].examples == first.key_points[2].examples == ()
    assert call.turns[0].key_points[0].examples == ("Can I help with more?",)
    shown = banks.format_bank(bank)
    assert "- use the computer  (also: systems)" in shown and 'e.g. "I pull up their account while we talk."' in shown


def test_a_broken_examples_list_is_named_with_its_line_and_exits_2(tmp_path):
    text = ("bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points:\n"
            "      - phrasings: [stay calm]\n        examples: {calm: yes}\n")
    path = write(tmp_path, text, "examples.yaml")
    assert problems_of(path) == [f"{path}:7: questions[0].key_points[0].examples: must be a list of "
                                 "sentences (lines starting with '- '), not a mapping"]
    out = run_cli("banks", "validate", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "examples.yaml:7: questions[0].key_points[0].examples: must be a list" in out.stdout + out.stderr


def test_a_key_point_may_say_which_others_an_all_inclusive_yes_answers(tmp_path):
    """`implies: [labels]` names the question's other points by their first phrasing; `banks show`
    says it; a label that is no other point of the question is named with its line and exits 2."""
    text = ("bank: b\nquestions:\n  - id: a\n    text: When can you work?\n    key_points:\n"
            "      - [evenings, late shift]\n      - [weekends, Saturdays]\n"
            "      - phrasings: [any shift, flexible]\n        implies: [evenings, Weekends]\n")
    bank = load_bank(write(tmp_path, text))
    assert bank.questions[0].key_points[2].implies == ("evenings", "Weekends")
    assert "said in all-inclusive words, also answers: evenings, Weekends" in banks.format_bank(bank)
    broken = write(tmp_path, text.replace("[evenings, Weekends]", "[evenings, nights]").replace(
        "[any shift, flexible]", "[flexible, any shift]"), "implies.yaml")
    assert problems_of(broken) == [f"{broken}:8: questions[0].key_points[2].implies: 'nights' is not another key "
                                   "point of this question (their first phrasings: evenings, weekends)"]
    out = run_cli("banks", "validate", str(broken))
    assert out.returncode == 2 and "Traceback" not in out.stderr and "'nights' is not another key point" in out.stdout + out.stderr


def test_every_bundled_key_point_has_example_sentences_in_a_candidates_voice():
    """Two to four whole sentences per point, the call's points too, so a paraphrase is heard."""
    for bank in bundled():
        for q in bank.questions:
            for point in list(q.key_points) + [k for t in q.turns for k in t.key_points]:
                assert 2 <= len(point.examples) <= 4, (q.id, point.label)
                for example in point.examples:
                    assert 4 <= len(example.split()) <= 20, (q.id, example)
                    assert example not in point.phrasings, (q.id, example)


def test_anchors_and_aliases_in_moderation_still_work(tmp_path):
    text = ("bank: b\nquestions:\n  - id: a\n    text: A?\n    key_points: &calm [[calm, easy]]\n"
            "  - id: b\n    text: B?\n    key_points: *calm\n")
    bank = load_bank(write(tmp_path, text))
    assert bank.questions[0].key_points == bank.questions[1].key_points


# --- banks are data: hostile files -----------------------------------------------------------


@pytest.mark.parametrize("payload", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object:os.system {{}}",
])
def test_code_tags_are_refused_and_never_run(tmp_path, payload):
    marker = tmp_path / "pwned"
    text = f"bank: b\nquestions:\n  - id: a\n    text: {payload.format(marker=marker)}\n"
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:4: the tag !!python/") for p in problems), problems
    whole = write(tmp_path, payload.format(marker=marker) + "\n", "whole.yaml")
    assert "is not allowed" in problems_of(whole)[0]
    assert not marker.exists()


def refused_quickly(path: Path, fragment: str) -> float:
    started = time.perf_counter()
    problems = problems_of(path)
    elapsed = time.perf_counter() - started
    assert any(fragment in p for p in problems), problems
    assert elapsed < 2.0  # generous: these take milliseconds; a hang or blow-up takes forever
    return elapsed


def test_billion_laughs_is_refused(tmp_path):
    lines = ["bank: b", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    lines.append("questions: *a9")
    refused_quickly(write(tmp_path, "\n".join(lines) + "\n"), "values (counting each use")


def test_quadratic_alias_blowup_is_refused(tmp_path):
    """One big anchor used many times: small file, large expansion."""
    text = ("bank: b\nbig: &big [" + ",".join(["x"] * 2000) + "]\nquestions: ["
            + ",".join(["*big"] * 2000) + "]\n")
    refused_quickly(write(tmp_path, text), "values (counting each use")


@pytest.mark.parametrize("shape", ["flow-list", "flow-map", "block-list"])
def test_deep_nesting_is_refused(tmp_path, shape):
    n = 100_000
    body = {"flow-list": "[" * n + "]" * n, "flow-map": "{a: " * n + "1" + "}" * n,
            "block-list": "\n" + "- " * n + "x"}[shape]
    refused_quickly(write(tmp_path, f"bank: b\nquestions: {body}\n"), "nested more than 20")


def test_a_recursive_alias_is_refused(tmp_path):
    refused_quickly(write(tmp_path, "bank: b\nquestions: &q [*q]\n"), "contains itself")


def test_a_huge_file_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "# padding\n" * 500_000)  # 5 MB
    assert path.stat().st_size >= 5_000_000
    refused_quickly(path, "MB; a question bank must be under 1 MB")


def test_a_wide_file_under_1mb_is_refused_by_value_count(tmp_path):
    path = write(tmp_path, "bank: b\nquestions: [" + "1," * 450_000 + "1]\n")
    assert path.stat().st_size < 1_000_000
    refused_quickly(path, "values (counting each use")


def test_problem_output_is_capped_for_hostile_files(tmp_path):
    text = "bank: b\nquestions:\n" + "".join(f"  - id: Q{n}\n    text: x\n" for n in range(1000))
    problems = problems_of(write(tmp_path, text))
    assert len(problems) == banks.MAX_PROBLEMS + 1
    assert problems[-1].endswith("more problems")


# --- property-based: only BankError, whatever the input --------------------------------------

YAMLISH = st.lists(st.sampled_from([
    "bank:", "bank: b", "questions:", "title:", "- ", "  ", "    ", "\n", "\t", "id: a", "id:",
    "text: Q?", "text:", "kind: roleplay", "kind: general", "kind:", "turns:", "line:",
    "key_points:", "answer_seconds: [1, 2]", "answer_seconds: [2, 1]", "follow_up: x",
    "[", "]", "{", "}", ",", ":", "? ", "&a ", "*a", "*b", "&b ", "!!python/object/apply:os.system",
    "!!str ", "!!int ", "!!binary ", "!!set ", "!!float ", "!", "'", '"', "|", ">", "#", "---",
    "...", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "<<: *a", "yes", "~", "null", ".inf", "0x1F",
    "1e400", "é", "\u2028", "\x85", "\ufeff", "- [a, b]", "- {line: x}", "\r\n", "-1",
]), max_size=40).map("".join)

HYPOTHESIS = settings(max_examples=150, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def only_bank_errors(tmp_path: Path, data: str | bytes) -> None:
    path = write(tmp_path, data, "fuzz.yaml")
    try:
        bank = load_bank(path)
    except BankError as exc:
        assert exc.problems and all(p.startswith(str(path)) for p in exc.problems)
    else:
        assert bank.name and bank.questions


@HYPOTHESIS
@given(text=YAMLISH)
def test_yamlish_text_only_ever_raises_bank_error(tmp_path, text):
    only_bank_errors(tmp_path, text)


@HYPOTHESIS
@given(text=st.text(max_size=300))
def test_random_text_only_ever_raises_bank_error(tmp_path, text):
    only_bank_errors(tmp_path, text)


@HYPOTHESIS
@given(data=st.binary(max_size=300))
def test_random_bytes_only_ever_raise_bank_error(tmp_path, data):
    only_bank_errors(tmp_path, data)


@HYPOTHESIS
@given(cut=st.integers(0, len(starter_bank_text())), junk=YAMLISH, drop=st.integers(0, 40))
def test_damaged_starter_banks_only_ever_raise_bank_error(tmp_path, cut, junk, drop):
    text = starter_bank_text()
    only_bank_errors(tmp_path, text[:cut] + junk + text[cut + drop:])


# --- the starter bank ------------------------------------------------------------------------


def test_starter_bank_validates_and_shows_every_field(tmp_path):
    path = write_starter_bank(tmp_path / "mine.yaml")
    assert path.read_text(encoding="utf-8") == starter_bank_text()
    assert validate_paths([path]) == []
    bank = load_bank(path)
    text = starter_bank_text()
    for key in banks.TOP_KEYS + banks.QUESTION_KEYS + banks.TURN_KEYS + banks.POINT_KEYS:
        assert f"{key}:" in text, key
    assert {q.kind for q in bank.questions} >= {"general", "behavioral", "roleplay"}
    call = next(q for q in bank.questions if q.is_roleplay)
    assert any(t.key_points for t in call.turns) and any(not t.key_points for t in call.turns)
    assert any(len(k.phrasings) > 1 for q in bank.questions for k in q.key_points)


def test_starter_bank_refuses_to_overwrite(tmp_path):
    path = write(tmp_path, "mine\n", "mine.yaml")
    with pytest.raises(UserError, match="already exists"):
        write_starter_bank(path)
    assert path.read_text() == "mine\n"


def test_starter_bank_sits_beside_the_bundled_banks(home):
    user_banks_dir(home).mkdir()
    write_starter_bank(user_banks_dir(home) / "starter.yaml")
    chosen = resolve_banks([], home)
    assert "my-practice-bank" in [b.name for b in chosen]


# --- listing, shadowing, choosing ------------------------------------------------------------


def user_bank(home: Path, file: str, name: str, qid: str = "mine-1") -> Path:
    folder = user_banks_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    return write(folder, f"bank: {name}\ntitle: Mine\nquestions:\n  - id: {qid}\n    text: Q?\n",
                 file)


def test_available_banks_lists_bundled_banks(home):
    infos = available_banks(home)
    assert {i.name for i in infos} == {b.name for b in bundled()}
    assert all(i.bundled and i.wins and i.error is None for i in infos)
    core = next(i for i in infos if i.name == "call-center-core")
    assert core.questions == len(load_bank(core.path).questions)
    assert "motivation" in core.categories and dict(core.kinds)["roleplay"] == core.roleplays == 1
    table = format_bank_list(infos)
    for info in infos:
        assert info.name in table and info.title in table
    assert table.splitlines()[0].split() == ["NAME", "QUESTIONS", "CATEGORIES", "TITLE", "SOURCE"]


def test_a_user_bank_with_a_bundled_name_wins_and_the_listing_says_so(home):
    path = user_bank(home, "core.yaml", "call-center-core")
    infos = [i for i in available_banks(home) if i.name == "call-center-core"]
    theirs, ours = sorted(infos, key=lambda i: i.bundled)
    assert (theirs.path, theirs.wins, theirs.bundled) == (path, True, False)
    assert (ours.shadowed_by, ours.wins, ours.bundled) == (path, False, True)
    table = format_bank_list(available_banks(home))
    assert "call-center-core: your bank" in table and "replaces the bundled one" in table
    assert "core.yaml" in table
    (chosen,) = resolve_banks(["call-center-core"], home)
    assert chosen.path == path and chosen.get("mine-1")
    assert chosen.get("why-call-center") is None
    names = [b.name for b in resolve_banks([], home)]
    assert names.count("call-center-core") == 1


def test_a_broken_user_bank_is_listed_not_fatal(home):
    folder = user_banks_dir(home)
    folder.mkdir(parents=True)
    broken = write(folder, "bank: broken\nquestions:\n  - id: a\n", "broken.yaml")
    infos = available_banks(home)
    info = next(i for i in infos if i.path == broken)
    assert info.name == "broken" and not info.bundled and "text: is required" in info.error
    assert "cannot be used" in format_bank_list(infos)
    warnings: list[str] = []
    everything = resolve_banks([], home, warn=warnings.append)  # skipped, not fatal...
    assert {b.name for b in everything} == {b.name for b in bundled()}
    (warning,) = warnings  # ...and not silently: one line naming the file, line and field
    assert "\n" not in warning and "skipping your bank broken" in warning
    assert f"{broken}:3: questions[0].text: is required" in warning
    with pytest.raises(BankError, match="text: is required"):
        resolve_banks(["broken"], home)  # asked for by name: an error
    with pytest.raises(BankError, match="text: is required"):
        resolve_banks([str(broken)], home)
    assert resolve_banks(["call-center-core"], home)[0].bundled


def test_the_default_set_warns_once_per_broken_bank_on_stderr(home, capsys):
    user_bank(home, "a.yaml", "twins", "one")
    second = user_bank(home, "b.yaml", "twins", "two")
    many = write(user_banks_dir(home), "bank: many\nquestions:\n  - id: a\n  - id: b\n", "many.yaml")
    chosen = resolve_banks([], home)
    assert "twins" in [b.name for b in chosen]
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(line.startswith("mock-interview: skipping") for line in lines)
    assert any("also named 'twins'" in line and str(second) in line for line in lines)
    assert any(f"(+1 more; run `mock-interview banks validate {many}`)" in line for line in lines)


def test_a_broken_user_bank_with_a_bundled_name_is_not_silently_replaced(home):
    folder = user_banks_dir(home)
    folder.mkdir(parents=True)
    write(folder, "bank: call-center-core\nquestions:\n  - id: a\n    txt: Q?\n", "core.yaml")
    bundled_core = next(i for i in available_banks(home)
                        if i.name == "call-center-core" and i.bundled)
    assert bundled_core.shadowed_by == folder / "core.yaml" and not bundled_core.wins
    with pytest.raises(BankError, match="did you mean 'text'"):
        resolve_banks(["call-center-core"], home)
    warnings: list[str] = []
    names = [b.name for b in resolve_banks([], home, warn=warnings.append)]
    assert "call-center-core" not in names and len(names) == len(bundled()) - 1
    assert len(warnings) == 1 and "stays replaced until you fix it" in warnings[0]


def test_two_user_banks_with_one_name(home):
    user_bank(home, "a.yaml", "twins", "one")
    second = user_bank(home, "b.yaml", "twins", "two")
    info = next(i for i in available_banks(home) if i.path == second)
    assert not info.wins and "also named 'twins'" in info.error
    assert resolve_banks(["twins"], home)[0].get("one")


def test_resolve_by_name_path_and_default(home, tmp_path):
    everything = resolve_banks([], home)
    assert {b.name for b in everything} == {b.name for b in bundled()}
    chosen = resolve_banks(["roleplay-calls", "call-center-core", "roleplay-calls"], home)
    assert [b.name for b in chosen] == ["roleplay-calls", "call-center-core"]
    path = write(tmp_path, "bank: elsewhere\nquestions:\n  - id: x1\n    text: Q?\n", "x.yaml")
    assert resolve_banks([str(path)], home)[0].name == "elsewhere"
    with pytest.raises(BankError):
        resolve_banks([str(tmp_path / "missing.yaml")], home)


def test_unknown_bank_name_lists_the_available_ones(home):
    with pytest.raises(UserError) as caught:
        resolve_banks(["no-such-bank"], home)
    message = str(caught.value)
    assert "no-such-bank" in message
    assert all(b.name in message for b in bundled())


def test_question_ids_must_be_unique_across_chosen_banks(home, tmp_path):
    path = write(tmp_path, "bank: copycat\nquestions:\n  - id: why-call-center\n    text: Q?\n",
                 "copy.yaml")
    with pytest.raises(UserError) as caught:
        resolve_banks(["call-center-core", str(path)], home)
    message = str(caught.value)
    assert "why-call-center" in message and "call-center-core" in message and "copycat" in message


def test_find_question(home):
    chosen = resolve_banks(["call-center-core", "roleplay-calls"], home)
    assert find_question(chosen, "double-billed-caller").bank == "call-center-core"
    assert find_question(chosen, "lost-package-caller").bank == "roleplay-calls"
    with pytest.raises(UserError) as caught:
        find_question(chosen, "why-call-centre")
    message = str(caught.value)
    assert "call-center-core" in message and "roleplay-calls" in message
    assert "why-call-center" in message  # the close match is suggested


def test_format_bank_shows_everything_a_candidate_needs(home):
    core = resolve_banks(["call-center-core"], home)[0]
    shown = format_bank(core)
    assert "\x1b[" not in shown  # readable without colour
    for q in core.questions:
        assert q.id in shown and q.text in shown and q.kind in shown and q.category in shown
        for point in q.key_points:
            assert point.label in shown
        if q.follow_up:
            assert q.follow_up in shown
        for turn in q.turns:
            assert turn.line in shown
    why = core.get("why-call-center")
    assert f"{why.answer_seconds[0]:g}-{why.answer_seconds[1]:g} s" in shown
    # what the availability question asks of any answer, under it (and nothing under "Why a call center?")
    availability = shown.split("availability-shifts  [")[1].split("\n\n")[0]
    assert "Asks for: hours (an answer names days, hours or shifts" in availability
    assert "Asks for" not in shown.split("why-call-center  [")[1].split("\n\n")[0]


def test_validate_paths_reads_folders_and_collects_across_files(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder, "bank: good\nquestions:\n  - id: a\n    text: Q?\n", "good.yaml")
    bad_a = write(folder, "bank: bad\nquestions: []\n", "bad-a.yml")
    bad_b = write(tmp_path, "bank: b\n", "bad-b.yaml")
    write(folder, "not a bank", "notes.txt")
    problems = validate_paths([folder, str(bad_b), tmp_path / "missing.yaml"])
    assert [p.split(":")[0] for p in problems] == [str(bad_a), str(bad_b),
                                                   str(tmp_path / "missing.yaml")]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert validate_paths([empty]) == [f"{empty}: no .yaml or .yml files in this folder"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    path = write(tmp_path, "bank: b\n")
    path.chmod(0)
    assert "cannot be read" in problems_of(path)[0]


@pytest.mark.parametrize("text, line, also", [
    # A new user's walkthrough (2026-12-01): "bad_yaml.yaml:3: ... (while parsing a flow
    # sequence on line 2)"; the unclosed bracket is on line 2, and that is the line to open.
    ("bank: x\nquestions: [a, b\n  - id: y\n", 2, "on line 3"),
    ("bank: x\nquestions:\n  - id: 'a\n    text: b\n    kind: general\n", 3, "quoted scalar that starts here"),
    # a block's start is not where its problem is: the line of the bad indentation stays
    ("bank: x\nquestions:\n  - id: a\n    text: b\n    kind: c\n  - id: b\n text: c\n", 7, "block mapping on line 1"),
])
def test_a_yaml_error_is_reported_where_it_starts(tmp_path, text, line, also):
    path = write(tmp_path, text, "bad_yaml.yaml")
    problem, = problems_of(path)
    assert problem.startswith(f"{path}:{line}: not valid YAML: "), problem
    assert also in problem, problem
    out = run_cli("banks", "validate", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"bad_yaml.yaml:{line}: not valid YAML" in out.stdout + out.stderr
