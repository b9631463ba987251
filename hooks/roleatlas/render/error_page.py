"""The page `mkdocs serve` shows at every address while the data has problems.

Each problem is one line, `path:line: field: problem; fix`, HTML-escaped here (the templates are
autoescaped: a problem quotes the data, and the data may hold anything). Two forms: a Markdown
page the theme renders at every known address, and a complete HTML page for any other address
(the server's 404 answer, which MkDocs' live reload does not reach, so it polls by itself).
"""

from __future__ import annotations

from collections.abc import Sequence

from .markup import html_environment

TITLE = "Data problems"
MARKER = "atlas-data-problems"  # the class of the problem list; tests and the 404 page's script look for it


def error_markdown(problems: Sequence[object]) -> str:
    """A Markdown page listing the problems (each shown with str())."""
    return html_environment().get_template("data_error.md.j2").render(
        title=TITLE, marker=MARKER, problems=[str(p) for p in problems])


def error_html(problems: Sequence[object]) -> str:
    """A self-contained HTML page listing the problems, reloading itself when the server rebuilds."""
    return html_environment().get_template("data_error.html.j2").render(
        title=TITLE, marker=MARKER, problems=[str(p) for p in problems])
