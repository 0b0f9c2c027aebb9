"""Key points by meaning: how near a clause must be to a point's phrasings (or its example
sentences) to say it, deny it, or be taken for a neighbouring point (`points.py`). Cosine
similarities of all-MiniLM-L6-v2 (int8), calibrated on the tune half of the judgment set
(tests/judgment/tune.yaml), never on its held-out half; read through `thresholds` as `th.POINT_*`."""

# A clause near one of a point's phrasings, with the same stance, says it; partly, from POINT_PARTIAL.
POINT_COVERED = 0.55
POINT_PARTIAL = 0.42
POINT_DENIED = 0.55  # a clause this near a phrasing with the opposite stance denies the point
# A point's example sentences (the bank's `examples:`) are heard at the same bars, for the point
# whose examples a clause is nearest, if the clause is also this near one of that point's own
# phrasings (bare labels sit 0.2-0.3 from their paraphrases: "keying in what they tell you" 0.25
# from "use the computer"). Without it, examples in a question's frame lifted the generic: "I would
# explain it slowly and make sure they understand" sat 0.73 from "I'd use something they already know
# to explain it" (0.14 from "compare it") and took a mediocre tune answer from 45 to 83. Tune
# (k6-examples, 2026-12-02), mean overall / key points: paraphrase 76.2/63.9 -> 80.6/86.8, mediocre
# 38.8/39.3 -> 39.7/46.1, off-topic 2.3 -> 2.4 (0.25: 80.2 and 39.0; 0.15: 80.7 and 39.8). A higher
# bar for example rows (0.03-0.15 more) cut the paraphrases' gain, not the mediocre's.
POINT_EXAMPLE_SUPPORT = 0.2
# ...and a clause that says another point of the question (its words, or this much nearer by
# meaning) covers a point only by its own words: "Evenings are fine" sits 0.55 from "weekends" and
# says "evenings" (a new user's try, tenth pass, 2026-12-01)
POINT_NEIGHBOUR_MARGIN = 0.2
# Two points of a question are neighbouring ideas when some of their phrasings are this near
# ("evenings"/"weekends" 0.66, "stayed calm"/"calmed down" 0.67; "your customers"/"great reviews"
# 0.31, said together in "the reviews from your customers are great").
POINT_NEIGHBOURS = 0.5
