"""The CLI contract: command names, JSON shapes, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from mediagen import make_tone, make_video

from medialens.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    media, data = root / "media", root / "data"
    media.mkdir()
    make_video(media / "street.mp4", seconds=2.0, size=(320, 240))
    make_tone(media / "tone.ogg", seconds=2.0)
    (media / "broken.mp3").write_bytes(b"\x00\x01garbage" * 500)
    assert main(["--data-dir", str(data), "folders", "add", str(media)]) == 0
    assert main(["--data-dir", str(data), "index", "--workers", "2"]) == 0
    return media, data


def test_status_json(indexed, capsys):
    media, data = indexed
    code, out, _ = run(capsys, "--data-dir", str(data), "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["files"] == 2 and status["pending"] == 0
    [failed] = status["failed_files"]
    assert (
        failed["path"].endswith("broken.mp3") and failed["extractor"] == "probe" and failed["error"]
    )
    for name in ("metadata", "thumbnails", "audio", "text"):
        assert status["extractors"][name]["done"] == 2, name


def test_info_json(indexed, capsys):
    media, data = indexed
    code, out, _ = run(capsys, "info", str(media / "street.mp4"), "--json", "--data-dir", str(data))
    info = json.loads(out)
    assert code == 0 and info["kind"] == "video" and info["duration"] == pytest.approx(2.0, abs=0.2)
    assert {"metadata", "thumbnails", "audio", "text"} <= set(info["features"])
    assert info["metadata"]["width"] == 320
    assert isinstance(info["tags"], dict)


def test_search_and_similar_say_why_in_words_and_as_data(indexed, capsys):
    media, data = indexed
    code, out, _ = run(capsys, "--data-dir", str(data), "search", "street", "--json")
    [hit] = [h for h in json.loads(out) if h["path"].endswith("street.mp4")]
    assert code == 0 and hit["why"].startswith("matches the words: street")
    assert hit["reasons"][0] == {"key": "matches_words", "args": {"words": ["street"]}}
    assert len(hit["why"].split("; ")) == len(hit["reasons"])
    assert not any(ch.isdigit() for ch in hit["why"])  # "similar meaning", not "meaning 0.29"
    for reason in hit["reasons"][1:]:
        assert isinstance(reason["args"]["score"], float)
    code, out, _ = run(capsys, "--data-dir", str(data), "search", "street")
    assert code == 0 and "matches the words: street" in out
    code, out, _ = run(
        capsys, "--data-dir", str(data), "similar", str(media / "tone.ogg"), "--json"
    )
    [match] = json.loads(out)
    assert code == 0 and match["path"].endswith("street.mp4")
    [reason] = match["reasons"]
    assert set(reason["args"]) == {"modality", "score"}  # the figure stays in the data
    assert match["why"] and not any(ch.isdigit() for ch in match["why"])  # and out of the words


def test_folders_and_plugins_json(indexed, capsys):
    media, data = indexed
    code, out, _ = run(capsys, "--data-dir", str(data), "folders", "list", "--json")
    assert json.loads(out)[0]["path"] == str(media)
    code, out, _ = run(capsys, "--data-dir", str(data), "plugins", "list", "--json")
    plugins = {p["name"]: p for p in json.loads(out)}
    assert {"name", "version", "api", "status", "error"} <= set(plugins["metadata"])
    assert run(capsys, "--data-dir", str(data), "plugins", "disable", "thumbnails")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(data), "plugins", "list", "--json")
    assert {p["name"]: p["status"] for p in json.loads(out)}["thumbnails"] == "disabled"
    assert run(capsys, "--data-dir", str(data), "plugins", "enable", "thumbnails")[0] == 0


def test_errors_are_one_clear_sentence(indexed, capsys, tmp_path):
    media, data = indexed
    code, _, err = run(capsys, "--data-dir", str(data), "info", str(media / "nope.mp4"))
    assert code == 1 and "is not in the library" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", str(data), "info", str(media / "broken.mp3"))
    assert code == 1 and "not playable media" in err
    code, _, err = run(capsys, "--data-dir", str(data), "plugins", "enable", "nope")
    assert code == 1 and "no plugin called 'nope'" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "index")
    assert code == 1 and "no folders to index" in err


def test_the_console_script_honours_medialens_home(tmp_path):
    env = {"MEDIALENS_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "medialens.cli", "folders", "add", str(tmp_path / "missing")],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        == f"medialens: {tmp_path / 'missing'} is not a folder (or does not exist)"
    )
    assert (tmp_path / "home" / "library.sqlite3").exists()
