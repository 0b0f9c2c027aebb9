"""Every threshold the scoring and the coach use, in one readable place (the weights are in
`simulator/areas.py`, one row per metric). Each band says what counts as good, where the score falls
to zero, and where the number comes from, so a user can see why a tip was given. Scores are 0-100:
100 inside the good range, falling in a straight line to 0 at the hard limits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A good range [low, high]; the score falls linearly to 0 at zero_below / zero_above."""

    low: float  # the smallest good value
    high: float  # the largest good value
    zero_below: float  # at or below this the score is 0 (use low for "lower is never bad")
    zero_above: float  # at or above this the score is 0
    unit: str  # how the value reads aloud: "words a minute"
    target: str  # the good range in words, as a tip states it

    def score(self, value: float) -> float:
        if self.low <= value <= self.high:
            return 100.0
        if value < self.low:
            span = self.low - self.zero_below
            return 0.0 if span <= 0 else max(0.0, 100.0 * (value - self.zero_below) / span)
        span = self.zero_above - self.high
        return 0.0 if span <= 0 else max(0.0, 100.0 * (self.zero_above - value) / span)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def distance(self, value: float) -> float:
        """How far outside the good range a value is (0 inside), for progress remarks."""
        return max(0.0, self.low - value, value - self.high)


# --- delivery (from audio) -----------------------------------------------------------------

# Conversational English averages about 150 words a minute (National Center for Voice and
# Speech, https://ncvs.org); phone-service trainers put a comfortable pace at 120-150 wpm and
# call anything over 160 rushed (https://www.vitalogy.cx/metrics/agent-talk-speed,
# http://service-training.co.uk/customer-service-training/rate-of-speech.htm).
PACE = Band(120, 160, 70, 230, "words a minute", "about 120 to 160 words a minute")

# Fillers (um, uh, like, you know...). Conversation runs at about 6 disfluencies per 100
# words, fillers a good share of them (Bortfeld et al. 2001, "Disfluency rates in conversation",
# Language and Speech 44(2)); on an interview line a listener notices more than a few a minute
# (Toastmasters' "Ah-Counter" role counts them for that reason). About 3 a minute is 2 per
# 100 words at 140 words a minute.
FILLERS_PER_MINUTE = Band(0, 3, 0, 15, "fillers a minute", "3 or fewer fillers a minute")
FILLERS_PER_100_WORDS = Band(0, 2, 0, 10, "fillers per 100 words", "2 or fewer fillers per 100 words")
# A tip needs 2 fillers, or one sound ("um"): a lone "kind of" is how people talk (6 in 100 words, above).
FILLER_TIP_AT_LEAST = 2

# A silence over about a second already stands out in conversation (Jefferson 1989, "A
# 'standard maximum' silence of approximately one second"); we allow thinking time and only
# count pauses over 2 s between words in the middle of an answer.
LONG_PAUSE_SECONDS = 2.0
LONG_PAUSES = Band(0, 1, 0, 6, "long pauses", "no more than one pause over 2 seconds")

# Time from the end of the question to the first word. A breath or two of thinking is fine;
# recruiters' rule of thumb is to start within about 3 seconds.
TIME_TO_START = Band(0, 3, 0, 12, "seconds", "start within about 3 seconds")

# Hedges ("I guess", "maybe", "probably") per 100 words: one now and then is natural.
HEDGES_PER_100_WORDS = Band(0, 1, 0, 6, "hedges per 100 words", "at most one hedge per 100 words")

# Repeats (stutters "I I", restarts "I was I was", the same 4 words again) per 100 words.
REPEATS_PER_100_WORDS = Band(0, 2, 0, 10, "repeats per 100 words", "2 or fewer repeats per 100 words")

