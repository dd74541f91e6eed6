"""What `timeline render` and `timeline build` write: one format to one file (or stdout)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from timeline.atomic import write_atomic
from timeline.errors import InputError
from timeline.models import Timeline

FORMATS = ("html", "png", "svg", "pdf", "timelinejs", "csv")
SUFFIXES = {"html": ".html", "png": ".png", "svg": ".svg", "pdf": ".pdf",
            "timelinejs": ".timelinejs.json", "csv": ".csv"}


def load_timeline(path: str) -> Timeline:
    """A saved Timeline JSON; bad or missing files become one-line errors."""
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read: {getattr(e, 'strerror', None) or e}", path) from None
    try:
        return Timeline.model_validate_json(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise InputError(f"not a timeline JSON: {where}: {first['msg']}", path) from None


def default_output(source: str, fmt: str) -> str:
    """Beside the timeline JSON, named after it: t.json -> t.html, t.png..."""
    base = Path("timeline" if source == "-" else source)
    return str(base.with_suffix("").with_suffix(SUFFIXES[fmt]) if base.suffix else
               base.with_name(base.name + SUFFIXES[fmt]))


def render_to(timeline: Timeline, fmt: str, fragment: bool = False, template: Optional[str] = None,
              plotlyjs: str = "inline", lanes: str = "type") -> str | bytes:
    from timeline import render

    if fmt == "html":
        if fragment:
            return render.fragment(timeline, lanes=lanes)
        return render.page(timeline, template=template, plotlyjs=plotlyjs, lanes=lanes)
    if fmt == "timelinejs":
        return render.timelinejs_json(timeline)
    if fmt == "csv":
        return render.to_csv(timeline)
    return render.image(timeline, fmt, lanes=lanes)


def write_rendered(timeline: Timeline, output: str, fmt: str = "html", **options) -> str:
    """Render and write atomically; `-` writes to standard output. Returns where it went."""
    data = render_to(timeline, fmt, **options)
    if output == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return "standard output"
    write_atomic(output, data)
    if fmt == "html" and options.get("plotlyjs") == "directory" and not options.get("fragment"):
        from timeline.render import write_plotlyjs
        write_plotlyjs(Path(output).parent)
    return output
