"""Long domain work in a ``QgsTask``: progress in QGIS's task manager, a working cancel.

Domain functions take ``progress(percent)`` and ``cancel() -> bool`` callbacks; this wrapper
supplies them. ``run()`` touches no widget and no ``iface``; the result or the error is handed
to ``on_done`` in ``finished()``, on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qgis.core import QgsApplication, QgsTask

from domain.errors import Cancelled
from img_qgis_plugin.gui.i18n import tr
from img_qgis_plugin.toolbelt.log_handler import log, log_exception


class DomainTask(QgsTask):
    """Run ``work(progress=…, cancel=…)`` in the background.

    ``on_done(result, error)`` is called on the main thread: ``error`` is None on success, a
    :class:`Cancelled` when the user stopped the task, else the exception the work raised.
    """

    def __init__(
        self,
        description: str,
        work: Callable[..., Any],
        on_done: Callable[[Any, BaseException | None], None] | None = None,
    ) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._work = work
        self._on_done = on_done
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> bool:
        try:
            self.result = self._work(progress=self.setProgress, cancel=self.isCanceled)
        except Cancelled as exc:  # the domain noticed cancel() and stopped early
            self.error = exc
            return False
        except Exception as exc:  # handed to the main thread in finished()
            self.error = exc
            return False
        if self.isCanceled():
            self.error = Cancelled()
            return False
        return True

    def finished(self, ok: bool) -> None:
        if not ok and self.error is None:
            self.error = Cancelled()
        if isinstance(self.error, Cancelled):
            log(tr("{0}: gestopt door de gebruiker.").format(self.description()), "warning", True)
        elif self.error is not None:
            log_exception(self.description(), self.error)
        if self._on_done is not None:
            self._on_done(self.result, self.error)


def start(task: DomainTask) -> DomainTask:
    """Hand the task to QGIS's task manager (keep a reference: the manager does not own Python)."""
    QgsApplication.taskManager().addTask(task)
    return task
