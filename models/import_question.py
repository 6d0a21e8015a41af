"""A file that reads in more than one plausible way: the importer asks instead of guessing.

The CLI answers such a question with a flag (``--dayfirst``/``--monthfirst``, ``--encoding gbk``); the
GUI shows the choices with a sample of what each reading gives and imports again with the one the
user picks. The importers raise a subclass of their own file error that is also an
:class:`ImportQuestion`, so callers that only know the file error still get a one-line message.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

__all__ = ["Choice", "ImportQuestion"]


@dataclass(frozen=True)
class Choice:
    """One answer to an :class:`ImportQuestion`.

    Attributes
    ----------
    value : object
        The importer argument's value for this reading (``True`` for day-first, ``'gbk'`` …).
    samples : tuple of (str, str)
        ``(as written, as read)`` pairs from the file: the text of a cell and what this reading makes
        of it (ISO 8601 for a date, the decoded text for an encoding).
    """

    value: Any
    samples: tuple = ()


class ImportQuestion(ValueError):
    """The file reads in more than one way; call the importer again with ``option=choice.value``.

    Put it before the importer's own error class in the bases; it takes the keyword arguments
    ``option`` and ``choices`` and passes the rest on.

    Attributes
    ----------
    option : str
        The importer argument that answers the question (``'dayfirst'``, ``'encoding'``).
    choices : tuple of Choice
    """

    def __init__(self, *args, option: str, choices: Sequence[Choice], **kwargs):
        super().__init__(*args, **kwargs)
        self.option = option
        self.choices = tuple(choices)
