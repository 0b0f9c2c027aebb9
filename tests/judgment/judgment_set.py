"""The judgment set (tests/judgment/*.yaml) as typed cases: each answer, its question and its expected judgment.

Used by benchmarks/eval_judgment.py (any scorer's figures) and tests/judgment/test_judgment_set.py
(the set's structure). Loading checks every reference, so a typo fails loudly. The fresh cases
(FRESH_FILES, tune half) come from load_fresh(); the held-out fresh cases join load()'s held-out split.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from simulator.banks import bank_files, bundled_banks_dir, load_bank
from simulator.types import KINDS, Question

HERE = Path(__file__).resolve().parent
SPLIT_FILES = {"tune": HERE / "tune.yaml", "heldout": HERE / "heldout.yaml"}
WHY_FILE = HERE / "why_cases.yaml"
TIERS_FILE = HERE / "tiers.yaml"
# Fresh cases (flat lists, each with its red-flag expectation), by the prefix of their ids: the tune
# half's are loaded by load_fresh(); the held-out half's join the held-out split of load().
FRESH_FILES = {"fresh": HERE / "fresh_cases.yaml", "fresh3": HERE / "fresh3_cases.yaml",
               "fresh4": HERE / "fresh4_cases.yaml", "fresh5": HERE / "fresh5_cases.yaml",
               "fresh6": HERE / "fresh6_cases.yaml", "fresh7": HERE / "fresh7_cases.yaml",
               "fresh8": HERE / "fresh8_cases.yaml",
               "fresh9": HERE / "fresh9_cases.yaml",
               # casual rudeness in words no exemplar uses, and professional twins (n4-tone pass)
               "fresh11": HERE / "fresh11_cases.yaml",
               # refusals of the job's basics said in the negative, and their twins (z-refuse pass)
               "refuse": HERE / "refusal_cases.yaml",
               # answers to another question, and on-topic twins sharing another question's words (e2-offtopic)
               "offtopic": HERE / "offtopic_cases.yaml",
               # casual refusals of the job's conditions and brush-offs, and twins (f2-conditions pass)
               "conditions": HERE / "conditions_cases.yaml",
               # thin on-topic answers (no action, situation or result) and short strong twins (j3-thin)
               "thin": HERE / "thin_cases.yaml",
               # refusals said by reference or in fragments ("Nights? Never done them, never will"), and twins (k3-refusal)
               "reference": HERE / "reference_cases.yaml",
               # professional answers in many everyday ways, written before scoring them (thirteenth pass)
               "precision": HERE / "precision_cases.yaml",
               # on-topic answers said indirectly, and twins answering another question (p4-relevance)
               "relevance": HERE / "relevance_cases.yaml",
               # professional answers talking about the red-flag subjects in many voices, and rude twins,
               # written before scoring them (p5-precision2)
               "precision2": HERE / "precision2_cases.yaml",
               # dishonesty and gaming the metrics, and honest twins, written before scoring (d5-dishonesty)
               "dishonesty": HERE / "dishonesty_cases.yaml",
               # professional answers near a dismissive or dishonest act, and rude twins, written
               # before scoring them (v6-precision3)
               "precision3": HERE / "precision3_cases.yaml",
               # call avoidance and gaming the numbers with nothing admitted in words, and honest
               # twins, written before scoring them (d6-avoidance)
               "avoidance": HERE / "avoidance_cases.yaml",
               # casual contempt and sarcasm in words no exemplar uses, and professional twins, written
               # before scoring them; odd pairs held out from tuning (c7-contempt)
               "fresh12": HERE / "fresh12_cases.yaml",
               # professional answers a word- or neighbour-based reader could mistake for a red flag
               # (kind negatives, honest limits, others' bad practice told fairly), and rude twins,
               # written before scoring them (p7-precision; even-numbered cases held out of tuning)
               "precision4": HERE / "precision4_cases.yaml",
               # excellent answers beside short strong twins, and long rambling or padded answers,
               # written before scoring them (o7-excellent)
               "depth": HERE / "depth_cases.yaml",
               # terse spoken answers in elliptical sentences ("Nights fine. Weekends, yes.") and true
               # keyword lists on the same subjects, written before scoring them (q8-terse)
               "terse": HERE / "terse_cases.yaml",
               # professional answers speaking of a red flag's subject (scenes, similes, honest
               # admissions, quoted callers, habits fixed, boundaries, pay named honestly) and rude
               # twins, written before scoring them (p8-precision; even-numbered cases held out of tuning)
               "precision5": HERE / "precision5_cases.yaml",
               # answers padded by saying the question or the setting back, beside plain twins, and
               # concrete plans in stock phrases, written before scoring them (s8-tips)
               "padding": HERE / "padding_cases.yaml",
               # mock sympathy, brush-offs, new names for callers and talking down said sweetly, and
               # professional twins, written before scoring them; odd pairs held out of tuning (r8-sarcasm)
               "fresh13": HERE / "fresh13_cases.yaml",
               # padded answers in new wording (the question or the caller said back, generic praise,
               # wind-ups) beside plain twins, and professional answers echoing the question briefly,
               # written before scoring them; odd pairs and odd echoes held out of tuning (u9-padding)
               "padding2": HERE / "padding2_cases.yaml",
               # answers that say the question back round a thin point, plain twins, and brief echoes
               # that answer well; written by the coordinator before the u9-padding rules (eighteenth pass)
               "restate": HERE / "restating_cases.yaml",
               # money-only motives, honest twins naming money beside a real reason, and non-answers
               # mentioning a job on other questions; written by the coordinator before any rule (eighteenth pass)
               "motive": HERE / "motive_cases.yaml",
               # mock sympathy and sweet condescension beside real sympathy, and a rude caller's words
               # reported unquoted as speech beside the same words said by the candidate, written
               # before scoring them; odd pairs held out of tuning (k9-mock)
               "mock": HERE / "mock_cases.yaml",
               # money-only motives in new wording beside honest twins, and non-answers mentioning
               # needing a job on other questions; written before any rule (m9-motive pass)
               "motive2": HERE / "motive2_cases.yaml",
               # the job's key points negated in idioms beside twins said the other way round, and
               # professional answers built from negations; written by the coordinator before any rule
               # (nineteenth pass; odd pairs held out of tuning)
               "stance": HERE / "stance_cases.yaml",
               # a yes said as a denied dislike or fear ("doesn't scare me", "never bores me") beside the
               # dislike said plainly; written by the coordinator before any rule (nineteenth pass)
               "litotes": HERE / "litotes_cases.yaml",
               # sameness and boredom said both ways, contempt in everyday words, the question's subject
               # denied without its key points' words; written by the coordinator before any rule (twentieth pass)
               "stance2": HERE / "stance2_cases.yaml",
               # one caller called a name, a brush-off done in everyday spoken words, run-on answers
               # without punctuation; written by the coordinator before any rule (twenty-first pass)
               "acts": HERE / "acts_cases.yaml",
               # the job's key points disliked in everyday words ("sounds draining", "leaves me cold")
               # beside twins that like them, and honest answers naming a hard side of the job; written
               # by the coordinator before any rule (twenty-second pass; odd pairs held out of tuning)
               "dislike": HERE / "dislike_cases.yaml",
               # the job turned down by comparison, quantity or idiom ("I'd sooner stack shelves than",
               # "holds zero appeal", "not my cup of tea") beside twins that want it, and the same shapes
               # said of good things; written by the coordinator before any rule (twenty-third pass;
               # odd pairs held out of tuning)
               "sooner": HERE / "sooner_cases.yaml",
               # the job wished away in words of gladness ("I'd happily never take another call", "in
               # an ideal world the phone would never ring") beside twins that wish for it, and good
               # things wished away; written by the coordinator before any rule (twenty-fourth pass;
               # odd pairs held out of tuning)
               "wish": HERE / "wish_cases.yaml",
               # help on the candidate's terms ("I help the polite ones first", "if they can't explain
               # it properly, that's on them") beside twins that help every caller, and real conditions
               # (the abuse policy, security checks); written by the coordinator before any rule
               # (twenty-fourth pass, second family; odd pairs held out of tuning)
               "terms": HERE / "terms_cases.yaml",
               # a second batch of help on the candidate's terms, written after terms.py and before
               # scoring them: that rule's out-of-sample figure on the tune side (twenty-fourth pass)
               "terms2": HERE / "terms2_cases.yaml",
               # grudging motives and shrugged-off callers said in passing, and twins, written before
               # scoring them and before the red-flag model was refitted on them (twenty-seventh pass)
               "fresh15": HERE / "fresh15_cases.yaml",
               # a second blind family of grudging motives and shrugged-off callers with twins, written by a
               # helper who read no exemplar, rule or case file; scored blind before the refit that added
               # it to the red-flag model's rows (twenty-eighth pass)
               "fresh14": HERE / "fresh14_cases.yaml",
               # the work itself turned down in everyday words ("sorting out strangers' muddles over the phone
               # has never appealed to me") beside twins that want it, and honest answers using the same verbs;
               # written blind by a helper (twenty-ninth pass)
               "fresh16": HERE / "fresh16_cases.yaml",
               # a hard side of the job named honestly with how the candidate copes, beside the same part of the
               # job turned down with no coping (half on questions about the candidate); written blind by a
               # helper (thirtieth pass)
               "fresh17": HERE / "fresh17_cases.yaml",
               # a basic part of the job turned down politely (labelled a red flag), each beside a hard negative that
               # shares its words (ambition, a standard of work, a hard side with coping); written blind by a helper
               # (thirty-first pass)
               "fresh18": HERE / "fresh18_cases.yaml"}
# Tune files the red-flag model is never fitted on (`scripts/fit_flag_model.py`), so that their professional
# answers measure its false flags out of sample on the tune side: fresh16 is a family of the work turned down,
# whose twins and honest answers speak of the job's hard sides (a refit with them moved the model's log-odds
# away from the bars chosen for it, twenty-ninth pass).
NOT_TRAINED = frozenset({"fresh16", "fresh17", "fresh18"})
HELDOUT_FRESH_FILES = {"heldout-fresh3": HERE / "heldout_fresh3.yaml", "heldout-fresh4": HERE / "heldout_fresh4.yaml",
                       "heldout-fresh5": HERE / "heldout_fresh5.yaml", "heldout-fresh6": HERE / "heldout_fresh6.yaml",
                       "heldout-fresh7": HERE / "heldout_fresh7.yaml",
                       "heldout-fresh8": HERE / "heldout_fresh8.yaml",
                       "heldout-fresh9": HERE / "heldout_fresh9.yaml",
                       "heldout-fresh10": HERE / "heldout_fresh10.yaml",
                       "heldout-fresh11": HERE / "heldout_fresh11.yaml",
                       "heldout-fresh12": HERE / "heldout_fresh12.yaml",
                       "heldout-fresh13": HERE / "heldout_fresh13.yaml",
                       "heldout-fresh14": HERE / "heldout_fresh14.yaml",
                       "heldout-fresh15": HERE / "heldout_fresh15.yaml",
                       "heldout-fresh16": HERE / "heldout_fresh16.yaml",
                       "heldout-fresh17": HERE / "heldout_fresh17.yaml",
                       "heldout-fresh18": HERE / "heldout_fresh18.yaml",
                       "heldout-fresh19": HERE / "heldout_fresh19.yaml",
                       "heldout-fresh20": HERE / "heldout_fresh20.yaml",
                       "heldout-fresh21": HERE / "heldout_fresh21.yaml",
                       # grudging motives and shrugged-off callers said in passing, and twins (27th pass)
                       "heldout-fresh22": HERE / "heldout_fresh22.yaml",
                       # the work itself turned down in everyday words, and twins (29th pass)
                       "heldout-fresh23": HERE / "heldout_fresh23.yaml"}

FAMILIES = (
    "real",              # quoted from a public guide, with the source's own label
    "excellent",         # a complete, specific answer written for the set
    "paraphrase",        # a strong answer that avoids the bank's key-point words
    "short_strong",      # very short but strong
    "mediocre",          # on topic, generic
    "on_topic_weak",     # on topic but weak (compare with off_topic)
    "short_empty",       # very short and empty
    "rambling",          # long, never says how the customer was helped
    "off_topic",         # answers something else
    "rude",              # rude, dismissive, contemptuous, dishonest, refusing basic conditions
    "negation",          # states the key points and denies them
    "keyword_stuffing",  # key words without sentences
    "non_english",       # a good answer, in another language
)
SOURCE_LABELS = {"weak": 0, "mediocre": 1, "strong": 2}


@dataclass(frozen=True)
class Tier:
    name: str
    rank: int
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Case:
    """One answer and the judgment it should get."""

    id: str  # "<split>/<question id>/<n>", or the why case's own id
    question: Question
    split: str  # "tune" | "heldout"
    family: str
    tier: Tier
    text: str
    low: float | None  # the overall score (0-100) should be at least this...
    high: float | None  # ...and at most this
    turn: int | None = None  # role-play: the customer line this replies to (1-based)
    lang: str | None = None  # non_english: the language's ISO code
    source: str | None = None  # real: where the answer and its label come from
    source_label: str | None = None  # real: strong | mediocre | weak, as the source says
    why_case: bool = False  # quoted in issue 10's "Why"
    above: tuple[str, ...] = ()  # case ids this one should outscore
    below: tuple[str, ...] = ()  # case ids that should outscore this one
    tip_must_not_quote: tuple[str, ...] = ()
    tip_question_quote: str | None = None

    def within_bounds(self, score: float) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score <= self.high)


@dataclass(frozen=True)
class JudgmentSet:
    cases: tuple[Case, ...]
    splits: dict[str, tuple[str, ...]]  # split -> its question ids, in file order
    tiers: dict[str, Tier]

    def by_id(self) -> dict[str, Case]:
        return {c.id: c for c in self.cases}

    def in_split(self, split: str) -> tuple[Case, ...]:
        return tuple(c for c in self.cases if split in ("all", c.split))


def bank_questions() -> dict[str, Question]:
    """Every bundled question by id."""
    out: dict[str, Question] = {}
    for path in bank_files(bundled_banks_dir()):
        for q in load_bank(path, bundled=True).questions:
            out[q.id] = q
    return out


def load_tiers() -> dict[str, Tier]:
    raw = yaml.safe_load(TIERS_FILE.read_text("utf-8"))["tiers"]
    return {name: Tier(name, int(t["rank"]), t.get("min"), t.get("max")) for name, t in raw.items()}


def _question(entry: dict, bank: dict[str, Question], where: str) -> Question:
    qid = entry["id"]
    if qid in bank:
        if "text" in entry:
            raise ValueError(f"{where}: {qid} is a bank question; do not give it a text")
        return bank[qid]
    if not entry.get("text"):
        raise ValueError(f"{where}: {qid} is in no bundled bank and has no text")
    kind = entry.get("kind", "general")
    if kind not in KINDS:
        raise ValueError(f"{where}: {qid}: unknown kind {kind!r}")
    return Question(id=qid, text=entry["text"], bank="judgment", category=entry.get("category", "general"),
                    kind=kind)


def _case(raw: dict, question: Question, split: str, case_id: str, tiers: dict[str, Tier],
          turn: int | None, why: bool) -> Case:
    where = f"{case_id}"
    family, tier_name = raw.get("family"), raw.get("tier")
    if family not in FAMILIES:
        raise ValueError(f"{where}: unknown family {family!r}")
    if tier_name not in tiers:
        raise ValueError(f"{where}: unknown tier {tier_name!r}")
    text = " ".join(str(raw.get("text", "")).split())
    if not text:
        raise ValueError(f"{where}: no text")
    tier = tiers[tier_name]
    low = raw.get("min", tier.low)
    high = raw.get("max", tier.high)
    turn = raw.get("turn", turn)
    if question.turns and not (isinstance(turn, int) and 1 <= turn <= len(question.turns)):
        raise ValueError(f"{where}: a role-play reply needs a turn between 1 and {len(question.turns)}")
    if family == "real" and (not str(raw.get("source", "")).startswith("http")
                             or raw.get("source_label") not in SOURCE_LABELS):
        raise ValueError(f"{where}: a real answer needs its source URL and source_label")
    if family == "non_english" and not raw.get("lang"):
        raise ValueError(f"{where}: a non-English answer needs its lang")
    return Case(
        id=case_id, question=question, split=split, family=family, tier=tier, text=text,
        low=low, high=high, turn=turn if question.turns else None, lang=raw.get("lang"),
        source=raw.get("source"), source_label=raw.get("source_label"), why_case=why,
        above=tuple(raw.get("above", ())), below=tuple(raw.get("below", ())),
        tip_must_not_quote=tuple(raw.get("tip_must_not_quote", ())),
        tip_question_quote=" ".join(raw["tip_question_quote"].split())
        if raw.get("tip_question_quote") else None,
    )


@dataclass(frozen=True)
class FreshCase:
    """A fresh case (FRESH_FILES, HELDOUT_FRESH_FILES): its expected judgment, and whether a severe
    red flag must (True) or must not (False) be found."""

    case: Case
    flag: bool | None


def _fresh(path: Path, prefix: str, questions: dict[str, Question], half: str, split: str,
           tiers: dict[str, Tier]) -> list[FreshCase]:
    """A fresh-case file's cases ("<prefix>/<question id>/<n>"), each on one of `questions` (the `half` half)."""
    out = []
    for n, raw in enumerate(yaml.safe_load(path.read_text("utf-8"))["cases"], 1):
        qid = raw["question"]
        if qid not in questions:
            raise ValueError(f"{path.name}: case {n}: {qid} is not a {half}-half question")
        if raw.get("flag") not in (None, True, False):
            raise ValueError(f"{path.name}: case {n}: flag should be true or false")
        case = _case(raw, questions[qid], split, f"{prefix}/{qid}/{n}", tiers, None, why=False)
        out.append(FreshCase(case, raw.get("flag")))
    return out


