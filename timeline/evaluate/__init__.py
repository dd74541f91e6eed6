"""Evaluation against annotated corpora: TimeML in and out, TempEval-3 Task A scores for TIMEX3."""
from __future__ import annotations

from timeline.evaluate.timeml import Report, annotate, score

__all__ = ["Report", "annotate", "score"]
