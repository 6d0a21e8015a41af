"""Writing a file whole or not at all, without following links planted at the target.

:func:`replace_atomically` is what every writer of a user's file (exports, fleet files, survey
packages, the PDF report) goes through.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["replace_atomically", "temp_path_beside"]


@contextlib.contextmanager
def replace_atomically(path, mode: str = "wb", **open_kwargs):
    """Open a new temporary file beside ``path`` for writing; on success it replaces ``path``.

    The temporary file gets a unique name in the target folder (:func:`tempfile.mkstemp`: created
    with ``O_EXCL``, so no existing file or symlink is opened). On leaving the block normally it is
    flushed, synced and renamed over ``path`` (a symlink at ``path`` is replaced, not followed); on
    any exception it is removed and ``path`` is untouched.

    Parameters
    ----------
    path : path-like
        The target file.
    mode : str
        ``"wb"`` or ``"w"`` (then ``open_kwargs`` such as ``encoding``, ``newline`` apply).
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # an export is an ordinary file, not mkstemp's private 0600
        with os.fdopen(fd, mode, **open_kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def temp_path_beside(path):
    """A new, empty, uniquely named file beside ``path`` for a writer that needs a file *name*.

    Yields the temporary path; on leaving normally it is renamed over ``path``, on any exception
    removed. Prefer :func:`replace_atomically` when the writer accepts an open file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
