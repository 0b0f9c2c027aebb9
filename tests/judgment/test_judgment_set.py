"""The judgment set's structure: sources, splits, families and issue 10's cases are all there.

No floor on any scorer here: that comes with the new rules, on the held-out half only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
import yaml

import judgment_set as js

# Issue 10, "Why": every answer it quotes, as it quotes it.
WHY_QUOTES = [
    "I don't enjoy helping people, I'm not good with people, and I hate fast-paced work. I don't "
    "want to learn and grow. I never solve problems.",
    "enjoy helping people fast-paced every call is different good communicator solve problems ...",
    "I'd tell them to calm down or I'll hang up. I'm not getting paid to be yelled at. If they keep "
    "going I just put them on hold until they give up.",
    "My last boss was a total jerk and the customers there were always lying ... not my problem",
    "Sir, calm down.",
    "Shut up",
    "Okay okay, relax.",
    "You should have read the terms and conditions.",
    "I'd mute them and roll my eyes",
    "most customers who call are just lazy and don't read anything",
    "My last manager was an idiot, which is why I left.",
    "Shut up and let me talk",
    "that's not my problem, go complain to someone else",
    "I'm so sorry your sofa hasn't arrived, let me look into this right away",
    "customers are idiots and I just hang up on the ones who yell",
    "Um, I guess, uh, maybe I'm kind of a perfectionist",
    "I enjoy helping people.",
    "I'd rather not work weekends, that's when I go out with my friends",
    "I don't mind working night shift or weekends or holidays.",
    "no two calls are the same",
    "I explain things in plain language",
    "I love helping people.",
    "A lady was yelling at me.",
    "For example.",
    "What do you do?",
]
REQUIRED_FAMILIES = {"real", "negation", "keyword_stuffing", "rude", "paraphrase", "on_topic_weak",
                     "off_topic", "rambling", "short_strong", "short_empty", "non_english"}


@pytest.fixture(scope="module")
def data() -> js.JudgmentSet:
    return js.load()


def written(data):
    """The cases of the split files (the why cases are counted on their own)."""
    return [c for c in data.cases if not c.why_case]


def test_every_question_is_a_bank_question_or_has_its_text(data):
    bank = js.bank_questions()
    for c in data.cases:
        q = c.question
        assert q.id in bank or (q.bank == "judgment" and q.text.strip()), q.id
        if q.id in bank:
            assert q == bank[q.id]


def test_the_split_is_by_question_and_about_half_each(data):
    tune, heldout = set(data.splits["tune"]), set(data.splits["heldout"])
    assert tune and heldout and not tune & heldout
    assert 0.4 <= len(tune) / (len(tune) + len(heldout)) <= 0.6
    for c in data.cases:
        assert c.question.id in (tune if c.split == "tune" else heldout)
    for split in ("tune", "heldout"):
        assert len([c for c in data.cases if c.split == split]) >= 100


def test_the_heldout_file_says_not_to_tune_on_it():
    text = js.SPLIT_FILES["heldout"].read_text("utf-8")
    assert "DO NOT LOOK AT THIS FILE WHILE WRITING OR TUNING SCORING RULES" in text.split("questions:")[0]
    assert yaml.safe_load(text)["do_not_tune"] is True


def test_real_answers_have_sources_and_both_labels(data):
    real = [c for c in data.cases if c.family == "real"]
    assert len(real) >= 60
    assert len({c.question.id for c in real}) >= 15
    labels = defaultdict(set)
    for c in real:
        assert c.source.startswith(("http://", "https://")) and c.source_label in js.SOURCE_LABELS
        labels[c.question.id].add(c.source_label)
    both = [q for q, seen in labels.items() if {"strong", "weak"} <= seen]
    assert len(both) >= 8, both
    for split in ("tune", "heldout"):
        assert any(c.split == split for c in real)


def test_every_family_is_there_in_both_halves(data):
    for split in ("tune", "heldout"):
        families = {c.family for c in written(data) if c.split == split}
        assert REQUIRED_FAMILIES <= families, REQUIRED_FAMILIES - families


def test_forty_rude_phrasings_all_different(data):
    rude = [c.text for c in written(data) if c.family == "rude"]
    assert len(rude) >= 40
    assert len(set(t.lower() for t in rude)) == len(rude)


def test_non_english_covers_german_portuguese_and_spanish(data):
    langs = Counter(c.lang for c in data.cases if c.family == "non_english")
    assert {"de", "pt", "es"} <= set(langs)


def test_each_question_has_a_graded_ladder(data):
    """Excellent or short-but-strong above mediocre or weak above bottom, on every question."""
    ranks = defaultdict(set)
    for c in data.cases:
        ranks[c.question.id].add(c.tier.rank)
    for qid, seen in ranks.items():
        assert max(seen) >= 3 and 0 in seen, (qid, seen)
    bottoms = defaultdict(set)
    for c in data.cases:
        if c.tier.name == "bottom":
            bottoms[c.question.id].add(c.family)
    assert all({"rude", "off_topic"} & fam for fam in bottoms.values())


def test_bounds_follow_the_tiers(data):
    for c in data.cases:
        assert c.low is None or c.high is None or c.low < c.high, c.id
        if c.tier.name == "bottom":
            assert c.high is not None and c.high <= 10, c.id
        if c.family in ("rude", "off_topic", "non_english", "negation", "keyword_stuffing"):
            assert c.tier.name == "bottom", c.id


def test_paraphrases_avoid_the_banks_key_point_words(data):
    for c in written(data):
        # The seventh pass's "paraphrase" cases were asked for as strong answers in everyday
        # spoken words, not as answers kept clear of the bank's words (heldout_fresh6.yaml's header);
        # the eighth pass's were kept clear by their writer's reading, and its strong answers as a
        # speech recogniser would write them are "paraphrase" too (heldout_fresh7.yaml's header).
        if c.family != "paraphrase" or c.id.startswith(("heldout-fresh6/", "heldout-fresh7/", "fresh7/")):
            continue
        text = c.text.lower()
        for point in c.question.key_points:
            for phrase in point.phrasings:
                assert not re.search(rf"\b{re.escape(phrase.lower())}\b", text), (c.id, phrase)


def test_keyword_stuffing_has_no_sentences(data):
    """Key words and phrases, no sentence: nothing ends one, and no "I" says anything."""
    for c in data.cases:
        if c.family == "keyword_stuffing":
            assert not re.search(r"[.!?]", c.text.replace("...", "")), c.id
            assert not re.search(r"\b(i|i'm|i'd|i'll|we)\b", c.text.lower()), c.id


def test_answers_to_one_question_are_all_different(data):
    seen = defaultdict(set)
    for c in data.cases:
        key = c.text.lower()
        assert key not in seen[c.question.id], (c.id, c.text)
        seen[c.question.id].add(key)


def test_every_case_the_issue_quotes_is_here_verbatim(data):
    texts = [c.text for c in data.cases]
    quoted_questions = [c.tip_question_quote for c in data.cases if c.tip_question_quote]
    not_quotes = [q for c in data.cases for q in c.tip_must_not_quote]
    for quote in WHY_QUOTES:
        found = (quote in texts or any(quote in t for t in texts if quote in ("A lady was yelling at me.", "For example."))
                 or any(q.endswith(quote) for q in quoted_questions))
        assert found, quote
    assert {"A lady was yelling at me.", "For example."} <= set(not_quotes)
    why = [c for c in data.cases if c.why_case]
    assert all(c.split == "tune" for c in why)
    assert len(why) >= len(WHY_QUOTES)


# --- the third pass's fresh cases (fresh3_cases.yaml on the tune half, heldout_fresh3.yaml held out)


def fresh3(data) -> dict[str, list]:
    """Each new file's cases by half: tune (FreshCase, from load_fresh) and held-out (Case, from load)."""
    return {"tune": [f.case for f in js.load_fresh() if f.case.id.startswith("fresh3/")],
            "heldout": [c for c in data.cases if c.id.startswith("heldout-fresh3/")]}


