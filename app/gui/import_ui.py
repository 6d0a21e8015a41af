"""Files dropped on a park: import them in a worker, and when a file reads in more than one way, ask.

The importer (:attr:`solarfleet.app.gui.session.Session.import_file`) raises an
:class:`~solarfleet.models.import_question.ImportQuestion` for a file it will not guess about (dates valid
day-first and month-first, GBK text); :class:`FileImports` shows an
:class:`~solarfleet.widgets.import_question_dialog.ImportQuestionDialog` and imports that file and the ones
after it again with the answer. Cancel imports nothing more.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from solarfleet.models.import_question import ImportQuestion
from solarfleet.widgets.import_question_dialog import ImportQuestionDialog

from solarfleet.app.gui.errors import show_error, show_info
from solarfleet.app.gui.workers import Worker

__all__ = ["FileImports"]


class FileImports(QObject):
    """Runs the session's importer over dropped files and asks the user's questions.

    Parameters
    ----------
    session : solarfleet.app.gui.session.Session
        Its ``import_file(park, path[, answers])`` and ``pool``.
    parent : QWidget
        Parent of the dialogs.

    Signals
    -------
    questionAsked(ImportQuestionDialog dialog)
        A dialog is shown (tests answer it).
    """

    questionAsked = Signal(object)

    def __init__(self, session, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.dialog: Optional[ImportQuestionDialog] = None

    def start(self, park, files, answers: Optional[dict] = None) -> Worker:
        """Import ``files`` into ``park`` in a worker; ``answers`` apply to the first file only."""
        importer, files, answers = self.session.import_file, list(files), dict(answers or {})

        def job(progress, cancelled):
            for i, path in enumerate(files):
                if cancelled():
                    return
                progress(i + 1, len(files), str(path))
                try:
                    yield i, importer(park, path, answers) if answers and i == 0 else importer(park, path)
                except ImportQuestion as question:  # not a failure: the files from this one wait for an answer
                    yield i, question
                    return
        worker = Worker(job, name="import")  # connected before it starts: a quick refusal must not be missed
        worker.signals.result.connect(lambda item: self._imported(item, park, files, answers))
        worker.signals.error.connect(lambda e: show_error(self.tr("The import failed: %1").replace("%1", e.message),
                                                          e.details, self.parent_widget))
        return self.session.pool.start(worker)

    def _imported(self, item, park, files: list, answers: dict) -> None:
        i, outcome = item
        if not isinstance(outcome, ImportQuestion):
            show_info(self.tr("Import report"), str(outcome), self.parent_widget)
            return
        earlier = answers if i == 0 else {}
        if outcome.option in earlier:  # answered, and the file still reads two ways: nothing more to ask
            show_error(self.tr("The import failed: %1").replace("%1", str(outcome)), str(outcome), self.parent_widget)
            return
        self.dialog = ImportQuestionDialog(outcome, self.parent_widget)
        self.dialog.answered.connect(lambda option, value: self.start(park, files[i:], {**earlier, option: value}))
        self.dialog.open()
        self.questionAsked.emit(self.dialog)
