"""Normaliser: a form's rows → field values, fund lines, goals and indicators.

Driven by the grammars; each module reads one part of a form.
"""
