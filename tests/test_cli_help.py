"""Every registered command answers --help, with an example."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import timeline  # noqa: E402
from timeline.cli import main  # noqa: E402

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_help_has_an_example(command):
    result = timeline(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example" in result.stdout, f"timeline {command} --help shows no example"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_readme_documents_the_command(command):
    assert f"timeline {command}" in README, f"README.md does not document `timeline {command}`"


@pytest.mark.parametrize("option", ["--jobs", "--engine", "--scheduler", "--fetch", "--text-column",
                                    "--quiet", "--verbose", "--jsonl"])
def test_readme_documents_the_shared_options(option):
    assert option in README


def test_readme_links_reach_sections_and_files():
    """Every [text](#anchor) names a heading (GitHub's slug), every relative link an existing file."""
    import re

    root = Path(__file__).resolve().parent.parent
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
             for h in re.findall(r"^#+ (.+)$", prose, re.M)}
    links = re.findall(r"\]\(([^)\s]+)\)", prose)
    assert links
    for link in links:
        if link.startswith("#"):
            assert link[1:] in slugs, f"README link {link}: no such section"
        elif not re.match(r"[a-z]+://", link):
            assert (root / link.split("#")[0]).exists(), f"README link {link}: no such file"
