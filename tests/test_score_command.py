"""`mock-interview score`: one answer or a batch, in the JSON shape of PRODUCT.md."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

STRONG = ("I really enjoy helping people, and every call is different, which keeps it interesting. "
          "I'm a good communicator and I like solving problems, and I want to grow with the company.")


def check_score_json(d: dict, question_id: str) -> None:
    assert d["question_id"] == question_id
    assert 0 <= d["overall"] <= 100
    for name, m in d["metrics"].items():
        # the four always; `expected` extends them (key points a short answer was expected to cover)
        assert {"score", "value", "unit", "evidence"} <= set(m) <= {"score", "value", "unit", "evidence", "expected"}, name
        assert "expected" not in m or (name == "key_points" and m["expected"] > 0), name
        assert m["score"] is None or 0 <= m["score"] <= 100
        for e in m["evidence"]:
            # the first four always; the typed fields extend them (kind always, the rest when set)
            assert {"quote", "start", "end", "note", "kind"} <= set(e) <= {
                "quote", "start", "end", "note", "kind", "label", "count", "value", "index", "coverage", "severity"}
    for t in d["tips"]:
        assert {"area", "text"} <= set(t)
    assert {"text", "words"} <= set(d["transcript"])


def test_score_typed_text_as_json():
    result = run_cli("score", "--bank", "call-center-core", "--question", "why-call-center", "--text", STRONG, "--json")
    assert result.returncode == 0, result.stderr
    d = json.loads(result.stdout)
    check_score_json(d, "why-call-center")
    assert d["metrics"]["pace"]["score"] is None  # typed: no pace
    assert d["transcript"]["text"] == STRONG


def test_score_a_question_in_no_bank_and_plain_output(tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(STRONG)
    result = run_cli("score", "--question-text", "Why do you want this job?", "--text-file", str(answer))
    assert result.returncode == 0, result.stderr
    assert "Overall" in result.stdout and "Why do you want this job?" in result.stdout


@pytest.mark.slow
def test_score_spoken_audio(speak):
    result = run_cli("score", "--question", "why-call-center", "--audio", str(speak(STRONG, "strong")), "--json")
    assert result.returncode == 0, result.stderr
    d = json.loads(result.stdout)
    check_score_json(d, "why-call-center")
    assert d["metrics"]["pace"]["score"] is not None and d["metrics"]["pace"]["unit"]
    assert d["transcript"]["words"][0]["start"] is not None
    words = [w["word"] for w in d["transcript"]["words"]]
    assert words[0] == "I" and all(w == w.strip() for w in words), words[:5]  # not Whisper's " I"


@pytest.mark.slow
def test_batch_gives_one_line_out_per_line_in_with_the_same_id(tmp_path, speak):
    batch = tmp_path / "batch.jsonl"
    lines = [{"id": "a", "question": "why-call-center", "text": STRONG},
             {"id": 7, "question": "greatest-weakness", "text": "Um, I guess I don't know."},
             {"id": None, "question": "why-call-center", "audio": str(speak(STRONG, "strong"))}]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n")
    result = run_cli("score", "--bank", "call-center-core", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7, None]
    for o, line in zip(out, lines):
        check_score_json({k: v for k, v in o.items() if k != "id"}, line["question"])
    assert out[0]["overall"] > out[1]["overall"]
    assert out[2]["transcript"]["words"]


@pytest.mark.parametrize("line,message", [
    ("{not json", "batch.jsonl:2: not valid JSON"),
    ('{"id": 1, "text": "x"}', "batch.jsonl:2: field 'question'"),
    ('{"id": 1, "question": "why-call-center"}', "batch.jsonl:2: give exactly one of 'text' or 'audio'"),
    ('{"id": 1, "question": "nope", "text": "x"}', "batch.jsonl:2:"),
    ('{"id": 1, "question": "why-call-center", "audio": "/no/such.wav"}', "batch.jsonl:2: audio file /no/such.wav does not exist"),
    ('{"id": 1, "question": "why-call-center", "text": "x", "colour": "red"}', "batch.jsonl:2: unknown field(s) colour"),
    ('[1, 2]', "batch.jsonl:2: expected an object"),
    # as `score --text ""` (a new user's try, 2026-12-01: a blank batch answer was scored 0)
    ('{"id": 1, "question": "why-call-center", "text": "  "}', "batch.jsonl:2: the answer is empty"),
])
def test_a_bad_batch_line_exits_2_naming_the_line_before_scoring_anything(tmp_path, line, message):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": 0, "question": "why-call-center", "text": STRONG}) + "\n" + line + "\n")
    result = run_cli("score", "--batch", str(batch))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""  # nothing half-done


def test_score_usage_errors_exit_2(tmp_path):
    assert run_cli("score", "--text", "hi").returncode == 2  # no question
    assert run_cli("score", "--question", "why-call-center").returncode == 2  # no answer
    missing = run_cli("score", "--question", "why-call-center", "--audio", str(tmp_path / "x.wav"))
    assert missing.returncode == 2 and "x.wav" in missing.stderr
    assert run_cli("score", "--question", "why-call-center", "--text-file", str(tmp_path)).returncode == 2


def test_an_answer_in_another_language_says_why_once_not_on_every_metric():
    # A new user noticed (2026-12-01): "the answer is not in English (Spanish)" about 15 times.
    result = run_cli("score", "--question", "why-call-center", "--text",
                     "Me gusta ayudar a la gente y trabajar con clientes cada día.")
    assert result.returncode == 0, result.stderr
    assert 1 <= result.stdout.count("the answer is not in English (Spanish)") <= 2
    assert "I can only coach English answers" in result.stdout
    data = json.loads(run_cli("score", "--question", "why-call-center", "--json", "--text",
                              "Me gusta ayudar a la gente y trabajar con clientes cada día.").stdout)
    assert sum(bool(m["evidence"]) for m in data["metrics"].values()) > 5  # the JSON keeps every reason


def test_every_bad_batch_line_is_named_in_one_run(tmp_path):
    # A new user's batch (2026-12-01) with four bad lines took four runs: only the first was named.
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([json.dumps({"id": 0, "question": "why-call-center", "text": STRONG}),
                                "{oops", json.dumps({"id": 2, "question": "no-such-question", "text": "x"}),
                                json.dumps({"id": 3, "question": "why-call-center"})]) + "\n")
    result = run_cli("score", "--batch", str(batch))
    assert result.returncode == 2 and result.stdout == ""
    for n in (2, 3, 4):
        assert f"batch.jsonl:{n}:" in result.stderr, result.stderr
    assert "batch.jsonl:1:" not in result.stderr
