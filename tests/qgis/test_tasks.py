"""Long work runs in a QgsTask with progress; cancel stops it and says so."""

from __future__ import annotations

import time

from domain.errors import Cancelled
from img_qgis_plugin.tasks import DomainTask, start


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


def test_cancelling_a_real_domain_count_reports_cancelled_not_an_error(qgis_app, qtbot, tmp_path):
    """The domain stops with its own Cancelled; the task reports a cancel, not a failure."""
    from domain.demo import build_demo
    from domain.planning.overview import regional_overview
    from domain.store import open_store

    path = tmp_path / "demo.gpkg"
    build_demo(str(path), objects=300, seed=2)
    outcome = {}

    def work(progress, cancel):
        with open_store(str(path)) as store:
            # the user pressed cancel before the count began
            return regional_overview(store, progress=progress, cancel=lambda: True)

    task = DomainTask("overzicht", work, lambda result, error: outcome.update(error=error))
    start(task)
    qtbot.waitUntil(lambda: "error" in outcome, timeout=20_000)
    assert isinstance(outcome["error"], Cancelled), outcome["error"]
