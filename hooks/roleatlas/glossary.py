"""Glossary terms as Markdown abbreviation definitions (abbr extension), shown as tooltips."""

from __future__ import annotations

from .model import Term


def abbreviation_lines(terms: tuple[Term, ...]) -> str:
    """`*[CTO]: Chief Technology Officer` lines.

    The abbr extension puts the meaning into a `title` attribute through ElementTree, which
    escapes it; Markdown-escaping it here would show entities in the tooltip. Terms are checked
    on load to hold no Markdown syntax.
    """
    return "\n".join(f"*[{t.term}]: {' '.join(t.meaning.split())}" for t in terms)