# Clarity: words heard below this probability. The demo's clear voice (base, 2026-12-02, 12 answers): 0-5%; 8-11%
# with 1 word in 12 misheard ("called for Mac the next beta"), which scored 100. A tip from 19% as before.
UNSURE_WORD_PROBABILITY = 0.5
UNSURE_WORDS_PERCENT = Band(0, 5, 0, 52, "% unclear words", "5% or fewer of words unclear")
# Praise reads a quote back to the candidate, so it prefers one whose every word was heard at
# least this surely, and only then one with no unclear word. Measured on the demo's own speech
# (6 sessions, 598 words, tiny.en, 2026-12-01): a quarter to a half of the words heard below
# 0.8 were misheard ("a busy mental office" for "dental", at 0.57), against 7% above 0.9,
# most of those spelling ("60" for "sixty").
SURE_WORD_PROBABILITY = 0.8

# Volume: the RMS level of the speech in dB relative to full scale. Speech recorded with a
# headset mic usually sits around -30 to -12 dBFS (EBU R 128 targets -23 LUFS for programme
# loudness); below -40 the listener strains. Clipping: samples at full scale.
SPEECH_LEVEL_DBFS = Band(-32, -8, -48, 0, "dBFS", "a speech level between -32 and -8 dBFS")
CLIPPING_LEVEL = 0.99  # |sample| at or above this counts as clipped
CLIPPED_SHARE_LIMIT = 0.002  # more than 0.2% clipped samples is audible distortion
CLIPPED_SCORE_CAP = 40.0  # the volume score when clipping is over the limit

# Monotone: the standard deviation of the voice pitch in semitones. Lively conversational
# speech varies by 2-4 semitones; espeak-ng's en-us voice measures about 1.6 (fairly flat) and
# its SSML range="x-low" about 0.4 (a drone), which is where these limits were calibrated.
PITCH_VARIATION_SEMITONES = Band(2.0, 24, 0.5, 48, "semitones", "a pitch variation of 2 semitones or more")
PITCH_MIN_VOICED_SECONDS = 2.0  # less voiced speech than this is too little to judge
# A longer answer's pitch is read in PITCH_WINDOWS evenly spaced windows that add up to this
# (a minute of speech shows a flat voice as well as two do): the pitch pass runs after the
# candidate stops, and on a whole 120 s answer it took 240 ms of the 300 ms budget
# (benchmarks/latency.py, 2026-11-30).
PITCH_MAX_SECONDS = 60.0
PITCH_WINDOWS = 6

# --- content -------------------------------------------------------------------------------

# Length of the answer, in seconds of speech, when the question does not give its own band.
DEFAULT_ANSWER_SECONDS: dict[str, tuple[float, float]] = {
    "general": (25, 90),  # a clear answer with one example
    "behavioral": (45, 120),  # a STAR story: situation, task, action, result (1-2 minutes)
    "situational": (30, 100),  # the steps you would take and why
    "roleplay": (8, 45),  # one reply on a call: say it, then let the customer talk
}
TYPED_WORDS_PER_MINUTE = 140  # to turn a typed answer's words into speaking seconds
LENGTH_ZERO_BELOW = 0.0  # fraction of the band's low end where a short answer scores 0
LENGTH_ZERO_ABOVE = 2.0  # multiple of the band's high end where a long answer scores 0
LENGTH_SHORT_EXPONENT = 0.5  # under the band: (seconds / low) ** this, so half the band scores 71

# Key points: a phrasing counts as covered when this share of its content words is found
# close together in the answer; words match by stem, synonym, or a fuzzy ratio (for
# transcription errors such as "apologised"/"a pologized").
KEY_POINT_COVERED_SHARE = 0.6
FUZZY_WORD_RATIO = 85  # rapidfuzz ratio for two words to count as the same word
FUZZY_MIN_WORD_LENGTH = 5  # shorter words must match by stem or synonym
KEY_POINT_WINDOW_WORDS = 12  # the matched words must sit within this many words
WHOLE_PHRASE_RATIO = 90  # rapidfuzz partial ratio for a whole phrasing heard slightly wrong
SHORT_PHRASE_RATIO = 80  # ...for phrasings of one content word ("let them vent" ~ "let him vent")
KEY_POINT_PARTIAL_CREDIT = 0.5  # a half-covered point earns this share of its share
# How many key points an answer is expected to make: `point_thresholds.py`, with why.
from .point_thresholds import KEY_POINTS_EXPECTED_FLOOR, KEY_POINTS_FROM_WORDS, WORDS_PER_KEY_POINT  # noqa: E402,F401
# Relevance counts a point said in words about the subject per this many words (`relevance.py`): at
# the key points' 30 a short story told to another question no longer drifted (tests/test_coach.py).
TOPICAL_WORDS_PER_POINT = 20.0
# A reply on a call is expected to make this many of its line's points (from KEY_POINTS_FROM_WORDS
# words); an answer that names no day or hour and makes fewer is vague (`overall._no_facts`).
KEY_POINTS_AT_LEAST = 2

