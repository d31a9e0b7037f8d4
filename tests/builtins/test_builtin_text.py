"""The text extractor: one normalised document and a hashed bag of words per file."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from mediagen import make_tone

from medialens.api import ExtractionResult
from medialens.builtins.text import BOW_DIM, TextDocument, bag_of_words, normalise, split_name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("My_Holiday.2019-Trip", "My Holiday 2019 Trip"),
        ("holidayInRome", "holiday In Rome"),
        ("HTMLParser final", "HTML Parser final"),
        ("S01E02 [1080p] (extended)", "S01E02 1080p extended"),
    ],
)
def test_split_name(name, words):
    assert split_name(name) == words


def test_normalise_is_nfkc_lower_case_and_keeps_diacritics():
    assert normalise("  Ｆｕｌｌ  ﬁle\n\n Café ÉTÉ ") == "full file\ncafé été"


def test_document_gathers_tags_names_folders_nfo_and_subtitles(tmp_path, make_context):
    folder = tmp_path / "Archive" / "Travel_Videos" / "Summer2019" / "Italy"
    folder.mkdir(parents=True)
    path = make_tone(folder / "beachDay_withFriends.mp3", 1.0, tags={"title": "Mare"})
    metadata = ExtractionResult(
        data={
            "tags": {
                "title": "Mare",
                "artist": "Étienne",
                "genre": "Ambient",
                "date": "2019-07-01",
            },
            "nfo": {"plot": "Waves and wind.", "genre": ["Nature"]},
            "subtitles": {"text": "Look at the boats!"},
        }
    )
    ctx = make_context(path, results={"metadata": metadata})
    result = TextDocument().extract(ctx)
    text = result.text
    for expected in (
        "mare",
        "étienne",
        "ambient",
        "2019",
        "beach day with friends",
        "italy",
        "summer2019",
        "travel videos",
        "waves and wind.",
        "nature",
        "look at the boats!",
    ):
        assert expected in text, expected
    assert "archive" not in text  # three folder levels only
    assert text == text.lower()


def test_document_without_the_metadata_result(tmp_path, make_context):
    path = make_tone(tmp_path / "night_song.ogg", 1.0, tags={"title": "Nocturne"})
    result = TextDocument().extract(make_context(path))  # metadata extractor disabled
    assert "nocturne" in result.text
    assert "night song" in result.text


def test_bag_of_words_vector(tmp_path, make_context):
    result = TextDocument().extract(make_context(make_tone(tmp_path / "blue_sea.wav", 1.0)))
    vector = result.vectors["bow"]
    assert vector.shape == (BOW_DIM,) and vector.dtype == np.float32
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)

    def bow(text):
        return bag_of_words({"tags": normalise(text)})

    sea = bow("blue sea waves summer")
    assert (
        float(sea @ bow("the blue sea at night")) > float(sea @ bow("mountain snow winter")) + 0.3
    )
    assert bag_of_words({"tags": ""}) is None


def test_bag_of_words_is_stable_across_processes():
    code = (
        "from medialens.builtins.text import bag_of_words; import numpy as np; "
        "print(np.flatnonzero(bag_of_words({'tags': 'blue sea waves'})).tolist())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
