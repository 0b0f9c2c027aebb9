"""Key points by meaning: how near a clause must be to a point's phrasings (or its example
sentences) to say it, deny it, or be taken for a neighbouring point (`points.py`). Cosine
similarities of all-MiniLM-L6-v2 (int8), calibrated on the tune half of the judgment set
(tests/judgment/tune.yaml), never on its held-out half; read through `thresholds` as `th.POINT_*`."""

# A clause near one of a point's phrasings, with the same stance, says it; partly, from POINT_PARTIAL.
POINT_COVERED = 0.55
POINT_PARTIAL = 0.42
POINT_DENIED = 0.55  # a clause this near a phrasing with the opposite stance denies the point
# A point's example sentences (the bank's `examples:`) are whole sentences in a candidate's voice, so
# any first-person clause sits nearer them than a bare label ("I" and "the customer" are shared): a
# clause must be this much nearer an example than a phrasing to say the point by it.
POINT_EXAMPLE_MARGIN = 0.05
# ...and a clause that says another point of the question (its words, or this much nearer by
# meaning) covers a point only by its own words: "Evenings are fine" sits 0.55 from "weekends" and
# says "evenings" (a new user's try, tenth pass, 2026-12-01)
POINT_NEIGHBOUR_MARGIN = 0.2
# Two points of a question are neighbouring ideas when some of their phrasings are this near
# ("evenings"/"weekends" 0.66, "stayed calm"/"calmed down" 0.67; "your customers"/"great reviews"
# 0.31, said together in "the reviews from your customers are great").
POINT_NEIGHBOURS = 0.5