def load() -> JudgmentSet:
    bank = bank_questions()
    tiers = load_tiers()
    cases: list[Case] = []
    splits: dict[str, tuple[str, ...]] = {}
    questions: dict[str, Question] = {}
    split_of: dict[str, str] = {}
    for split, path in SPLIT_FILES.items():
        doc = yaml.safe_load(path.read_text("utf-8"))
        if doc.get("split") != split:
            raise ValueError(f"{path.name}: split should be {split!r}")
        ids = []
        for entry in doc["questions"]:
            question = _question(entry, bank, path.name)
            if question.id in split_of:
                raise ValueError(f"{path.name}: {question.id} is already in the {split_of[question.id]} split")
            split_of[question.id] = split
            questions[question.id] = question
            ids.append(question.id)
            for n, raw in enumerate(entry["answers"], 1):
                cases.append(_case(raw, question, split, f"{split}/{question.id}/{n}", tiers,
                                   entry.get("turn"), why=False))
        splits[split] = tuple(ids)
    heldout = {qid: questions[qid] for qid in splits["heldout"]}
    for prefix, path in HELDOUT_FRESH_FILES.items():
        doc = yaml.safe_load(path.read_text("utf-8"))
        if doc.get("split") != "heldout" or doc.get("do_not_tune") is not True:
            raise ValueError(f"{path.name}: should say split: heldout and do_not_tune: true")
        cases += [f.case for f in _fresh(path, prefix, heldout, "held-out", "heldout", tiers)]
    why = yaml.safe_load(WHY_FILE.read_text("utf-8"))
    for raw in why["cases"]:
        qid = raw["question"]
        if qid not in questions:
            raise ValueError(f"{WHY_FILE.name}: {raw['id']}: question {qid} is in neither split file")
        if split_of[qid] != why["split"]:
            raise ValueError(f"{WHY_FILE.name}: {raw['id']}: {qid} is not in the {why['split']} split")
        cases.append(_case(raw, questions[qid], split_of[qid], raw["id"], tiers, None, why=True))
    known = {c.id for c in cases}
    for c in cases:
        for other in c.above + c.below:
            if other not in known:
                raise ValueError(f"{c.id}: refers to unknown case {other!r}")
    return JudgmentSet(tuple(cases), splits, tiers)