# Relevance: how clearly the answer is about what was asked, 0-1, judged by meaning (see the
# section "judgment by meaning" below); this band only names its unit and target.
RELEVANCE = Band(0.5, 1.0, 0.0, 2.0, "out of 1 on the question", "talk about what was asked")
KEY_POINT_RELEVANCE = 0.8  # relevance from saying key points in words about the subject
# An answer to another question is not an answer, however fluent: relevance (0-100) at or
# below OFF_TOPIC_LIMIT knocks it out (see KNOCKED_OUT); between that and ON_TOPIC_LIMIT the
# overall is scaled down gradually.
OFF_TOPIC_LIMIT = 25.0
# In that band, from DRIFT_TIP_FROM up, the tip says the answer would fit the other question a
# little better and asks to tie it to this one (an angry-customer story told to "How do you handle
# stress?" scored 47); below it, that it answers a different question ("I'm leaving because
# there's no room to progress" to the overtime question scored 34).
DRIFT_TIP_FROM = 40.0
ON_TOPIC_LIMIT = 50.0

# Specificity: what "concrete" means depends on the question. A behavioral story has a real
# situation, actions, a number and a result; a what-would-you-do answer has concrete steps in
# order; a general or opinion answer needs a short example or a concrete detail, never a
# number. Each part saturates so a longer answer does not win by being longer.
SPECIFIC_ACTIONS_FOR_FULL = 3
SPECIFIC_NUMBERS_FOR_FULL = 2
SPECIFIC_DETAILS_FOR_FULL = 2  # a number, a thing you did, or a real place
EXAMPLE_WORDS_AFTER = 3  # "for example" sets up an example only with this many words after it
SPECIFICITY_PARTS: dict[str, dict[str, float]] = {
    "behavioral": {"situation": 25, "actions": 30, "numbers": 20, "result": 25},
    "situational": {"actions": 60, "steps": 20, "detail": 20},
    "general": {"example": 60, "detail": 40},
    # a question about the job's facts (FACTS_NOT_EXAMPLES): its specifics are the whole of it
    "facts": {"detail": 100},
}
# Questions answered with facts, not a story: when you can work, how you feel about overtime, your
# setup at home, the training schedule. "Can you give me an example?" of one's availability makes no
# sense (a new user's walkthrough, ninth pass: an excellent answer, "evenings until ten are fine...
# The only thing is Tuesday mornings", was asked for one). Concrete there is the days, the hours,
# the limits: a number, a day or a time of day, a thing you can do or arrange.
FACTS_NOT_EXAMPLES = frozenset({"availability"})

# --- call-center language ------------------------------------------------------------------

