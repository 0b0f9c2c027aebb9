"""Looking back: a session's answers with their marks, the tips, and progress across sessions.

By model, then by medium. The model, read from the notebook and never from the live session:
- `marks.py`: an answer's transcript as words with marks (fillers, hedges, red flags, pauses)
- `evidence.py`: a metric's evidence as lines to read (the same line once, with how often)
- `progress.py`: sessions grouped typed / spoken, each metric's trend, each tip's standing
  (over `notebook.history`)
- `figures.py`: numbers, units, times and names as they read
- `asked.py`: a session's answers by question (a role-play call's replies together), and their count
The media, over the same model:
- `terminal.py`: `review`, `tips`, `progress` and `score` in the terminal
- `html.py` (with `charts.py` and `templates/`): the HTML reports
"""

from __future__ import annotations

from .figures import metric_label
from .marks import MarkedTranscript, Pause, Run, locate, mark_transcript, shown_words
from .terminal import (
    format_progress, format_score, format_session, format_session_list, format_tips, format_transcript,
    use_colour,
)

__all__ = ["metric_label", "MarkedTranscript", "Pause", "Run", "locate", "mark_transcript", "shown_words",
           "format_progress", "format_score", "format_session", "format_session_list", "format_tips",
           "format_transcript", "use_colour"]
