"""Run MkDocs as the project does: `python -m roleatlas_dev.mkdocs build --strict`.

The one place that silences the "MkDocs 2" notices Material and mkdocs-redirects print on every
run (they say nothing about this project). scripts/build, scripts/serve, the tests and the
benchmarks all start MkDocs through here, or take `ENV` for a process they start themselves.
"""

from __future__ import annotations

import os
import sys

ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def command(*args: str) -> list[str]:
    """The command line that runs `mkdocs <args>` with this Python."""
    return [sys.executable, "-m", "roleatlas_dev.mkdocs", *args]


def environment(**extra: str) -> dict[str, str]:
    """This process's environment with the notices silenced, plus `extra`."""
    return {**os.environ, **ENV, **extra}


def main() -> None:
    os.execve(sys.executable, [sys.executable, "-m", "mkdocs", *sys.argv[1:]], environment())


if __name__ == "__main__":
    main()
