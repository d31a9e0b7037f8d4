"""The built-in extractors are ordinary plugins: same hooks, same contract."""

from __future__ import annotations

import subprocess
import sys

import pluggy

from medialens import hookspecs
from medialens.api import PROJECT, Extractor, api_compatible
from medialens.builtins import DEFAULT_PLUGINS


def test_default_plugins_register_like_third_party_ones():
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    for module in DEFAULT_PLUGINS:
        assert api_compatible(module.MEDIALENS_API)
        pm.register(module)
    extractors = [e for batch in pm.hook.medialens_extractors() for e in batch]
    names = {e.name for e in extractors}
    assert names == {"metadata", "thumbnails", "audio", "text", "description"}
    for extractor in extractors:
        assert isinstance(extractor, Extractor)
        assert extractor.version.isdigit()
        assert extractor.kinds == {"audio", "video"}
        assert 10 <= extractor.timeout <= 300
        assert set(extractor.requires) <= names


def test_importing_the_builtins_is_cheap():
    code = (
        "import sys, medialens.builtins; "
        "heavy = [m for m in ('librosa', 'numba', 'PIL', 'PySide6') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
