"""Synthetic LKj corpus with planted defects (ground truth) for measuring kinerja-audit.

``generator.py`` builds a consistent report model, injects recorded defects and renders text.
``handwritten/`` holds hand-written reports; ``reports/`` the committed generated corpus.
"""
