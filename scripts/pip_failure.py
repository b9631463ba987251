#!/usr/bin/env python3
"""Say why `pip install` failed: pip's own error lines, then the cause in one sentence.

scripts/setup calls this with pip's log when an install fails, so a broken lock line, a version
missing from the index or a package that cannot build is named as such, and the network is blamed
only when pip's log shows a connection failing.

    python3 scripts/pip_failure.py LOG
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# (what to look for in pip's log, what it means and what to do); the first match wins.
CAUSES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No space left on device"),
     "the disk is full; free some space and run the command again"),
    (re.compile(r"No such file or directory"),
     "a requirement names a file that does not exist on this machine (requirements.lock must hold "
     "registry pins only: run ./scripts/lock, then commit it)"),
    (re.compile(r"NewConnectionError|Failed to establish a new connection|Temporary failure in name "
                r"resolution|Name or service not known|Network is unreachable|Connection refused|"
                r"ConnectTimeoutError|Read timed out|ProxyError|SSLError|CERTIFICATE_VERIFY_FAILED"),
     "pip could not reach the package index; check the network (or proxy and certificates) and "
     "run the command again"),
    (re.compile(r"No matching distribution found|Could not find a version that satisfies|"
                r"have no matching distributions available"),
     "a version pinned in requirements.lock is not on the package index for this Python and "
     "platform; run ./scripts/lock with this Python, or use the Python version the lock names"),
    (re.compile(r"ResolutionImpossible|conflicting dependencies"),
     "the versions pinned in requirements.lock conflict with the ranges in pyproject.toml; run "
     "./scripts/lock to resolve them again"),
    (re.compile(r"Failed building wheel|Failed to build|subprocess-exited-with-error|error: command"),
     "a package had to be built from source and its build failed; pip's lines above name what "
     "it was missing (often a compiler or C headers)"),
]
ADVICE = re.compile(r"^(To fix this|\d\. |WARNING:|\s*$)")


def explain(log: str) -> tuple[list[str], str]:
    """pip's error lines (from its first ERROR on, at most 20) and the cause, from an install log."""
    lines = log.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("ERROR")), None)
    if first is None:
        errors = [line.rstrip() for line in lines if line.strip()][-10:]
    else:
        errors = [line.rstrip() for line in lines[first:] if not ADVICE.match(line)]
    for pattern, cause in CAUSES:
        if pattern.search(log):
            return errors[:20], cause
    return errors[:20], "pip failed for the reason in its lines above"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    errors, cause = explain(Path(argv[0]).read_text(encoding="utf-8", errors="replace"))
    print("pip said:", *(f"  {line}" for line in errors), f"Cause: {cause}.", sep="\n", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