# Scores by the number of distinct phrases found: 0, 1, 2 or more.
EMPATHY_BY_COUNT = (20.0, 75.0, 100.0)
OWNERSHIP_BY_COUNT = (30.0, 75.0, 100.0)
POSITIVE_BASE = 85.0  # positive language: the score with no positive or negative phrase
POSITIVE_PER_PHRASE = 10.0  # "what I can do is", "I'd be happy to"
NEGATIVE_PER_PHRASE = 25.0  # "I can't", "there's nothing I can do"
RED_FLAG_NEGATIVE = 50.0  # a red flag is the most negative language of all
RED_FLAG_SEVERE = 45.0  # blaming, dismissing, profanity: points off per phrase
RED_FLAG_MILD = 20.0  # negativity ("I hated", "boring"): points off per phrase
# A knock-out (a severe red flag, another question answered, the job's basics denied, key words
# without sentences) scales the overall by this: to the bottom of the scale, 0-10, where a
# recruiter would mark it; an interviewer remembers it whatever else was said.
KNOCKED_OUT = 0.1
# An answer of a few words cannot show much, whatever it says: at most this many points a word
# (so a four-word answer earns at most 40).
POINTS_PER_WORD = 10.0
# Metrics that score the absence of something (no red flags, no "can't", no hedges) say nothing
# about an answer shorter than this: they are left out (null) rather than scoring 100.
MIN_WORDS_TO_JUDGE_ABSENCE = 20
# Role-play call handling.
GREETING_PARTS = {"greeting": 30, "name": 35, "company": 35}
NEXT_STEPS_BY_COUNT = (20.0, 70.0, 100.0)
CLOSING_BY_COUNT = (10.0, 70.0, 100.0)
VERIFICATION_BY_COUNT = (20.0, 100.0, 100.0)

# --- the overall score: weights in `simulator/areas.py` (absent metrics out, the rest re-normalised)
# --- tips and the verdict ------------------------------------------------------------------

TIP_BELOW = 70.0  # a metric scoring under this earns a tip
POLISH_BELOW = 90.0  # with nothing under TIP_BELOW, the weakest under this earns a polish tip
STRENGTH_AT_LEAST = 75.0  # what we praise first must score at least this
MAX_SESSION_TIPS = 3
# Coach mode: the tip said right after an answer (the whole tip is printed and saved). README
# promises "one short tip after every answer"; a new user's walkthrough (2026-12-01) heard a
# 23 s tip before the offer to try again. 10 s is one or two sentences at the interviewer's
# 165 words a minute, as `interviewer.spoken_seconds` estimates them (erring long).
COACH_TIP_SPOKEN_SECONDS = 10.0

# Session verdicts, by the mean overall of the answers (first match wins).
VERDICTS: tuple[tuple[float, str], ...] = (
    (80.0, "I'd move you to the next round."),
    (65.0, "Not yet, but you're close."),
    (45.0, "Not yet. You have the makings of it, and a few things to work on first."),
    (0.0, "Not yet. Let's build this up together, one thing at a time."),
)
# An answer with no key point heard in fewer words than this is named in the verdict and keeps it
# from a plain "next round": a recruiter remembers the question that got no answer (the demo's weak
# "being nice to people..." misheard, 0 of 6 key points, got "next round" on the mean). Longer ones
# may say their points in other words (tune half: 5 of 27 short strong answers of 20-29 words).
MISSED_ANSWER_WORDS = 20
MISSED_ONE_VERDICT = ("Not yet, but you're close. Your answer to {question} didn't get to what I asked yet; "
                      "the rest was strong. Get that one right and I'd move you to the next round.")
MISSED_SEVERAL_VERDICT = ("Not yet, but you're close. {count} of your answers didn't get to what I asked yet, "
                          "starting with {question}; the rest was strong. Get those right and I'd move you to "
                          "the next round.")
# When one answer or several hold something that would end a real interview (a red flag, the job's
# basics turned down), the verdict says so, kindly and plainly, and how many, whatever the rest scored.
KNOCKOUT_VERDICT = ("Not yet. One thing you said today would end a real interview on its own, so that's "
                    "the first thing to work on; the rest we can build on.")
KNOCKOUT_SEVERAL_VERDICT = ("Not yet. In {count} of your answers you said something that would end a real interview "
                            "on its own, so that's the first thing to work on; the rest we can build on.")

# --- judgment by meaning (the sentence model, `scoring/semantic.py`) -----------------------
# Cosine similarities of all-MiniLM-L6-v2 (int8). Calibrated on the tune half of the judgment
# set (tests/judgment/tune.yaml), never on its held-out half; see README "How answers are scored".

