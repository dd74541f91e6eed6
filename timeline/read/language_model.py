"""py3langid's naive Bayes model, read without NumPy from an uncompressed copy in the cache.

py3langid ships its model LZMA-compressed: unpacking it and importing NumPy cost about 1 s, more
than the rest of `timeline times` on a one-line file. The first run writes the model's arrays,
uncompressed, to one file in the cache directory (timeline/cache.py); later runs map that file
into memory and score a sample as py3langid does (a walk of its byte automaton, then the
log-probabilities of the features met, summed), touching only the pages of those features.
Without a cache directory, py3langid itself is used.
"""
from __future__ import annotations

import json
import math
import mmap
import struct
import unicodedata
from collections import Counter
from importlib.util import find_spec
from pathlib import Path
from typing import Optional

from timeline.cache import cache_dir, write_entry

FORMAT = 1          # of the cached file: raise when its layout changes
MODEL_FILE = "data/model.npz.xz"    # py3langid.langid.MODEL_FILE, in its package
_ARRAYS = ("nextmove", "row", "out", "ptc")


class Model:
    """What `classify` needs of py3langid's model, as flat buffers."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        (size,) = struct.unpack_from("<Q", self._map, 0)
        head = json.loads(self._map[8:8 + size])
        self.classes: list[str] = head["classes"]
        self.pc: list[float] = head["pc"]
        if max(end for _, end in head["offsets"].values()) > len(self._map):
            raise ValueError(f"{path}: cut short")
        view = memoryview(self._map)
        parts = {name: view[start:end] for name, (start, end) in head["offsets"].items()}
        self.nextmove = parts["nextmove"].cast(head["types"]["nextmove"])
        self.row = parts["row"].cast(head["types"]["row"])
        self.out = parts["out"].cast("i")
        self._ptc = parts["ptc"]
        self._row_of = struct.Struct(f"={len(self.classes)}e")     # one feature's float16 scores
        first: dict[str, int] = {}
        self.aliases = []               # (first, duplicate) columns of one label ("srl" -> "sr")
        for i, label in enumerate(self.classes):
            if label in first:
                self.aliases.append((first[label], i))
            else:
                first.setdefault(label, i)

    def classify(self, text: str) -> tuple[str, float]:
        """(language, probability), as py3langid's LanguageIdentifier(norm_probs=True).classify."""
        data = _encode(text)
        nextmove, row, out = self.nextmove, self.row, self.out
        state, found = 0, []
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            if out[state] >= 0:
                found.append(out[state])
        scores = list(self.pc)
        if not found:
            scores = [0.0] * len(scores)    # no feature: uniform, so unsure
        width = self._row_of.size
        for feature, count in Counter(found).items():
            weight = math.log1p(count)
            scores = [s + weight * p for s, p in zip(scores, self._row_of.unpack_from(self._ptc, feature * width))]
        # py3langid's temperature: sqrt(bytes) keeps the softmax calibrated across lengths
        scale = 1.0 / math.sqrt(len(data) or 1)
        top = max(scores) * scale
        probs = [math.exp(s * scale - top) for s in scores]
        total = sum(probs)
        probs = [p / total for p in probs]
        for i, j in self.aliases:
            probs[i] += probs[j]
            probs[j] = 0.0
        best = max(range(len(probs)), key=probs.__getitem__)
        return self.classes[best], probs[best]


def _encode(text: str) -> bytes:
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def load() -> Optional[Model]:
    """The cached model, written on first use; None without a usable cache directory."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        # found, not imported: importing py3langid imports NumPy
        source = Path(find_spec("py3langid").submodule_search_locations[0]) / MODEL_FILE
        stat = source.stat()
        path = directory / f"langid-{FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.bin"
        if path.is_file():
            try:
                return Model(path)
            except (OSError, ValueError, KeyError, TypeError):
                pass                            # cut short or foreign: written again
        _write(path, source)
        _prune(path)
        return Model(path)
    except (OSError, ValueError, KeyError, TypeError):  # unwritable, truncated, moved: py3langid itself
        return None


def _write(path: Path, source: Path) -> None:
    """The model's arrays, uncompressed, after a JSON head (classes, class priors, offsets)."""
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out = load_model(source)
    arrays = {"nextmove": nextmove.tobytes(), "row": row.tobytes(),
              "out": np.asarray(out, dtype=np.int32).tobytes(),
              "ptc": np.ascontiguousarray(ptc, dtype=np.float16).tobytes()}
    head = {"classes": list(classes), "pc": [float(p) for p in pc],
            "types": {"nextmove": nextmove.typecode, "row": row.typecode}, "offsets": {}}
    # offsets depend on the head's length, which holds them: reserve room, then fill in
    start = 8 + 4096 + len(json.dumps(head))
    for name in _ARRAYS:
        start = -(-start // 8) * 8
        head["offsets"][name] = (start, start + len(arrays[name]))
        start += len(arrays[name])
    text = json.dumps(head).encode()
    write_entry(path, _padded(struct.pack("<Q", len(text)) + text, head["offsets"], arrays))


def _padded(head: bytes, offsets: dict, arrays: dict):
    """The head, then each array at its offset (zero bytes between)."""
    yield head
    written = len(head)
    for name in _ARRAYS:
        start = offsets[name][0]
        yield bytes(start - written)
        yield arrays[name]
        written = start + len(arrays[name])


def _prune(kept: Path) -> None:
    """Copies of other py3langid versions' models go: each is 70 MB."""
    for old in kept.parent.glob("langid-*.bin"):
        if old != kept:
            try:
                old.unlink()
            except OSError:
                pass
