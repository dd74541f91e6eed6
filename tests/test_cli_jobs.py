"""Many documents: a process pool (--jobs) or a Dask cluster give the same bytes as one process."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import ROOT, refused, timeline  # noqa: E402
from timeline.read import read_inputs  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 articles recombined from the bundled samples (more than the pool's inline threshold)."""
    docs = list(read_inputs([str(ROOT / "samples")]))
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w") as f:
        for i in range(40):
            a, b = docs[i % len(docs)], docs[(i * 3 + 1) % len(docs)]
            paragraphs = a.text.split("\n\n")[: 3 + i % 4] + b.text.split("\n\n")[2: 4 + i % 3]
            f.write(json.dumps({"id": f"n{i}", "title": a.title, "published": a.published,
                                "text": "\n\n".join(paragraphs)}) + "\n")
    return path


def run(tmp_path, name, *args):
    out = tmp_path / name
    result = timeline("extract", *args, "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def test_jobs_1_and_2_give_identical_bytes(corpus, tmp_path):
    one = run(tmp_path, "1.json", corpus, "--jobs", "1")
    two = run(tmp_path, "2.json", corpus, "--jobs", "2")
    assert one == two
    assert len(json.loads(one)["documents"]) == 40


def test_jsonl_streams_one_document_a_line_in_input_order(corpus, tmp_path):
    one = run(tmp_path, "1.jsonl", corpus, "--jsonl", "--jobs", "1")
    two = run(tmp_path, "2.jsonl", corpus, "--jsonl", "--jobs", "2")
    assert one == two
    lines = [json.loads(line) for line in one.decode().splitlines()]
    assert [tl["documents"][0]["id"] for tl in lines] == [f"corpus.jsonl#n{i}" for i in range(40)]


def test_dask_engine_on_a_local_cluster_gives_the_same_timeline(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = run(tmp_path, "local.json", corpus, "--jobs", "1")
    # worker processes of their own, as on a real cluster: threads in this process would share
    # whatever state earlier tests left in the imported modules
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp",
                                  dashboard_address=None) as cluster:
        dask = run(tmp_path, "dask.json", corpus, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask == local


def test_dask_engine_needs_a_reachable_scheduler(corpus):
    refused(timeline("extract", corpus, "--engine", "dask"), "--scheduler")
    refused(timeline("extract", corpus, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"),
            "tcp://127.0.0.1:9", "cannot reach the Dask scheduler")
