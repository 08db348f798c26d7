"""Sharing a draft between colleagues: sending copies, merging them back, conflicts and history (Qt-free)."""
