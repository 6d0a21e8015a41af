"""Counts of the fuzz cases run, by importer or form; printed in pytest's summary (tests/conftest.py)
and written as JSON to ``$SOLARFLEET_FUZZ_REPORT`` when that is set."""
import collections

CASES: collections.Counter = collections.Counter()


def count(name: str) -> None:
    """One generated case of ``name`` ran (called inside each hypothesis test body)."""
    CASES[name] += 1
