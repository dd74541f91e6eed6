"""`timeline render` and the page options of `timeline build`, through the real command."""
import json
import subprocess
import sys

import pytest
from synthetic import small_timeline

PLOTLYJS_BANNER = "plotly.js v"


def timeline(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True,
                          text=True, env=env)


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(small_timeline().model_dump_json(indent=2))
    return path


@pytest.mark.parametrize("fmt,name", [("html", "t.html"), ("timelinejs", "t.timelinejs.json"), ("csv", "t.csv")])
def test_render_writes_beside_the_json_by_default(saved, tmp_path, fmt, name):
    r = timeline("render", str(saved), "--format", fmt, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / name).stat().st_size > 0


def test_render_fragment_to_stdout_and_options(saved, tmp_path):
    r = timeline("render", str(saved), "--fragment", "-o", "-", "--lanes", "status", cwd=tmp_path)
    assert r.returncode == 0 and "plotly-graph-div" in r.stdout and PLOTLYJS_BANNER not in r.stdout
    r = timeline("render", str(saved), "-o", "out/p.html", "--plotlyjs", "directory", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "out" / "plotly.min.js").exists()


def test_render_timelinejs_output_is_json(saved, tmp_path):
    timeline("render", str(saved), "--format", "timelinejs", "-o", "tl.json", cwd=tmp_path)
    assert len(json.loads((tmp_path / "tl.json").read_text())["events"]) == 7


@pytest.mark.parametrize("content,problem", [(None, "cannot read"), ("{}", "not a timeline JSON"),
                                             ("nonsense", "not a timeline JSON")])
def test_render_bad_input_is_one_line_exit_2(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    r = timeline("render", str(path), cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and problem in r.stderr
    assert str(path) in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "bad.html").exists()


def test_render_image_without_browser_exits_2(saved, tmp_path):
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path)}
    r = timeline("render", str(saved), "--format", "png", cwd=tmp_path, env=env)
    assert r.returncode == 2 and "no Chrome or Chromium" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "t.png").exists()


def test_render_missing_template_exits_2(saved, tmp_path):
    r = timeline("render", str(saved), "--template", "nope.html", cwd=tmp_path)
    assert r.returncode == 2 and "template not found" in r.stderr


def test_build_accepts_page_options(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("title: T\npublished: 2021-08-02\n\nRockets hit the base on 7 July 2021.\n")
    r = timeline("build", str(article), "--format", "csv", "-o", "a.csv", "--lanes", "source", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.csv").read_text().startswith("id,start,end")