def load_fresh() -> tuple[FreshCase, ...]:
    """The tune half's fresh cases (FRESH_FILES), each on a bundled tune-half question."""
    bank = bank_questions()
    tune = {e["id"]: bank[e["id"]] for e in yaml.safe_load(SPLIT_FILES["tune"].read_text("utf-8"))["questions"]
            if e["id"] in bank}
    return tuple(f for prefix, path in FRESH_FILES.items()
                 for f in _fresh(path, prefix, tune, "bundled tune", "fresh", load_tiers()))


def fresh_by_file(prefixes) -> dict[str, list[Case]]:
    """The tune half's fresh cases of these files (by prefix, in the order given), each file's in order."""
    by_file: dict[str, list[Case]] = {p: [] for p in prefixes}
    for f in load_fresh():
        by_file.get(f.case.id.split("/")[0], []).append(f.case)
    return by_file


# --- key points said in other words (points_cases.yaml) -------------------------------------

POINTS_FILE = HERE / "points_cases.yaml"
# a neighbouring idea must not cover a key point, written before scoring them (u9-padding)
PADDING2_POINTS_FILE = HERE / "padding2_points.yaml"


@dataclass(frozen=True)
class PointCase:
    """An answer and the key points (by label) it must cover, and must not."""

    id: str  # "points/<question id>/<n>"
    question: Question
    text: str
    covered: tuple[str, ...]
    not_covered: tuple[str, ...]
    why: str = ""
    found_by: str = ""


