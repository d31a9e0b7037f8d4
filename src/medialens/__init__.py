"""Medialens: a private, offline media library that understands your files and learns what you like."""

__version__ = "0.1.0"
