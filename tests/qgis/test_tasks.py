"""Long work runs in a QgsTask with progress; cancel stops it and says so."""

from __future__ import annotations

import time

from img_qgis_plugin.tasks import Cancelled, DomainTask, start


def _slow_sum(n, progress, cancel):
    total = 0
    for i in range(n):
        if cancel():
            raise Cancelled()
        total += i
        progress(100.0 * (i + 1) / n)
        time.sleep(0.005)
    return total


def test_task_reports_result_and_progress(qgis_app, qtbot):
    outcome, seen = {}, []

    def work(progress, cancel):
        def report(pct):
            seen.append(pct)
            progress(pct)

        return _slow_sum(20, report, cancel)

    task = DomainTask("som", work, lambda result, error: outcome.update(result=result, error=error))
    start(task)
    qtbot.waitUntil(lambda: "result" in outcome, timeout=10_000)
    assert outcome == {"result": sum(range(20)), "error": None}
    assert seen[-1] == 100.0 and seen == sorted(seen)


def test_cancel_stops_the_work_and_reports_cancelled(qgis_app, qtbot):
    outcome = {}
    task = DomainTask(
        "lang",
        lambda progress, cancel: _slow_sum(100_000, progress, cancel),
        lambda result, error: outcome.update(result=result, error=error),
    )
    start(task)
    qtbot.waitUntil(lambda: task.progress() > 0, timeout=10_000)
    task.cancel()
    qtbot.waitUntil(lambda: "error" in outcome, timeout=10_000)
    assert isinstance(outcome["error"], Cancelled)
    assert outcome["result"] is None


def test_failure_in_work_is_handed_to_on_done(qgis_app, qtbot):
    outcome = {}

    def broken(progress, cancel):
        raise ValueError("kapotte invoer")

    task = DomainTask("fout", broken, lambda result, error: outcome.update(error=error))
    start(task)
    qtbot.waitUntil(lambda: "error" in outcome, timeout=10_000)
    assert isinstance(outcome["error"], ValueError)
