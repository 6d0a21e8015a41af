"""The one conversion from tz-aware timestamps to pyqtgraph plot seconds."""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["to_plot_seconds", "from_plot_seconds"]


def to_plot_seconds(index, tz=None) -> np.ndarray:
    """Seconds for a :class:`pyqtgraph.DateAxisItem` with ``utcOffset=0``, showing wall-clock time in ``tz``.

    The axis labels what it is given as UTC; we give it the wall-clock time of the park
    (``tz``, default the index's own zone) counted as if it were UTC, so a plot of a park in
    Asia/Shanghai reads in China Standard Time on any computer.

    Parameters
    ----------
    index : pandas.DatetimeIndex or sequence of tz-aware timestamps
        Must be tz-aware: a naive time has no defined instant.
    tz : str or tzinfo, optional
        Zone to display in [IANA name]; default the index's zone.

    Returns
    -------
    numpy.ndarray of float64
        Plot x values [s].

    Raises
    ------
    ValueError
        If ``index`` is naive.
    """
    idx = pd.DatetimeIndex(index)
    if idx.tz is None:
        raise ValueError("timestamps must be tz-aware (store UTC, say which zone to show)")
    if tz is not None:
        idx = idx.tz_convert(tz)
    wall = idx.tz_localize(None)
    return wall.as_unit("us").asi8.astype(np.float64) / 1e6


def from_plot_seconds(seconds: float, tz) -> pd.Timestamp:
    """Inverse of :func:`to_plot_seconds` for one value: the tz-aware instant in ``tz``."""
    return pd.Timestamp(round(float(seconds) * 1e6), unit="us").tz_localize(tz)
