"""Whole SunSpec chains, every unit model, against images built from pysunspec2's model definitions.

Same oracle as ``test_sunspec_conformance.py`` (whose image builder and server these tests reuse):
register images are written point by point from the definitions pysunspec2 ships, served by a
real pymodbus server on 127.0.0.1 and read both by SolarFleet and by pysunspec2. The quantity →
point-name tables below are written from the SunSpec point names, not from the product's offsets.

Covered: every inverter (101–103, 111–113), meter (201–204, 211–214) and DER AC (701) model, all
their AC/DC/temperature points, states and event bits; the MPPT extension 160 with its repeating
modules; chains of several inverters and meters with proposed and configured roles; float meters
longer than one request; a DER-only device; an end marker without a length register; float 0.0.
"""
from __future__ import annotations

import numpy as np
import pytest
import sunspec2.device as ss_device
import sunspec2.mdef as mdef

from solarfleet.models.live.devices import DeviceConfig, SunSpecDevice
from solarfleet.models.live.sunspec import SunSpecError
from solarfleet.models.live.sunspec_units import weak_trackers
from tests.models.test_sunspec_conformance import (NA, Block, Image, ImageServer, Point, SunSpecModbusClientDeviceTCP,
                                                   _common, approx, encode, model_length, theirs_scaled)

pytestmark = pytest.mark.usefixtures("no_live_threads", "_quiet_pymodbus")

from tests.models.test_sunspec_conformance import _quiet_pymodbus  # noqa: E402,F401  (autouse there, used here)

_PHASES = {"current": "A", "current_a": "AphA", "current_b": "AphB", "current_c": "AphC"}
INVERTER_POINTS = {**_PHASES, "voltage_a": "PhVphA", "voltage_b": "PhVphB", "voltage_c": "PhVphC", "ac_power": "W",
                   "frequency": "Hz", "power_factor": "PF", "energy": "WH", "dc_current": "DCA", "dc_voltage": "DCV",
                   "dc_power": "DCW", "temp_cabinet": "TmpCab", "temp_heatsink": "TmpSnk",
                   "temp_transformer": "TmpTrns", "temp_other": "TmpOt"}
METER_POINTS = {**_PHASES, "voltage_a": "PhVphA", "voltage_b": "PhVphB", "voltage_c": "PhVphC", "frequency": "Hz",
                "ac_power": "W", "power_a": "WphA", "power_b": "WphB", "power_c": "WphC", "power_factor": "PF",
                "energy_export": "TotWhExp", "energy_import": "TotWhImp"}
DER_POINTS = {"ac_power": "W", "power_factor": "PF", "current": "A", "frequency": "Hz", "energy": "TotWhInj",
              "energy_absorbed": "TotWhAbs", "temp_cabinet": "TmpCab", "temp_heatsink": "TmpSnk",
              "temp_transformer": "TmpTrns", "temp_other": "TmpOt", "power_a": "WL1", "current_a": "AL1",
              "voltage_a": "VL1", "power_b": "WL2", "current_b": "AL2", "voltage_b": "VL2", "power_c": "WL3",
              "current_c": "AL3", "voltage_c": "VL3"}
#: event point and the bits set in it (named by the definition's own symbols, checked below)
EVENTS = {"inverter": ("Evt1", (0, 12)), "meter": ("Evt", (2, 7)), "der": ("Alrm", (7, 16))}


