"""The generator worker: results per yield, progress, errors, cancel between yields, no threads left."""
import threading

import pytest

from solarfleet.app.gui.workers import Worker, WorkerPool


@pytest.fixture
def pool(qtbot):
    p = WorkerPool(2)
    yield p
    assert p.shutdown(5000)
    assert p.pool.activeThreadCount() == 0 and p.running() == []


def _job(n, gate=None):
    def job(progress, cancelled):
        for i in range(n):
            if gate is not None:
                gate.wait(5)
            progress(i + 1, n, f"park {i}")
            yield {"park": f"park {i}", "value": i * i}
    return job


def test_results_arrive_in_order(qtbot, pool):
    w = Worker(_job(5))
    got, progress = [], []
    w.signals.result.connect(got.append)
    w.signals.progress.connect(lambda d, t, s: progress.append((d, t, s)))
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        pool.start(w)
    assert [g["value"] for g in got] == [0, 1, 4, 9, 16]
    assert progress[-1] == (5, 5, "park 4")
    qtbot.waitUntil(lambda: pool.running() == [], timeout=2000)


def test_error_is_reported_not_raised(qtbot, pool):
    def bad(progress, cancelled):
        yield 1
        raise ValueError("weather file has no ghi column")
    w = Worker(bad)
    errors = []
    w.signals.error.connect(errors.append)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        pool.start(w)
    assert errors[0].type_name == "ValueError"
    assert "ghi" in errors[0].message and "Traceback" in errors[0].details


def test_cancel_acts_between_yields(qtbot, pool):
    permits = threading.Semaphore(1)  # the job yields one item per item the GUI has taken

    def job(progress, cancelled):
        for i in range(100):
            permits.acquire(timeout=5)
            yield i
    w = Worker(job)
    got = []

    def take(item):
        got.append(item)
        w.cancel()  # the user presses Cancel while the first park's result is shown
        permits.release()
    w.signals.result.connect(take)
    with qtbot.waitSignals([w.signals.cancelled, w.signals.finished], timeout=5000, order="strict"):
        pool.start(w)
    assert got == [0]  # the item computed after Cancel is dropped, nothing later is computed
    assert w.is_cancelled()


def test_job_sees_cancel_flag(qtbot, pool):
    seen = []

    def job(progress, cancelled):
        seen.append(cancelled())
        return [1, 2]
    w = Worker(job)
    with qtbot.waitSignal(w.signals.finished, timeout=5000):
        pool.start(w)
    assert seen == [False]
