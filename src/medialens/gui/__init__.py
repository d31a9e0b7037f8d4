"""The desktop app. The only package that imports PySide6 (and only in its Qt modules:
``command`` and ``services`` stay importable without Qt so the CLI can register ``gui``).
"""
