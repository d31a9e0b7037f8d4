"""The engine: the library, scanning, extraction, search and recommendations.

It sits between the store (the only layer that speaks SQL) and the front ends (the CLI
and the GUI), and never imports Qt or a model runtime at import time.
"""
