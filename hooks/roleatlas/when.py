"""The date a build is made on: the one place the clock is read."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def build_date() -> date:
    """SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.date()
