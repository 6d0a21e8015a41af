"""The Carbon tab's controller: ledger built in a worker from a real run, what-if previewed, shown in the view."""
from __future__ import annotations

import pytest

from solarfleet.app.cli import main as cli


@pytest.fixture
def simulated_db(tmp_path):
    path = tmp_path / "carbon.db"
    assert cli(["--db", str(path), "simulate"]) == 0
    assert cli(["--db", str(path), "carbon", "target", "set", "--fleet", "--peak-year", "2026", "--reduction-pct",
                "30", "--target-year", "2035", "--neutrality-year", "2060"]) == 0
    return path


def test_ledger_in_worker_then_what_if(qtbot, simulated_db):
    from solarfleet.app.gui.carbon_controller import CarbonController
    from solarfleet.app.gui.workers import WorkerPool
    from solarfleet.widgets.carbon_view import CarbonView
    view = CarbonView()
    qtbot.addWidget(view)
    pool = WorkerPool(max_threads=1)
    ctl = CarbonController(view, simulated_db, pool)
    w = ctl.refresh()
    with qtbot.waitSignal(w.signals.finished, timeout=30000):
        pass
    assert ctl.ledger is not None and len(ctl.ledger.park_names) == 9
    assert view.scope.count() == 10 and None in view.targets
    park = "Gu'an Asia No.1 (Langfang)"
    view.scope.setCurrentIndex(view.scope.findData(park))
    view.add_kwp.setValue(5000)
    view.preview.click()
    assert view.what_if is not None and view.what_if.park == park and "→" in view.what_if_result.text()
    with qtbot.waitSignal(ctl.failed) as sig:
        view.commit.click()
    assert "5,000 kWp" in sig.args[0] and park in sig.args[0]
    assert pool.shutdown(5000)
