"""Key points by meaning: how near a clause must be to a point's phrasings (or its example
sentences) to say it, deny it, or be taken for a neighbouring point (`points.py`); and how many
points an answer is expected to make (`content.key_points`). Cosine
similarities of all-MiniLM-L6-v2 (int8), calibrated on the tune half of the judgment set
(tests/judgment/tune.yaml), never on its held-out half; read through `thresholds` as `th.POINT_*`."""

# A clause near one of a point's phrasings, with the same stance, says it; partly, from POINT_PARTIAL.
POINT_COVERED = 0.55
POINT_PARTIAL = 0.42
POINT_DENIED = 0.55  # a clause this near a phrasing with the opposite stance denies the point
# A part of the job named and then turned down ("Sorting out people's muddles on the phone has never
# appealed to me", `verdict.judged_subject`) denies a point its words alone are this near, when
# nothing in the answer says the point even partly: the verdict pulls the whole clause away from it.
SUBJECT_DENIED = 0.42
# A point's example sentences (the bank's `examples:`) say a point or nothing (no partial credit: a
# clause near one in part is near its subject, "the courier will deliver it whenever" and "I'm
# looking at where the courier says they left it"), at POINT_COVERED plus this margin, for the point
# whose examples the clause is nearest, and only if the clause is also POINT_EXAMPLE_SUPPORT near
# one of that point's own phrasings (bare labels sit 0.2-0.3 from their paraphrases: "keying in what
# they tell you" 0.25 from "use the computer"). Without the support, examples in a question's frame
# lifted the generic: "I would explain it slowly and make sure they understand" sat 0.73 from "I'd
# use something they already know to explain it" (0.14 from "compare it") and took a mediocre tune
# answer from 45 to 83. Without the margin and with partial credit, tune paraphrases rose further
# (80.6) but mediocre answers too (38.8 -> 39.7), and antonyms were heard ("I talked over her" 0.59
# from "I let her talk until she'd said everything"). Tune (k6-examples, 2026-12-02), mean overall /
# key points: paraphrase 76.2/63.9 -> 78.2/74.5; every other family unchanged.
POINT_EXAMPLE_SUPPORT = 0.2
POINT_EXAMPLE_MARGIN = 0.05
# ...and a clause that says another point of the question (its words, or this much nearer by
# meaning) covers a point only by its own words: "Evenings are fine" sits 0.55 from "weekends" and
# says "evenings" (a new user's try, tenth pass, 2026-12-01)
POINT_NEIGHBOUR_MARGIN = 0.2
# Two points of a question are neighbouring ideas when some of their phrasings are this near
# ("evenings"/"weekends" 0.66, "stayed calm"/"calmed down" 0.67; "your customers"/"great reviews"
# 0.31, said together in "the reviews from your customers are great").
POINT_NEIGHBOURS = 0.5
# A few words that name the thing the question asked for ("Impatience." to "What is your greatest
# weakness?", read in the question's frame: `Inputs.fragment_answer`) say the point they are nearest
# from this bar, not POINT_COVERED: the frame reading sits at 0.547-0.56 depending on the CPU's int8
# kernels (AVX-512 with AMX against others), so the bare POINT_COVERED made the same answer covered on
# one machine and partly covered on another. Only the nearest point, and only for such fragments.
FRAGMENT_POINT = 0.5

# An answer is expected to cover a key point for about every this many words (all of them in
# a full answer): a brief answer is judged on what it said; the length metric says it was brief.
# o7-excellent (2026-12-02): one per 20 words marked a full story down for its length: "A lady's
# refund had been stuck for six weeks... She went from furious to thanking me" (56 words, three
# points) was expected to make three, while a 30-word answer making two had full marks, so excellent
# answers lost to short strong ones in 635 of 2478 tune pairs. A recruiter counts what was said,
# not its density; one per 30 words still marks a long answer that says little (rambling stays at
# most 60; at 40 and up, rambling rose over its bound).
WORDS_PER_KEY_POINT = 30.0
# ...but an answer of a sentence or two is expected to make more than one point when the question
# has several: "Being nice to people. Once a waiter remembered my order" made one of six and scored
# 90 in the demo. A phrase of a few words is still judged on the one point it makes.
KEY_POINTS_FROM_WORDS = 10
# A full answer is expected to make two or three points (KEY_POINTS_EXPECTED_FLOOR: two make 80, over
# TIP_BELOW, three make 100): a recruiter hears one idea as thin and several as complete. At 2 a 30-word
# answer making two points matched a story making four; at 3, two points fell under TIP_BELOW
# (a key-points tip on every short strong answer). With WORDS_PER_KEY_POINT, tune + fresh wrong pairs
# (o7-excellent): excellent>short_strong 635 -> 429, short_strong>mediocre 598 -> 579 (one per 30 words
# alone: 473, 582; a floor of 2.25: 448; of 3: 439, 563).
KEY_POINTS_EXPECTED_FLOOR = 2.5
# A sentence that names a part of the job and then says, with no denial, what the candidate makes
# of it (`verdict.py`) likes or dislikes it when "that <predicate>" is this near the nearest
# exemplar of one (exemplars.yaml, verdicts) and this much nearer it than the other. Nineteenth
# pass (2026-12-03), on predicates written for the purpose, not cut from any case: "is the last
# thing I'd want" 0.77 from a dislike (0.55 from a liking), "sounds exhausting to me" 0.74 (0.45);
# "is the first thing I'd want" 0.63 against 0.56 and "is a hard pass from me" 0.48 against 0.38
# are not heard either way, and the clause reading stands.
VERDICT_NEAR = 0.6
VERDICT_MARGIN = 0.15
# A predicate near no single exemplar is read by the verdict model (verdict_model.py) when it is at
# least VERDICT_MODEL_NEAR near one of its rows (it is said like a verdict at all) and the model is
# VERDICT_MODEL_SURE sure (log-odds) either way; near one verdict, it stands unless the model leans
# the other way. Twenty-second pass (2026-12-04), on the 77 predicates of the tune cases: at 0.5 no
# fact is read as a verdict ("is really close to my house" 0.60 is liked, harmless), while 0.45
# adds "is my fault" and "were my weak spot" as dislikes and no true one; no tune score moved
# between the two. "sounds draining to me" is 0.48 near, so it is not heard (measured, left).
# VERDICT_L2: the model's regularisation, as the tone model's (TONE_L2).
VERDICT_MODEL_NEAR = 0.5
VERDICT_MODEL_SURE = 0.5
VERDICT_L2 = 0.3
