"""Same inputs, same output, byte for byte."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, capture_output=True,
                          text=True, check=True)


def test_extract_json_is_byte_identical_across_runs(tmp_path):
    run("extract", str(SAMPLES), "-o", "a.json", cwd=tmp_path)
    run("extract", str(SAMPLES), "-o", "b.json", cwd=tmp_path)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_build_html_is_byte_identical_across_runs(tmp_path):
    run("build", str(SAMPLES), "-o", "a.html", cwd=tmp_path)
    run("build", str(SAMPLES), "-o", "b.html", cwd=tmp_path)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
