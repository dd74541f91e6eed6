"""Stage 2, split: sentences with offsets, and tense cues."""
from timeline.text.sentences import Sentence, split_sentences

__all__ = ["Sentence", "split_sentences"]
