"""The coach: measured answers to the interviewer's words, a tip after an answer, and the
end-of-session feedback.

The voice is a warm, experienced call-center recruiter on a phone screen, speaking in the first
person: short sentences, concrete, no jargon. Each tip names the behaviour, quotes what was
said (whole phrases, with the time when the answer was spoken), sets a concrete target and
gives one drill. A tip is only given when the evidence supports it; when nothing needs saying,
`answer_tip` returns None and `praise` gives a line of praise.

- `targets.py`: what counts as met for each area, and the number progress tracks
- `phrasing.py`: counts, times, lengths, lists and quotes as the interviewer says them
- `quoting.py`: the words an evidence item points at (shared with the review), `context.py`
  what a tip writer reads besides the metric
- `tips/`: one writer per area, by family; `answer.py` the tips for one answer
- `praise.py`: what was strong; `feedback.py` the verdict and the session's tips
"""

from __future__ import annotations

from .answer import answer_tip, answer_tips
from .feedback import Feedback, session_feedback, verdict_for
from .praise import PRAISES, praise, praises
from .targets import metric_in_range, progress_value, target_text
from .tips import WRITERS, writes

__all__ = ["answer_tip", "answer_tips", "Feedback", "session_feedback", "verdict_for", "praise", "praises",
           "PRAISES", "metric_in_range", "progress_value", "target_text", "WRITERS", "writes"]
