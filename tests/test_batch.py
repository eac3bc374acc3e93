"""Many articles: parallel builds, up-to-date sources skipped, failures reported, a Dask cluster as an option."""

import shutil

import pytest

from conftest import SEED
from layout import batch


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    for name in ("one", "two", "three"):
        shutil.copy(SEED, folder / f"{name}.txt")
    return folder


def requests_for(folder, out, **kw):
    return [batch.Request(path, out, ("pdf", "epub"), **kw) for path in sorted(folder.glob("*.txt"))]


def test_parallel_matches_sequential_and_skips_what_is_up_to_date(sources, tmp_path):
    parallel = batch.run_many(requests_for(sources, tmp_path / "p"), jobs=2)
    sequential = batch.run_many(requests_for(sources, tmp_path / "s"), jobs=1)
    assert [o.status for o in parallel] == ["built"] * 3 == [o.status for o in sequential]
    for a, b in zip(parallel, sequential):
        assert [p.read_bytes() for p in a.outputs] == [p.read_bytes() for p in b.outputs]
    again = batch.run_many(requests_for(sources, tmp_path / "p"), jobs=2)
    assert [o.status for o in again] == ["skipped"] * 3


def test_a_change_rebuilds_only_that_article(sources, tmp_path):
    out = tmp_path / "dist"
    batch.run_many(requests_for(sources, out), jobs=1)
    (sources / "two.txt").write_text(SEED.read_text() + "\n\nA new closing paragraph was added after the fact.\n")
    (sources / "three.yml").write_text("publication: The Sidecar Times\n")
    statuses = {o.source.name: o.status for o in batch.run_many(requests_for(sources, out), jobs=1)}
    assert statuses == {"one.txt": "skipped", "two.txt": "built", "three.txt": "built"}


def test_options_theme_and_force_rebuild(sources, tmp_path):
    out = tmp_path / "dist"
    batch.run_many(requests_for(sources, out), jobs=1)
    assert {o.status for o in batch.run_many(requests_for(sources, out, theme="report"), jobs=1)} == {"built"}
    assert {o.status for o in batch.run_many(requests_for(sources, out, theme="report"), jobs=1)} == {"skipped"}
    assert {o.status for o in batch.run_many(requests_for(sources, out, theme="report", force=True), 1)} == {"built"}


def test_a_deleted_output_is_rebuilt(sources, tmp_path):
    out = tmp_path / "dist"
    batch.run_many(requests_for(sources, out), jobs=1)
    (out / "one.pdf").unlink()
    statuses = {o.source.name: o.status for o in batch.run_many(requests_for(sources, out), jobs=1)}
    assert statuses["one.txt"] == "built" and statuses["two.txt"] == "skipped"


def test_one_failure_does_not_stop_the_others(sources, tmp_path):
    (sources / "broken.txt").write_bytes(b"")
    outcomes = {o.source.name: o for o in batch.run_many(requests_for(sources, tmp_path / "d"), jobs=2)}
    assert outcomes["broken.txt"].status == "failed" and "empty" in outcomes["broken.txt"].error
    assert outcomes["broken.txt"].hint
    assert {outcomes[n].status for n in ("one.txt", "two.txt", "three.txt")} == {"built"}


def test_dask_local_cluster(sources, tmp_path):
    import distributed  # the `cluster` extra, installed with the test extra
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        outcomes = batch.run_many(requests_for(sources, tmp_path / "d"), scheduler=cluster.scheduler_address)
    assert [o.status for o in outcomes] == ["built"] * 3
    assert all(p.is_file() for o in outcomes for p in o.outputs)


def test_a_changed_cover_picture_rebuilds_the_article(sources, tmp_path):
    from PIL import Image

    out = tmp_path / "dist"
    (sources / "one.yml").write_text('cover: "front page.png"  # the picture on the cover\n')
    Image.new("RGB", (600, 900), (20, 40, 60)).save(sources / "front page.png")
    batch.run_many(requests_for(sources, out), jobs=1)
    Image.new("RGB", (600, 900), (200, 40, 60)).save(sources / "front page.png")
    statuses = {o.source.name: o.status for o in batch.run_many(requests_for(sources, out), jobs=1)}
    assert statuses == {"one.txt": "built", "two.txt": "skipped", "three.txt": "skipped"}
