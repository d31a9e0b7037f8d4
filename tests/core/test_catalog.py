"""The reads behind the app's views: rows, the change fingerprint, a file's details."""

from __future__ import annotations

import pytest
from mediagen import make_tone, make_video

from medialens.core.catalog import LibraryRow


@pytest.fixture
def scanned(bare_library, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    make_tone(root / "tone.ogg", seconds=1.0)
    bare_library.add_folders([root])
    bare_library.scan()
    return bare_library


def test_rows_are_named_and_indexable(scanned):
    rows = {r.title: r for r in scanned.catalog.rows()}
    assert set(rows) == {"clip", "tone"}  # no title tag: the file's name
    clip = rows["clip"]
    assert isinstance(clip, LibraryRow)
    assert (clip.kind, clip.width, clip.height) == ("video", 160, 120)
    assert clip[0] == clip.id and clip[2] == clip.kind  # positions still work
    assert clip.path.endswith("clip.mp4") and clip.folder.endswith("media")
    assert clip.last_played is None and not clip.unfinished


def test_signature_changes_with_history(scanned):
    before = scanned.catalog.signature()
    assert scanned.catalog.signature() == before
    clip = next(r for r in scanned.catalog.rows() if r.title == "clip")
    scanned.events.record(clip.id, "like")
    assert scanned.catalog.signature() != before


def test_details_content_ids_and_thumbnails(scanned):
    clip = next(r for r in scanned.catalog.rows() if r.title == "clip")
    scanned.events.record(clip.id, "like")
    info = scanned.details(clip.id)
    assert (info.id, info.title, info.kind, info.feedback) == (clip.id, "clip", "video", "like")
    assert info.available and info.plays == 0 and info.extractors == [] and info.tags == []
    assert info.thumbnail == scanned.dirs.thumbnail(clip.content_id)
    assert scanned.details(10**9) is None
    assert scanned.catalog.content_ids([clip.id, 10**9]) == {clip.id: clip.content_id}
    assert not info.thumbnail.exists()  # no extractor made one
    assert scanned.catalog.stored_data_keys("thumbnails", ("thumbnail",)) == []


def test_cli_info_and_the_details_pane_are_one_read(tmp_path):
    """``info --json`` is the details pane's record as JSON: one query, not two."""
    import json

    from medialens.core.library import Library
    from medialens.paths import data_dirs

    root = tmp_path / "media"
    root.mkdir()
    make_tone(root / "tone.ogg", seconds=2.0)
    with Library(data_dirs(tmp_path / "data"), entry_points=False, workers=1) as lib:
        lib.add_folders([root])
        lib.update()
        file_id = lib.file(root / "tone.ogg").id
        details = lib.details(file_id)
        info = lib.info(root / "tone.ogg")
    assert info == details.as_json()
    assert set(info["features"]) == {e.name for e in details.extractors if e.ok} != set()
    assert list(info["tags"]) == [t.tag for t in details.tags]
    json.dumps(info, allow_nan=False)  # strict JSON: no NaN can reach it


class _Thumbnailer:
    name, version, outputs = "thumbnails", "1", ()


def test_stored_data_keys_are_found_by_lookups_not_a_scan(scanned):
    """The plugins page asks this of every extractor on the thread For you waits behind:
    a scan of the whole results table per extractor took seconds at 10^5 files."""
    from medialens.api import ExtractionResult
    from medialens.core.features import store_result

    clip = next(r for r in scanned.catalog.rows() if r.title == "clip")
    result = ExtractionResult(data={"thumbnail": "thumbs/x.jpg"})
    with scanned.store.write() as conn:
        store_result(scanned.store, clip.content_id, _Thumbnailer(), result, 0.1, conn)
    statements: list[str] = []
    reader = scanned.store.read_conn()
    reader.set_trace_callback(statements.append)
    try:
        keys = scanned.catalog.stored_data_keys("thumbnails", ("thumbnail", "other"))
    finally:
        reader.set_trace_callback(None)
    assert keys == ["thumbnail"]
    assert scanned.catalog.stored_data_keys("nobody", ("thumbnail",)) == []
    [sql] = [s for s in statements if "features" in s]
    plan = " | ".join(str(r[3]) for r in reader.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SCAN features" not in plan and "SCAN f" not in plan.replace("SCAN files", "")
