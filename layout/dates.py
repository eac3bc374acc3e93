"""Dates: the calendar day of the ISO 8601 dates and date-times that readers find and writers print."""

from __future__ import annotations

import datetime as dt


def parse_date(value: str) -> dt.date | None:
    """The calendar date of an ISO 8601 date or date-time, or None."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