def load_points(path: Path = POINTS_FILE) -> tuple[PointCase, ...]:
    """points_cases.yaml's cases (or another file in its format: padding2_points.yaml), each on a bundled question of the tune half or of neither half
    (never a held-out one), each label one of its question's key points."""
    bank = bank_questions()
    heldout = {e["id"] for e in yaml.safe_load(SPLIT_FILES["heldout"].read_text("utf-8"))["questions"]}
    doc = yaml.safe_load(path.read_text("utf-8"))
    if doc.get("split") != "tune":
        raise ValueError(f"{path.name}: should say split: tune")
    out = []
    for n, raw in enumerate(doc["cases"], 1):
        qid = raw["question"]
        where = f"{path.name}: case {n}"
        if qid not in bank or qid in heldout:
            raise ValueError(f"{where}: {qid} is not a bundled question outside the held-out half")
        question = bank[qid]
        labels = {p.label for p in question.key_points}
        covered, not_covered = tuple(raw.get("covered", ())), tuple(raw.get("not_covered", ()))
        unknown = [x for x in covered + not_covered if x not in labels]
        if unknown or not (covered or not_covered):
            raise ValueError(f"{where}: {unknown or 'no points'} (its points: {sorted(labels)})")
        text = " ".join(str(raw["text"]).split())
        out.append(PointCase(f"{path.stem.replace('_cases', '')}/{qid}/{n}", question, text, covered, not_covered,
                             " ".join(str(raw.get("why", "")).split()), raw.get("found_by", "")))
    return tuple(out)
