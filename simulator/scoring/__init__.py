"""Scoring: a question and an answer (typed or spoken) to explainable metrics and an overall.

It measures and gives no advice (the coach does; `simulator.assess` joins the two). The
entry point is `measure.measure`; `measure.metric_names` says which areas of `areas.AREAS`
an answer gets. Each area has one measure function, registered with `inputs.measures`:

- `content.py`: key points, specificity, structure, length; `relevance.py` relevance
- `language.py`: empathy, ownership, positive language, red flags, and call handling;
  `calls.py` judges a role-play call as a whole, `plan.py` says where each area belongs
- `delivery.py`: pace, fillers, hedging, repetition, pauses, time to start, clarity;
  `sound.py` volume and monotone
- `text.py` (an answer as tokens, quotes), `words.py`, `matching.py`, `lexicon.py` (the
  phrases listened for), `topics.py` (relevance's vocabulary)
- `thresholds.py`: every threshold, with its source

This file imports nothing, so `thresholds` stays cheap to import from the bottom layer.
"""
