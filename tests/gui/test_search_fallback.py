"""Search in the window when the text embedder (plugin code) fails: the person is told in
one sentence and still gets the files whose words match, instead of a search that never
answers."""

from __future__ import annotations

from guitools import session_over, wait_until
from mediagen import make_tone

from medialens.api import ExtractionResult, TextOutput, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs


class Words:
    name, version, requires, timeout = "words", "1", (), 10.0
    kinds = frozenset({"audio"})
    outputs = (TextOutput(),)

    def extract(self, ctx):
        return ExtractionResult(text=f"{ctx.file.path.stem} tune")


class Broken:
    name, dim, vector_name = "broken", 4, "text"

    def embed(self, texts):
        raise RuntimeError("the model file is missing")


class Plugin:
    MEDIALENS_API = "1.1"

    @hookimpl
    def medialens_extractors(self):
        return [Words()]

    @hookimpl
    def medialens_text_embedder(self):
        return Broken()


def test_a_failing_embedder_falls_back_to_keyword_matches(qtbot, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    for i, name in enumerate(["harbour bell", "forest rain", "harbour gulls"]):
        make_tone(media / f"{name}.ogg", seconds=0.3, freq=300 + 100 * i)
    dirs = data_dirs(tmp_path / "data")
    lib = Library(dirs, entry_points=False, builtins=False, extra_plugins=[("w", Plugin())])
    lib.add_folders([media])
    lib.scan()
    lib.pipeline().run_sync()
    messages: list[str] = []
    results: list[tuple[str, list]] = []
    try:
        with session_over(lib) as session:
            session.messageRequested.connect(lambda text, _ms: messages.append(text))
            session.searchFinished.connect(lambda q, hits: results.append((q, hits)))
            session.search("harbour")
            assert wait_until(lambda: bool(results), 10)
            query, hits = results[0]
            names = {lib.catalog.details(fid).title for fid, _why in hits}
            assert (query, names) == ("harbour", {"harbour bell", "harbour gulls"})
            assert len(messages) == 1 and "the model file is missing" in messages[0]
            assert messages[0].startswith("Searching by words only")
            assert all(isinstance(why, tuple) and why for _fid, why in hits)
    finally:
        lib.close()
