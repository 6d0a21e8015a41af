"""The survey estimate's figures at laptop widths: above the plot in two or three columns, beside it when wide;
every value wraps to the lines it needs and none is clipped (issue 15/20: clipped at 1366×768)."""
from __future__ import annotations

import pytest

from solarfleet.widgets.survey_estimate_panel import SurveyEstimatePanel

LONG = {"capacity": "551.1 kWp, 1,530 modules", "load": "24.0 kg/m² – within the allowed 30 kg/m²",
        "weather": "climate pack 'Jiangxi', GHI ±10 %", "annual": "689.7 MWh"}


@pytest.mark.parametrize("em_wide, beside, columns", [(23, False, 2), (40, False, 3), (60, True, 2)])
def test_figures_reflow_and_are_never_clipped(qtbot, em_wide, beside, columns):
    panel = SurveyEstimatePanel()
    qtbot.addWidget(panel)
    for key, text in LONG.items():
        panel.values[key].setText(text)
    em = panel.fontMetrics().horizontalAdvance("M")
    panel.resize(em_wide * em, 300)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.figures.minimumHeight() > 0, timeout=3000)
    assert panel.layout_for(panel.width()) == (beside, columns) and panel.columns == columns
    assert panel.minimumSizeHint().width() <= panel.width()  # a long value never widens the panel
    for key, label in panel.values.items():
        assert label.width() > 0
        assert label.height() >= label.heightForWidth(label.width()), (key, label.text())
        assert label.geometry().bottom() <= label.parentWidget().height()
    card = panel.values["load"].parentWidget()
    assert card.geometry().bottom() <= panel.figures.height()
    if beside:
        assert panel.plot.geometry().left() >= panel.figures.geometry().right()
    else:
        assert panel.plot.geometry().top() >= panel.figures.geometry().bottom()
