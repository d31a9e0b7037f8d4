"""Scanning: what is media, identity across renames, unchanged rescans, vanished folders."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from mediagen import make_still_image, make_tone, make_video, truncate


def rows(lib, where="1"):
    return {
        os.path.basename(r["display_path"]): dict(r)
        for r in lib.store.query(f"SELECT * FROM files WHERE {where}")
    }


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "media"
    (root / "sub").mkdir(parents=True)
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    make_tone(root / "sub" / "tone.ogg", seconds=1.0)
    return root


def test_media_is_found_by_decoding_not_by_name(bare_library, folder):
    shutil.copy(folder / "clip.mp4", folder / "clip.bin")  # a video with an odd name
    (folder / "notes.txt").write_text("hello")
    make_still_image(folder / "cover.png")
    bare_library.add_folders([folder])
    report = bare_library.scan()
    assert report.added == 5
    files = rows(bare_library)
    assert files["clip.mp4"]["status"] == "media" and files["clip.mp4"]["kind"] == "video"
    assert files["clip.bin"]["status"] == "media"
    assert files["tone.ogg"]["kind"] == "audio" and files["tone.ogg"]["duration"] == pytest.approx(
        1.0, abs=0.1
    )
    assert files["notes.txt"]["status"] == "ignored"
    assert files["cover.png"]["status"] == "ignored"
    assert bare_library.status()["files"] == 3


def test_rescan_of_unchanged_files_only_stats(bare_library, folder):
    bare_library.add_folders([folder])
    bare_library.scan()
    before = rows(bare_library)
    report = bare_library.scan()
    assert (report.added, report.changed, report.moved, report.missing) == (0, 0, 0, 0)
    assert report.seen == 2
    assert rows(bare_library) == before


def test_rename_and_move_keep_the_row_and_its_identity(bare_library, folder):
    bare_library.add_folders([folder])
    bare_library.scan()
    old = rows(bare_library)["clip.mp4"]
    (folder / "elsewhere").mkdir()
    os.rename(folder / "clip.mp4", folder / "elsewhere" / "renamed.mp4")
    report = bare_library.scan()
    assert report.moved == 1 and report.added == 0 and report.missing == 0
    new = rows(bare_library)["renamed.mp4"]
    assert new["id"] == old["id"] and new["content_id"] == old["content_id"]
    assert new["available"] == 1


def test_changed_content_gets_a_new_identity(bare_library, folder):
    bare_library.add_folders([folder])
    bare_library.scan()
    old = rows(bare_library)["tone.ogg"]
    time.sleep(0.01)
    make_tone(folder / "sub" / "tone.ogg", seconds=2.0, freq=880)
    report = bare_library.scan()
    assert report.changed == 1
    new = rows(bare_library)["tone.ogg"]
    assert new["id"] == old["id"] and new["content_id"] != old["content_id"]
    assert new["duration"] == pytest.approx(2.0, abs=0.1)


def test_vanished_folder_marks_files_unavailable_and_they_come_back(bare_library, folder, tmp_path):
    bare_library.add_folders([folder])
    bare_library.scan()
    ids = {r["id"] for r in rows(bare_library).values()}
    parked = tmp_path / "unmounted"
    os.rename(folder, parked)  # the disk goes away
    report = bare_library.scan()
    assert report.missing == 2
    assert all(r["available"] == 0 for r in rows(bare_library).values())
    assert bare_library.folders()[0]["available"] is False
    assert "missing" in bare_library.folders()[0]["error"]
    assert bare_library.status()["files"] == 0
    os.rename(parked, folder)  # and comes back
    bare_library.scan()
    back = rows(bare_library)
    assert {r["id"] for r in back.values()} == ids and all(r["available"] for r in back.values())


def test_an_empty_mount_point_is_a_folder_gone_not_every_file_deleted(
    bare_library, folder, tmp_path
):
    bare_library.add_folders([folder])
    bare_library.scan()
    ids = {r["id"] for r in rows(bare_library).values()}
    parked = tmp_path / "disk"
    shutil.move(folder, parked)  # the disk is unmounted: its mount point stays, empty
    folder.mkdir()
    report = bare_library.scan()
    assert report.missing == 2
    assert bare_library.folders()[0]["available"] is False
    assert "empty" in bare_library.folders()[0]["error"]
    folder.rmdir()
    shutil.move(parked, folder)  # mounted again
    bare_library.scan()
    back = rows(bare_library)
    assert {r["id"] for r in back.values()} == ids and all(r["available"] for r in back.values())
    assert bare_library.folders()[0]["available"] is True


def test_deleted_file_is_kept_as_unavailable(bare_library, folder):
    bare_library.add_folders([folder])
    bare_library.scan()
    (folder / "clip.mp4").unlink()
    assert bare_library.scan().missing == 1
    assert rows(bare_library)["clip.mp4"]["available"] == 0


def test_bad_files_are_reported_with_a_reason(bare_library, tmp_path):
    root = tmp_path / "bad"
    root.mkdir()
    (root / "empty.mp3").write_bytes(b"")
    (root / "random.mp3").write_bytes(os.urandom(50_000))
    good = make_video(tmp_path / "good.mp4", seconds=2.0, size=(160, 120))
    truncate(good, root / "half.mp4", 0.5)
    truncate(good, root / "head.mp4", 2048)
    bare_library.add_folders([root])
    bare_library.scan()
    failed = {os.path.basename(f["path"]): f for f in bare_library.status()["failed_files"]}
    assert set(failed) >= {"empty.mp3", "random.mp3", "head.mp4"}
    assert "empty" in failed["empty.mp3"]["error"]
    assert all(f["extractor"] == "probe" and f["error"] for f in failed.values())
    files = rows(bare_library)
    assert files["random.mp3"]["status"] == "invalid"
    # Half an mp4 with its index at the end cannot decode; with the index first it may play
    # partly, and is then honest media with a shorter duration. Either way, no crash.
    assert files["half.mp4"]["status"] in ("invalid", "media")


def test_symlink_loop_and_odd_names(bare_library, tmp_path):
    root = tmp_path / "odd"
    root.mkdir()
    os.symlink(root, root / "loop")
    make_tone(root / "ok.ogg", seconds=0.5)
    weird = os.fsencode(str(root)) + b"/caf\xe9-latin1.ogg"  # not UTF-8
    shutil.copy(root / "ok.ogg", weird)
    long_name = "x" * 240 + ".ogg"
    shutil.copy(root / "ok.ogg", root / long_name)
    bare_library.add_folders([root])
    report = bare_library.scan()
    assert report.added == 3  # the loop is walked once
    names = {
        r["display_path"].rsplit("/", 1)[-1]
        for r in bare_library.store.query("SELECT display_path FROM files")
    }
    assert "caf\ufffd-latin1.ogg" in names and long_name in names
    assert bare_library.file(weird.decode("utf-8", "surrogateescape")).status == "media"


def test_adding_a_missing_folder_is_a_clear_error(bare_library, tmp_path):
    from medialens.core.library import LibraryError

    with pytest.raises(LibraryError, match="not a folder"):
        bare_library.add_folders([tmp_path / "nope"])


@pytest.mark.slow
def test_a_hundred_thousand_files_in_one_folder(bare_library, tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(100_000):
        (root / f"f{i:06d}.dat").touch()
    make_tone(root / "tone.ogg", seconds=0.5)
    bare_library.add_folders([root])
    started = time.perf_counter()
    report = bare_library.scan()
    first = time.perf_counter() - started
    assert report.seen == 100_001 and bare_library.status()["files"] == 1
    started = time.perf_counter()
    again = bare_library.scan()
    assert again.added == 0 and again.changed == 0
    assert time.perf_counter() - started < first


def test_music_tags_and_what_is_known_of_the_category_are_columns(bare_library, tmp_path):
    root = tmp_path / "music"
    root.mkdir()
    tags = {"artist": "Ana", "album": "Roads", "track": "2/9", "disc": "1", "date": "2019"}
    make_tone(root / "song.mp3", 1.0, tags={**tags, "genre": "Folk", "title": "North"})
    make_tone(root / "untagged.wav", 1.0)
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    bare_library.add_folders([root])
    bare_library.scan()
    files = rows(bare_library)
    song = files["song.mp3"]
    assert (song["artist"], song["album"], song["album_artist"], song["title"]) == (
        "Ana", "Roads", None, "North",
    )  # fmt: skip
    assert (song["track"], song["disc"], song["year"], song["genre"]) == (2, 1, 2019, "Folk")
    assert song["category"] == "music"
    assert files["clip.mp4"]["category"] == "video"
    assert files["untagged.wav"]["category"] is None  # decided once its audio is analysed
    info = bare_library.info(root / "song.mp3")
    assert info["music"]["track"] == 2 and info["category"] == "music"
    row = next(r for r in bare_library.catalog.rows() if r.path.endswith("song.mp3"))
    assert (row.artist, row.album, row.category, row.album_artist) == (
        "Ana",
        "Roads",
        "music",
        None,
    )
    assert (row.track, row.disc, row.year, row.genre) == (2, 1, 2019, "Folk")

    # Retagging changes the content: the columns follow on the next scan.
    make_tone(root / "song.mp3", 1.0, tags={"title": "North"})
    os.utime(root / "song.mp3", ns=(time.time_ns(), time.time_ns() + 10**9))
    bare_library.scan()
    song = rows(bare_library)["song.mp3"]
    assert (song["artist"], song["track"], song["category"]) == (None, None, None)
