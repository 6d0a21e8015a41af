"""`solarfleet-cli live` with whole SunSpec chains, confirmed roles, and storage maintenance."""
import json

import pytest

from solarfleet.app.cli import main
from solarfleet.models.store import live_reading_count, live_stats, open_store
from tests.models.test_sunspec_chains import _chain_image
from tests.models.test_sunspec_conformance import ImageServer

pytestmark = pytest.mark.usefixtures("no_live_threads")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_test_shows_every_unit_with_its_proposed_role(capsys, tmp_path):
    image = _chain_image()
    with ImageServer(image) as srv:
        code, out, _ = run(capsys, "--db", str(tmp_path / "a.db"), "--no-demo", "live", "--source",
                           f"sunspec://127.0.0.1:{srv.port}/1", "--test")
        a = {m: image.address(m) for m in (203, 213)}
        code2, out2, _ = run(capsys, "--db", str(tmp_path / "a.db"), "--no-demo", "live", "--source",
                             f"sunspec://127.0.0.1:{srv.port}/1", "--test",
                             "--roles", f"203@{a[203]}=grid_meter,213@{a[213]}=load_meter")
    assert code == 0 and code2 == 0
    res = json.loads(out)
    assert [u["role"] for u in res["info"]["units"]] == ["pv_inverter", "pv_inverter", "production_meter", "grid_meter"]
    assert (res["reading"]["pv_power"], res["reading"]["grid_power"], res["reading"]["load_power"]) == \
        (80000.0, 12000.0, 92000.0)
    assert set(res["details"]) == {u["key"] for u in res["info"]["units"]}
    res2 = json.loads(out2)
    assert (res2["reading"]["grid_power"], res2["reading"]["load_power"]) == (-80000.0, 12000.0)


def test_stream_store_and_maintain(capsys, tmp_path):
    db = tmp_path / "b.db"
    image = _chain_image(seed=4)
    with ImageServer(image) as srv:
        code, out, err = run(capsys, "--db", str(db), "--no-demo", "live", "--source", f"sunspec://127.0.0.1:{srv.port}/1",
                             "--duration", "1.5", "--interval", "0.2", "--flush", "0.3", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["pv_power"] == 80000.0 and r["provenance"] == "measured" for r in rows)
    code, _, err = run(capsys, "--db", str(db), "--no-demo", "live", "--retention-days", "7")
    assert code == 0 and "kept 7 days" in err
    with open_store(db) as s:
        assert live_reading_count(s) == len(rows)  # nothing is pruned inside the window
        assert live_stats(s, 300).empty            # the current 5 minutes are not complete yet
    code, _, err = run(capsys, "--db", str(db), "--no-demo", "live", "--retention-days", "0")
    assert code != 0 and "retention" in err