def test_fresh3_cases_are_each_on_their_own_half(data):
    for half, cases in fresh3(data).items():
        assert len(cases) >= 50, half
        assert {c.question.id for c in cases} <= set(data.splits[half]), half
    assert all(c.split == "heldout" for c in fresh3(data)["heldout"])


def test_fresh3_tiers_are_known_and_flags_only_true_or_false(data):
    for path in (js.FRESH_FILES["fresh3"], js.HELDOUT_FRESH_FILES["heldout-fresh3"]):
        raw = yaml.safe_load(path.read_text("utf-8"))["cases"]
        assert all(r["tier"] in data.tiers for r in raw), path.name
        assert all(r.get("flag", None) in (None, True, False) for r in raw), path.name
        assert all(r.get("flag") is True for r in raw if r["family"] == "rude"), path.name
        assert not any("flag" in r for r in raw if r["family"] == "non_english"), path.name
        assert sum(r.get("flag") is True for r in raw) >= 20 and sum(r.get("flag") is False for r in raw) >= 10
        assert {r.get("lang") for r in raw if r["family"] == "non_english"} == {"fr", "it", "nl"}


def test_the_heldout_fresh_file_says_not_to_tune_on_it():
    for path in js.HELDOUT_FRESH_FILES.values():
        text = path.read_text("utf-8")
        assert "DO NOT LOOK AT THIS FILE WHILE WRITING OR TUNING SCORING RULES" in text.split("cases:")[0]
        doc = yaml.safe_load(text)
        assert doc["do_not_tune"] is True and doc["split"] == "heldout"