# Key points by meaning (covered, partly, denied, neighbours, example sentences): their own module.
from .point_thresholds import (POINT_COVERED, POINT_DENIED, POINT_EXAMPLE_MARGIN,  # noqa: E402,F401
                               POINT_EXAMPLE_SUPPORT, POINT_NEIGHBOUR_MARGIN, POINT_NEIGHBOURS, POINT_PARTIAL, FRAGMENT_POINT,
                               SUBJECT_DENIED,
                               VERDICT_L2, VERDICT_MARGIN, VERDICT_MODEL_NEAR, VERDICT_MODEL_SURE, VERDICT_NEAR)
# An answer of this many words or fewer, on topic and with no subject, names what the question asked
# for ("Impatience." to the weakness question) and is read in the question's frame. Fifth walkthrough
# (2026-12-01): "Impatience." sat at 0.33 from "a real weakness", and at 0.56 said after the question.
FRAGMENT_WORDS = 3
# A clause of the candidate's this near a key point's phrasing or a good practice of the job
# (`refusal.py`), holding at least this share of its words (two of three: "explain the policy" is not
# refused by "I wouldn't just read the policy at them") and denying them, refuses it: a red flag.
# A little under a point denied, as the clause must hold the practice's words too; the share
# keeps "not raise my voice" from "keep my voice calm" (z-refuse pass, 2026-12-01, measured on
# tests/judgment/refusal_cases.yaml and the fresh cases: none of their professional answers flagged).
PRACTICE_NEAR = 0.45
PRACTICE_SHARE = 0.66
# Empathy in the candidate's own words: a clause naming a feeling this near a sentence of the
# `acknowledge` idea (exemplars.yaml). "I told him I could see why a surprise charge would upset
# anyone" is 0.65 from "I told him I understood why he was upset" (a new user's story was told it
# never acknowledged the customer); "I'd tell them I can't help them" is 0.73, and names no feeling.
EMPATHY_MEANING = 0.55
# Relevance: the answer against the question, and against the nearest bundled question on
# another subject (one whose profile is less similar than this to the question's own). The
# margin (own minus rival) maps to 0-1 between these two; two key points said in words about
# the subject also make an answer on topic (worth KEY_POINT_RELEVANCE).
RIVAL_BELOW = 0.7
# Questions about the candidate (a strength, a weakness, yourself) are answered from any part of one's working life:
# their rivals are only PERSONAL's (sixth pass, 2026-12-01); a denial there is nothing said about yourself, not the job
# turned down (the coach's tip); no caller's problem is at stake there: the only-your-own-calm cap never applies.
ABOUT_YOU = frozenset({"about-you"})
PERSONAL = frozenset({"about-you", "motivation"})
TOPIC_MARGIN_OFF = -0.35
TOPIC_MARGIN_ON = -0.08
# p4-relevance (2026-12-02, tune): under MARGIN_OFF a point said by meaning (clause POINT_PARTIAL near) counts to
# MARGIN_CLEAR ("We log the fault, sort it..." to good service: -0.40, 0.44 from "fix it"); one found by its words,
# if its clause is POINT_WORDS_MEANT near it by meaning (off topic 0.13-0.20: "sort the rota out"; kept 0.27 up).
TOPIC_MARGIN_CLEAR = -0.45
POINT_WORDS_MEANT = 0.25
TOPIC_OWN_OFF = 0.08  # ...and an answer this far from the question's meaning is about something else
TOPIC_OWN_ON = 0.22
TOPICAL_POINTS_FOR_FULL = 2
ON_TOPIC = 0.5  # relevance (0-1) from which the answer is on topic
RIVAL_NAMED = 0.45  # a tip names the other question when the answer is this near it...
RIVAL_NAMED_MARGIN = -0.15  # ...and this much nearer it than the question asked
# An answer giving none of what its question asks for (`intent.py`), no key point, and nearer another question
# (or chat) answers that one: relevance held at ANOTHER_QUESTION_RELEVANCE (a knock-out). g3-offtopic (2026-12-02),
# tune: the bus route to "What's your availability?" -0.19, "I'm leaving my current job because there's no room to
# progress" to the overtime question -0.20; p4-relevance: "good service means getting the parcel there when you
# promised" to it, -0.12 (at 0 no other tune fresh answer moved). Willing answers as far ("If it is required, then I
# don't mind": -0.20; "I guess it depends how much": -0.21) say yes or no to the hours: left to the other measures.
ANOTHER_QUESTION_MARGIN = 0.0
ANOTHER_QUESTION_RELEVANCE = 0.1
# Red flags by meaning: `flag_thresholds.py`, with why.
from .flag_thresholds import (  # noqa: E402,F401
    RED_FLAG_MEANING, RED_FLAG_MARGIN, RED_FLAG_NEAR, RED_FLAG_CLEAR_MARGIN, RED_FLAG_SURE,
    RED_FLAG_SHORT_SENTENCE, RED_FLAG_MAIN_PHRASE, STANCE_PENALTY, RED_FLAG_PHRASE_SENTENCE,
    RED_FLAG_CONSENSUS, RED_FLAG_CONSENSUS_MARGIN, RED_FLAG_CONSENSUS_ANSWER_TONE, RED_FLAG_PHRASE_NEAR,
    RED_FLAG_PHRASE_MARGIN, RED_FLAG_PHRASE_WORDS, ATTITUDE_NEAR, ATTITUDE_MARGIN, TONE_L2, TONE_ANSWER,
    TONE_NEAR, TONE_WORDS, TONE_ANSWER_ROW, TONE_WORDS_CALL, TONE_ANSWER_CALL, TONE_WORDS_SHORT,
    TONE_ANSWER_SHORT, TONE_NEAR_SHORT, TONE_LEAD_FLOOR, MOTIVE_CATEGORIES, MOTIVE_NEAR, MOTIVE_NEAR_IN_CATEGORY,
    SCORN_NEAR, SCORN_MARGIN, FLAG_MODEL_WORDS, FLAG_MODEL_BAR, FLAG_MODEL_BAR_CALL)
