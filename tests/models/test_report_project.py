"""Report project fields: remembered per database, validated, written whole or not at all."""
import pytest

from solarfleet.models.store import (REPORT_PROJECT_FIELDS, StoreError, get_report_project, open_store,
                                     set_report_project)


def test_fields_are_remembered_in_the_file_and_bad_input_changes_nothing(tmp_path):
    path = tmp_path / "p.db"
    with open_store(path) as s:
        assert get_report_project(s) == {k: "" for k in REPORT_PROJECT_FIELDS}
        set_report_project(s, {"project": "  Kunshan   PV refinancing ", "client": "=Bank of Jiangsu"})
        set_report_project(s, {"author": "李工"})
    with open_store(path) as s:
        got = get_report_project(s)
        assert got["project"] == "Kunshan PV refinancing" and got["client"] == "=Bank of Jiangsu"
        assert got["author"] == "李工"
        for bad, match in (({"project": "ok", "colour": "x"}, "colour"), ({"author": 3}, "text"),
                           ({"client": "x" * 201}, "200")):
            with pytest.raises(StoreError, match=match):
                set_report_project(s, bad)
        assert get_report_project(s) == got