def _kind(model_id):
    return "der" if model_id == 701 else ("meter" if model_id // 100 == 2 else "inverter")


def _table(model_id):
    return {"der": DER_POINTS, "meter": METER_POINTS, "inverter": INVERTER_POINTS}[_kind(model_id)]


def _device(server, **kw) -> SunSpecDevice:
    return SunSpecDevice(DeviceConfig("chain", "127.0.0.1", server.port, server.unit, timeout=2.0, **kw))


def _theirs(server):
    return SunSpecModbusClientDeviceTCP(slave_id=server.unit, ipaddr="127.0.0.1", ipport=server.port, timeout=2.0)


def _their_value(model, name):
    """pysunspec2's value in SI, percent power factors as fractions (the definition's ``units``)."""
    p = model.points[name]
    v = model.points[name].value if p.pdef.get(mdef.SF) is None else theirs_scaled(model, name)
    if v is not None and p.pdef.get(mdef.UNITS) == "Pct":
        v = v / 100.0
    return v


def _event_names(model_id, point, bits):
    group = ss_device.get_model_def(model_id)[mdef.GROUP]
    symbols = {s[mdef.VALUE]: s[mdef.NAME] for p in group[mdef.POINTS] if p[mdef.NAME] == point
               for s in p.get(mdef.SYMBOLS, ())}
    names = tuple(symbols[b].lower().removeprefix("m_event_") for b in bits)
    return tuple("manufacturer_alarm" if n == "manufacturer_alrm" else n for n in names)


UNIT_MODELS = (101, 102, 103, 111, 112, 113, 201, 202, 203, 204, 211, 212, 213, 214, 701)


@pytest.mark.parametrize("model_id", UNIT_MODELS)
def test_every_point_of_every_unit_model(model_id):
    """All AC, DC and temperature points, state and event bits decode as pysunspec2 decodes them."""
    rng = np.random.default_rng(model_id)
    evt_point, bits = EVENTS[_kind(model_id)]
    values = {evt_point: sum(1 << b for b in bits)}
    if model_id == 701:
        values["InvSt"] = 6
    block = Block(model_id, values, rng=rng)
    image = Image(40000, [_common(66, rng), block])
    with ImageServer(image) as server:
        ours, theirs = _device(server), _theirs(server)
        try:
            ours.connect()
            reading = ours.read()
            theirs.scan()
            model = theirs.models[model_id][0]
            model.read()
        finally:
            ours.close()
            theirs.disconnect()
    got = ours.details[f"{model_id}@{image.address(model_id)}"]
    for quantity, point in _table(model_id).items():
        want = _their_value(model, point)
        assert got[quantity] == approx(want, rel=1e-6), f"model {model_id}: {quantity} ({point})"
    assert got["events"] == _event_names(model_id, evt_point, bits)
    if _kind(model_id) == "inverter":
        st = {v: n.lower() for n, v in model_points_symbols(model_id, "St")}
        assert got["state"] == st.get(model.points["St"].value, "unknown").removeprefix("gg")
    if model_id == 701:
        assert got["state"] == "fault" and reading.status == "fault"
    # the reading combines the unit by its proposed role
    if _kind(model_id) == "meter":
        assert reading.grid_power == approx(got["ac_power"])
        assert reading.pv_power is None
    else:
        assert reading.pv_power == approx(got["ac_power"]) and reading.grid_power is None


def model_points_symbols(model_id, point):
    group = ss_device.get_model_def(model_id)[mdef.GROUP]
    p = next(p for p in group[mdef.POINTS] if p[mdef.NAME] == point)
    return [(s[mdef.NAME], s[mdef.VALUE]) for s in p.get(mdef.SYMBOLS, ())]


def test_float_meter_is_longer_than_one_request_and_zero_is_a_value():
    """Model 213: 126 registers (more than the 125 of one read); a float 0.0 counter stays 0.0."""
    assert model_length(213) + 2 > 125
    rng = np.random.default_rng(5)
    meter = Block(213, {"W": 12000.0, "TotWhImp": 0.0, "TotWhExp": 123456.0, "Evt": 1 << 3}, rng=rng)
    image = Image(40000, [_common(66, rng), meter])
    with ImageServer(image) as server:
        dev = _device(server)
        try:
            dev.connect()
            first = dev.read()
            image.set(213, TotWhImp=50.0)
            second = dev.read()
        finally:
            dev.close()
    assert first.grid_power == 12000.0
    assert first.grid_import_energy == 0.0 and first.grid_export_energy == 123456.0
    assert second.grid_import_interval == approx(50.0)
    assert dev.details[f"213@{image.address(213)}"]["events"] == ("under_voltage",)


def _chain_image(seed=1, end_length=True):
    rng = np.random.default_rng(seed)
    blocks = [_common(65, rng),
              Block(103, {"W": 5000, "W_SF": 1, "WH": 1000, "WH_SF": 0, "St": 4}, rng=rng),
              Block(113, {"W": 30000.0, "WH": 2000.0, "St": 4}, rng=rng),
              Block(203, {"W": -8000, "W_SF": 1, "TotWhExp": 500, "TotWhImp": 7, "TotWh_SF": 0}, rng=rng),
              Block(120, rng=rng),
              Block(213, {"W": 12000.0, "TotWhImp": 900.0, "TotWhExp": 40.0}, rng=rng)]
    image = Image(40000, blocks)
    if not end_length:
        image.regs = image.regs[:-1]  # the end marker's id is the map's last register
    return image


def test_two_inverters_and_two_meters_are_all_read():
    """The issue's site: PV 50 + 30 kW, a production meter (−80 kW) and a grid meter (+12 kW)."""
    image = _chain_image()
    with ImageServer(image) as server:
        dev, theirs = _device(server), _theirs(server)
        try:
            info = dev.connect()
            reading = dev.read()
            theirs.scan()
        finally:
            dev.close()
            theirs.disconnect()
    a = {m: image.address(m) for m in (103, 113, 203, 213)}
    assert [m.model_id for m in theirs.model_list] == info["models"] == [1, 103, 113, 203, 120, 213]
    assert {u["key"]: u["role"] for u in info["units"]} == {
        f"103@{a[103]}": "pv_inverter", f"113@{a[113]}": "pv_inverter",
        f"203@{a[203]}": "production_meter", f"213@{a[213]}": "grid_meter"}
    assert not any(u["confirmed"] for u in info["units"])
    assert reading.pv_power == 80000.0
    assert reading.grid_power == 12000.0
    assert reading.load_power == 92000.0
    assert reading.pv_energy == 3000.0
    assert reading.grid_import_energy == 900.0 and reading.grid_export_energy == 40.0


def test_configured_roles_win_and_unknown_units_are_refused():
    image = _chain_image(seed=2)
    a = {m: image.address(m) for m in (203, 213)}
    with ImageServer(image) as server:
        dev = _device(server, roles=f"203@{a[203]}=grid_meter,213@{a[213]}=load_meter")
        try:
            info = dev.connect()
            reading = dev.read()
        finally:
            dev.close()
        bad = _device(server, roles="203@1=grid_meter")
        with pytest.raises(SunSpecError, match="203@1"):
            bad.connect()
        assert not bad.link.connected
    assert [u["confirmed"] for u in info["units"]] == [False, False, True, True]
    assert reading.grid_power == -80000.0 and reading.load_power == 12000.0


def test_end_marker_without_length_register():
    """pysunspec2 reads the end id alone; so must we (the map ends at the 0xFFFF register)."""
    image = _chain_image(seed=3, end_length=False)
    with ImageServer(image) as server:
        dev, theirs = _device(server), _theirs(server)
        try:
            info = dev.connect()
            reading = dev.read()
            theirs.scan()
        finally:
            dev.close()
            theirs.disconnect()
    assert info["models"] == [m.model_id for m in theirs.model_list] == [1, 103, 113, 203, 120, 213]
    assert reading.pv_power == 80000.0


def test_der_only_device():
    """A device with only 7xx models (701 + 702 + 703): its AC measurements are read."""
    rng = np.random.default_rng(9)
    blocks = [_common(66, rng), Block(701, {"W": 4200, "W_SF": 1, "InvSt": 3, "TotWhInj": 10 ** 9, "TotWh_SF": 0},
                                      rng=rng),
              Block(702, rng=rng), Block(703, rng=rng)]
    image = Image(50000, blocks)
    with ImageServer(image) as server:
        dev = _device(server)
        try:
            info = dev.connect()
            reading = dev.read()
        finally:
            dev.close()
    assert info["models"] == [1, 701, 702, 703]
    assert reading.pv_power == 42000.0 and reading.pv_energy == 1e9 and reading.status == "mppt"


# --- model 160: repeating modules -------------------------------------------------------------------

def _mppt_points():
    group = ss_device.get_model_def(160)[mdef.GROUP]

    def layout(points):
        out, off = {}, 0
        for p in points:
            size = mdef.point_type_info[p[mdef.TYPE]]["len"] or int(p[mdef.SIZE])
            out[p[mdef.NAME]] = Point(p[mdef.NAME], p[mdef.TYPE], off, size, p.get(mdef.SF), ())
            off += size
        return out, off
    fixed, fixed_len = layout(group[mdef.POINTS])
    module, module_len = layout(group[mdef.GROUPS][0][mdef.POINTS])
    return fixed, fixed_len, module, module_len


class MpptBlock:
    """Model 160 with ``modules`` repeating groups, encoded from the definition."""

    model_id = 160

    def __init__(self, sf: dict, modules: list):
        fixed, self.fixed_len, module, self.module_len = _mppt_points()
        self.length = self.fixed_len - 2 + len(modules) * self.module_len
        regs = [0] * (2 + self.length)
        values = {"ID": 160, "L": self.length, "N": len(modules), "TmsPer": 1, "Evt": 0, **sf}
        for name, v in values.items():
            p = fixed[name]
            regs[p.offset:p.offset + p.size] = encode(p, v)
        for i, m in enumerate(modules):
            base = self.fixed_len + i * self.module_len
            for name, p in module.items():
                v = m.get(name, NA if name not in ("ID",) else i + 1)
                regs[base + p.offset:base + p.offset + p.size] = encode(p, v)
        self._regs = regs
        self.points, self.values = {}, {}

    def registers(self):
        return list(self._regs)


def test_mppt_model_160_per_tracker_and_weak_string():
    sf = {"DCA_SF": -2, "DCV_SF": -1, "DCW_SF": 0, "DCWH_SF": 0}
    modules = [{"IDStr": "PV1", "DCA": 912, "DCV": 6200, "DCW": 5650, "DCWH": 10, "Tmp": 41, "DCSt": 4, "DCEvt": 0},
               {"IDStr": "PV2", "DCA": 905, "DCV": 6150, "DCW": 5560, "DCWH": 20, "Tmp": 42, "DCSt": 4, "DCEvt": 0},
               {"IDStr": "PV3", "DCA": 301, "DCV": 6100, "DCW": 1830, "DCWH": 30, "Tmp": 40, "DCSt": 4,
                "DCEvt": 1 << 12}]
    rng = np.random.default_rng(4)
    image = Image(40000, [_common(66, rng), Block(103, {"W": 1300, "W_SF": 1}, rng=rng), MpptBlock(sf, modules)])
    with ImageServer(image) as server:
        dev, theirs = _device(server), _theirs(server)
        try:
            dev.connect()
            dev.read()
            theirs.scan()
            m = theirs.models[160][0]
            m.read()
        finally:
            dev.close()
            theirs.disconnect()
    trackers = dev.details[f"160@{image.address(160)}"]["mppt"]
    assert [t["label"] for t in trackers] == ["PV1", "PV2", "PV3"]
    for ours, their in zip(trackers, m.groups["module"]):
        assert ours["dc_current"] == approx(their.DCA.cvalue)
        assert ours["dc_voltage"] == approx(their.DCV.cvalue)
        assert ours["dc_power"] == approx(their.DCW.cvalue)
        assert ours["dc_energy"] == approx(their.DCWH.cvalue)
        assert ours["temperature"] == their.Tmp.value
    assert trackers[2]["events"] == ("blown_fuse",)
    assert [t["label"] for t in weak_trackers(trackers)] == ["PV3"]
