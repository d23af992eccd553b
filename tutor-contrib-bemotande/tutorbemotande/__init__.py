"""Tutor plugin for bemotande-xblocks (see plugin.py)."""