# Clichés: a sentence this near a canned answer ("I'm a people person") is one. An answer that
# is mostly clichés, with no concrete detail of its own, is weak whatever it covers.
CLICHE_MEANING = 0.68
CLICHE_SHARE = 0.5  # the share of its sentences (and of a sentence's words, for a phrase of it)
CLICHE_CAP = 40.0  # the most such an answer can score (the top of "weak")
# ...unless its steps make a clear shape (structure at least STRENGTH_AT_LEAST) and are this concrete:
# "Stay calm and let them vent. Then apologise, ask for the tracking number..." is a plan (specificity 70)
CLICHE_PLAN_AT = 60.0
# A clause that only says the question back (`said_back.py`) with at least this many content words
# of its own carries no red flag: "and some customers are not good with technology", said back to
# "...a customer who isn't good with technology?", was knocked out as contempt, "mandatory overtime
# is overtime that is mandatory" as a refusal (restating_cases.yaml). One word ("In five years",
# "on calls") is too little to tell: a brush-off beside it still counts (eighteenth pass, 2026-12-03).
SAID_BACK_FLAG_WORDS = 2
# ...in a clause of at least this many words: "Mandatory overtime, love that for me. Nothing says 'we
# value you' like..." names the question's subject in two words, and its red flag stays (fresh8).
SAID_BACK_FLAG_LENGTH = 4
# A story must say how it turned out for the customer, a plan what you would do for them: a
# clause this near one of the exemplars (`exemplars.OUTCOMES`) does. A long answer without
# one rambles: it can score at most RAMBLE_CAP.
OUTCOME_MEANING = 0.6
RAMBLE_WORDS = 100
RAMBLE_CAP = 55.0  # also a long story in which you did nothing yourself (a new user's ramble scored 79)
# Padding (`said_back.padded_words`): an answer of at least PADDED_WORDS words, at least PADDED_SHARE
# of whose words only say the question, the setting or the caller back, praise anything at all, or
# fill time ("that's a great question", "a job is a job"), is carried by one thin point: at most
# PADDED_CAP, under a plain twin that says the same point. Measured by the u9-padding pass
# (2026-12-03) on the tune half (tune.yaml and every tune fresh file): the 30 padded answers of
# padding/padding2 by then 0.21-0.84 (26 at 0.25 or more); no professional answer (short_strong,
# excellent) of 40 words or more reached 0.15, and the shorter ones that echo the question in their
# own answer ("Seven days, up to ten at night") reached 0.54, hence the floor in words.
PADDED_SHARE = 0.25
PADDED_WORDS = 40
PADDED_CAP = RAMBLE_CAP
# An answer whose key points are all about the agent's own composure ("I'd take a deep breath and
# remind myself it's not about me"), with nothing said or done for the caller, is at most "weak"
# (tests/judgment/tiers.yaml): a recruiter hears no customer in it. Third pass (2026-12-01).
COMPOSURE_CAP = 45.0
# A reply on a call that covers none of its line's key points, even in part, and neither acknowledges
# the caller nor owns their problem: its delivery and tidy length cannot carry it past "weak" (an
# offhand "no idea where it is, these things happen" scored 64 on its fillers, relevance and length
# alone; seventh pass, 2026-12-01).
NOTHING_DONE_CAP = 30.0
# Asked for a real time, an answer with no situation, task, action or result at all, only what you
# usually do, is at most the top of "weak": interview guides answer "Tell me about a time" with one
# real story (STAR), and "I just tend to listen and sort it out" scored 66 (seventh pass).
NO_STORY_CAP = 45.0
# Hedged throughout: at least HEDGED_AT_LEAST hedges, one every ten words or more. An answer that
# commits to nothing ("Hard to say, really. Hopefully still working, maybe a bit further on") is at
# most the top of "weak", however on topic (it scored 74); no answer labelled better than mediocre in
# the judgment set's tune half hedges that much (seventh pass, 2026-12-01).
# Thin answers: a story in which the candidate did nothing at all (no action of theirs: the
# candidate as a bystander, or "it's usually fine in the end"), and a reply on a call that only
# sympathises, with no action or ownership and not all that the line needs, are at most the top of
# "weak" (tests/judgment/tiers.yaml). j3-thin pass (2026-12-02), on tests/judgment/thin_cases.yaml
# (written before the rule) and every tune-side case: no short strong, excellent or paraphrase answer
# lacks both, while thin ones scored 58-69 on their on-topic words and absence metrics.
THIN_CAP = 45.0
HEDGED_PER_100_WORDS = 10.0
HEDGED_AT_LEAST = 3
HEDGED_CAP = 45.0
# Asked for facts (`FACTS_NOT_EXAMPLES`), an answer that gives none (no day, hour, limit or thing it
# would arrange) and makes at most one point is willing but vague: "I'm pretty flexible really, whatever works." scored 59 (once
# it was no longer taken for a word list), where a recruiter hears low-middle and asks which days and
# shifts (a new user's try, tenth pass, 2026-12-01). At most the top of "weak", like a story untold.
NO_FACTS_CAP = 45.0
# ...and so can a long answer of any kind that covers less than this of its key points (0-100):
# it talks around the question. Second pass (k-judgment2): the fresh rambling cases on a general
# and a situational question scored 80 and 67; no tune-half answer is under this and that long.
RAMBLE_POINTS_BELOW = 35.0
# Two compounds of one word with different words after it name siblings, not the same thing:
# "weekdays" and "weeknights" beside "weekends" (0.79 and 0.66 by meaning, as near as "Saturdays"
# is: the sentence model cannot tell a neighbour from a synonym). A clause naming a sibling of a
# one-word phrasing, and none of the point's own words, covers it not by meaning (u9-padding,
# padding2_points.yaml). The shared word at least SIBLING_STEM letters, each tail at least
# SIBLING_TAIL letters, all whole words to the model ("train"+"er"/"ing" are endings, not words).
SIBLING_STEM = 4
SIBLING_TAIL = 3
# A clock range that ends by this hour (24-hour clock) is a working day, not the evening: "nine to five" does not
# cover "evenings" (`times.py`). Six o'clock: the usual end of a day shift, and where the bank's own example of the
# evening starts ("After five in the evening" is read as a time inside it by its word "evening").
DAY_ENDS_BY = 18
