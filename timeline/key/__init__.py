"""Stage 8, key events: salience for every merged event, then the story's key events.

- `score_salience(timeline)` sets `salience` (0-1) and `salience_rule` on every event, from the
  weights in salience.toml (sources, outlets, later articles, mentions, date precision, status, type).
- `key_events(timeline, n)` keeps the n most salient events on distinct days ('auto': n from the
  archive's size), each with a one-line `summary` and its best `evidence` sentence.
- `within(timeline, start, end)` keeps the events dated within a period.
"""
from timeline.key.salience import load_weights, score_salience
from timeline.key.select import auto_count, key_events, parse_key, period, period_bound, within

__all__ = ["auto_count", "key_events", "load_weights", "parse_key", "period", "period_bound", "score_salience", "within"]
