"""The layering the design promises: core and the CLI never load Qt or heavy libraries."""

from __future__ import annotations

import subprocess
import sys


def loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return set(out.split())


def test_core_never_imports_qt_or_models():
    modules = loaded_after(
        "import medialens.core.library, medialens.core.pipeline, medialens.core.watcher, medialens.cli"
    )
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6"))}
    assert "librosa" not in modules and "onnxruntime" not in modules


def test_api_is_light():
    modules = loaded_after("import medialens.api")
    assert "sqlite3" not in modules and "av" not in modules


def test_gui_runs_no_sql():
    """The GUI asks the core (``medialens.core.catalog`` and the Library); it runs no SQL."""
    from pathlib import Path

    import medialens.gui

    words = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", ".execute(")
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(Path(medialens.gui.__file__).parent.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(word in line for word in words)
    ]
    assert found == []


SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", ".execute(", ".executemany(")


def test_sql_lives_only_in_the_store():
    """Every statement is in ``medialens.store``; no other module speaks SQL."""
    from pathlib import Path

    import medialens

    package = Path(medialens.__file__).parent
    found = [
        f"{name}:{n}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if not (name := path.relative_to(package).as_posix()).startswith("store/")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(word in line for word in SQL_WORDS)
    ]
    assert found == []