def test_no_answer_text_is_in_two_case_files(data):
    texts = Counter(c.text.lower() for c in data.cases) + Counter(f.case.text.lower() for f in js.load_fresh())
    assert not [t for t, n in texts.items() if n > 1]


def test_fresh3_paraphrases_avoid_the_banks_key_point_words(data):
    for c in fresh3(data)["tune"]:  # the held-out file's are checked with the split files above
        if c.family == "paraphrase":
            for phrase in (p for point in c.question.key_points for p in point.phrasings):
                assert not re.search(rf"\b{re.escape(phrase.lower())}\b", c.text.lower()), (c.id, phrase)


# --- the fourth pass's fresh cases (fresh4_cases.yaml on the tune half, heldout_fresh4.yaml held out)


def fresh4(data) -> dict[str, list]:
    """Each new file's cases by half: tune (from load_fresh) and held-out (from load)."""
    return {"tune": [f.case for f in js.load_fresh() if f.case.id.startswith("fresh4/")],
            "heldout": [c for c in data.cases if c.id.startswith("heldout-fresh4/")]}


def test_fresh4_cases_are_each_on_their_own_half_and_spread_over_its_questions(data):
    for half, cases in fresh4(data).items():
        assert len(cases) == 60, half
        questions = {c.question.id for c in cases}
        assert questions <= set(data.splits[half]), half
        assert len(questions) >= 15, half
    assert all(c.split == "heldout" for c in fresh4(data)["heldout"])


def test_fresh4_has_its_mix_and_every_case_its_flag(data):
    """20 rude (flagged), 24 professional twins, 8 paraphrases, 8 short but strong: none but the rude flagged."""
    for path in (js.FRESH_FILES["fresh4"], js.HELDOUT_FRESH_FILES["heldout-fresh4"]):
        raw = yaml.safe_load(path.read_text("utf-8"))["cases"]
        assert all(r["tier"] in data.tiers and r.get("flag") in (True, False) for r in raw), path.name
        rude = [r for r in raw if r["family"] == "rude"]
        assert len(rude) == 20 and all(r["flag"] is True and r["tier"] == "bottom" for r in rude), path.name
        rest = [r for r in raw if r["family"] != "rude"]
        assert all(r["flag"] is False and r["tier"] in ("excellent", "short_strong", "mediocre") for r in rest)
        paraphrases = [r for r in rest if r["family"] == "paraphrase"]
        assert len(paraphrases) == 8 and all(r["tier"] in ("excellent", "short_strong") for r in paraphrases)
        assert len(rest) == 40, path.name


def test_fresh4_paraphrases_avoid_the_banks_key_point_words(data):
    for c in fresh4(data)["tune"]:  # the held-out file's are checked with the split files above
        if c.family == "paraphrase":
            for phrase in (p for point in c.question.key_points for p in point.phrasings):
                assert not re.search(rf"\b{re.escape(phrase.lower())}\b", c.text.lower()), (c.id, phrase)
