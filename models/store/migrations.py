"""The schema, as one ordered list of migrations.

Each step brings a file from ``version - 1`` to ``version``. To change the schema, append a step to
:data:`MIGRATIONS` — never edit a released one: files in the field were built by them. Before migrating a
file that holds data, :func:`migrate` copies it beside itself (``<name>.v<old>-<UTC time>.bak``); the whole
migration is one transaction.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path
from typing import Callable, Optional, Sequence

import sqlite_utils

__all__ = ["SCHEMA_VERSION", "MIGRATIONS", "Migration", "APP_ID", "migrate", "target_version"]

#: ``(version, step)``: ``step(db)`` brings a file from ``version - 1`` to ``version``.
Migration = tuple[int, Callable[[sqlite_utils.Database], None]]
#: ``PRAGMA application_id`` of a SolarFleet file ("SFLT").
APP_ID = 0x53464C54


def create_fleet(db: sqlite_utils.Database) -> None:
    """Version 1: parks, roofs and arrays, and the meta table."""
    db.executescript("""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE parks (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        latitude REAL NOT NULL, longitude REAL NOT NULL, altitude REAL NOT NULL,
        tz TEXT NOT NULL, grid_region TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '',
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE roofs (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        roof_type TEXT NOT NULL, area REAL NOT NULL, surface_tilt REAL NOT NULL,
        surface_azimuth REAL NOT NULL, height REAL NOT NULL,
        UNIQUE (park_id, name)
    );
    CREATE INDEX roofs_park ON roofs(park_id);
    CREATE TABLE arrays (
        id INTEGER PRIMARY KEY,
        roof_id INTEGER NOT NULL REFERENCES roofs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        dc_model TEXT NOT NULL, pdc0 REAL, gamma_pdc REAL NOT NULL,
        module TEXT, modules_per_string INTEGER, strings INTEGER,
        racking TEXT NOT NULL, module_type TEXT NOT NULL,
        surface_tilt REAL, surface_azimuth REAL, gcr REAL, albedo REAL NOT NULL,
        losses TEXT NOT NULL,
        inverter_model TEXT NOT NULL, dc_ac_ratio REAL NOT NULL, eta_inv_nom REAL NOT NULL,
        inverter TEXT, inverters INTEGER,
        degradation REAL NOT NULL, commissioned TEXT,
        UNIQUE (roof_id, name)
    );
    CREATE INDEX arrays_roof ON arrays(roof_id);
    """)


def add_consumption(db: sqlite_utils.Database) -> None:
    """Version 2: consumption series, synthetic-load parameters, tariffs, batteries, carbon choice."""
    db.executescript("""
    CREATE TABLE load_series (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        meter TEXT NOT NULL COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('measured', 'synthetic')),
        interval_minutes INTEGER NOT NULL,
        start_utc TEXT NOT NULL,            -- start of the first interval, ISO 8601 UTC
        n INTEGER NOT NULL,                 -- number of intervals
        load BLOB NOT NULL,                 -- float64 little-endian mean power [W]; NaN = missing
        energy_wh REAL NOT NULL,            -- over the valid intervals [Wh]
        missing_intervals INTEGER NOT NULL,
        metadata TEXT NOT NULL,             -- JSON
        report TEXT NOT NULL,               -- JSON import report (gaps, duplicates)
        created_utc TEXT NOT NULL,
        UNIQUE (park_id, meter)
    );
    CREATE INDEX load_series_park ON load_series(park_id);
    CREATE TABLE park_synthetic_load (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        params TEXT NOT NULL,               -- JSON of solarfleet.models.energy.synthetic_load.SyntheticLoadParams
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_tariffs (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        tariff TEXT NOT NULL,               -- JSON of solarfleet.models.energy.tariff.Tariff
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_batteries (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        capacity REAL NOT NULL,             -- [Wh]
        power REAL NOT NULL,                -- [W]
        efficiency REAL NOT NULL,           -- round trip [-]
        min_soc REAL NOT NULL,              -- [-]
        strategy TEXT NOT NULL,
        initial_soc REAL,                   -- [-]
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE park_carbon (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        region TEXT,                        -- NULL: the park's grid_region
        data_year INTEGER,                  -- NULL: latest data year
        updated_utc TEXT NOT NULL
    );
    """)


def add_live_monitoring(db: sqlite_utils.Database) -> None:
    """Version 3: live devices, readings (UTC milliseconds) and the alarm log."""
    db.executescript("""
    CREATE TABLE live_devices (
        device_id TEXT PRIMARY KEY,
        park TEXT,
        kind TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, unit_id INTEGER NOT NULL,
        map_name TEXT, timeout REAL NOT NULL, meter_sign INTEGER NOT NULL, max_power REAL,
        added_utc TEXT NOT NULL
    );
    CREATE TABLE live_readings (
        id INTEGER PRIMARY KEY,
        device_id TEXT NOT NULL,
        park TEXT,
        timestamp_ms INTEGER NOT NULL,
        pv_power REAL, load_power REAL, grid_power REAL,
        pv_energy REAL, pv_energy_interval REAL,
        grid_import_energy REAL, grid_export_energy REAL, grid_import_interval REAL, grid_export_interval REAL,
        poa_global REAL, status TEXT NOT NULL, counter_event TEXT,
        UNIQUE (device_id, timestamp_ms)
    );
    CREATE INDEX live_readings_park_time ON live_readings(park, timestamp_ms);
    CREATE TABLE live_alarms (
        id INTEGER PRIMARY KEY,
        park TEXT,
        device_id TEXT,
        kind TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        end_utc TEXT,
        min_ratio REAL, mean_ratio REAL,
        fraction REAL NOT NULL, duration_s REAL NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX live_alarms_park ON live_alarms(park, start_utc);
    """)


def add_site_surveys(db: sqlite_utils.Database) -> None:
    """Version 4: site surveys (one JSON document per park) and their photos."""
    db.executescript("""
    CREATE TABLE survey_sites (
        park_id INTEGER PRIMARY KEY REFERENCES parks(id) ON DELETE CASCADE,
        survey TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    );
    CREATE TABLE survey_photos (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        added_utc TEXT NOT NULL,
        UNIQUE (park_id, name)
    );
    CREATE INDEX survey_photos_park ON survey_photos(park_id);
    """)


def add_simulation_runs(db: sqlite_utils.Database) -> None:
    """Version 5: simulation runs: per run, park and array rows, series blobs, energy aggregates."""
    db.executescript("""
    CREATE TABLE sim_runs (
        id INTEGER PRIMARY KEY,
        started_utc TEXT NOT NULL,
        duration_s REAL NOT NULL,
        fleet_hash TEXT NOT NULL,
        options TEXT NOT NULL,
        weather TEXT NOT NULL,
        versions TEXT NOT NULL,
        parks INTEGER NOT NULL, arrays INTEGER NOT NULL,
        dc_capacity REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        missing_intervals INTEGER NOT NULL,
        losses TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE sim_parks (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        park TEXT NOT NULL COLLATE NOCASE,
        tz TEXT NOT NULL,
        start_utc TEXT NOT NULL, periods INTEGER NOT NULL, interval_minutes REAL NOT NULL,
        weather TEXT NOT NULL,
        missing_intervals INTEGER NOT NULL,
        dc_capacity REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        losses TEXT NOT NULL,
        PRIMARY KEY (run_id, park)
    );
    CREATE TABLE sim_arrays (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        park TEXT NOT NULL COLLATE NOCASE,
        position INTEGER NOT NULL,
        roof TEXT NOT NULL COLLATE NOCASE,
        array TEXT NOT NULL COLLATE NOCASE,
        dc_model TEXT NOT NULL, inverter_model TEXT NOT NULL,
        dc_capacity REAL NOT NULL, ac_capacity REAL NOT NULL,
        surface_tilt REAL NOT NULL, surface_azimuth REAL NOT NULL,
        poa_insolation REAL NOT NULL, energy REAL NOT NULL,
        specific_yield REAL, performance_ratio REAL, capacity_factor REAL,
        losses TEXT NOT NULL,
        ac BLOB NOT NULL,
        PRIMARY KEY (run_id, park, roof, array)
    );
    CREATE TABLE sim_energy (
        run_id INTEGER NOT NULL REFERENCES sim_runs(id) ON DELETE CASCADE,
        level TEXT NOT NULL,
        park TEXT NOT NULL COLLATE NOCASE,
        roof TEXT NOT NULL COLLATE NOCASE,
        array TEXT NOT NULL COLLATE NOCASE,
        period TEXT NOT NULL,
        period_start TEXT NOT NULL,
        ac_energy REAL NOT NULL,
        PRIMARY KEY (run_id, level, park, roof, array, period, period_start)
    ) WITHOUT ROWID;
    """)


def add_weather_sets(db: sqlite_utils.Database) -> None:
    """Version 6: weather sets (compressed float32 columns), park defaults and the PVGIS cache."""
    db.executescript("""
    CREATE TABLE weather_sets (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('tmy', 'measured', 'synthetic', 'clearsky')),
        year INTEGER,                          -- NULL for a typical year
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT 'start',   -- stamps are interval starts
        start_utc TEXT NOT NULL,               -- first interval start, ISO 8601 UTC
        intervals INTEGER NOT NULL,
        latitude REAL, longitude REAL, altitude REAL, tz TEXT,
        ghi_annual REAL,                       -- irradiation over the set [Wh/m²], NaN intervals skipped
        ghi_missing INTEGER NOT NULL,          -- intervals without ghi
        metadata TEXT NOT NULL,                -- JSON
        quality TEXT NOT NULL,                 -- JSON quality report
        is_default INTEGER NOT NULL DEFAULT 0, -- the park's default weather (one per park)
        created_utc TEXT NOT NULL
    );
    CREATE INDEX weather_sets_park ON weather_sets(park_id);
    CREATE UNIQUE INDEX weather_sets_one_default ON weather_sets(park_id) WHERE is_default = 1;
    CREATE TABLE weather_series (
        weather_id INTEGER NOT NULL REFERENCES weather_sets(id) ON DELETE CASCADE,
        quantity TEXT NOT NULL,                -- pvlib name: ghi, dni, dhi, temp_air, wind_speed, albedo, pressure
        encoding TEXT NOT NULL,                -- 'zlib-f4le': zlib-compressed little-endian float32, NaN = missing
        data BLOB NOT NULL,
        PRIMARY KEY (weather_id, quantity)
    );
    CREATE TABLE pvgis_cache (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,                    -- 'tmy' or 'horizon'
        latitude REAL NOT NULL, longitude REAL NOT NULL,
        params TEXT NOT NULL DEFAULT '{}',
        fetched_utc TEXT NOT NULL,
        payload TEXT NOT NULL,                 -- JSON
        UNIQUE (kind, latitude, longitude, params)
    );
    """)

def add_studies_and_forecasts(db: sqlite_utils.Database) -> None:
    """Version 7: yield studies, forecasts and imported measured AC."""
    db.executescript("""
    CREATE TABLE yield_studies (
        id INTEGER PRIMARY KEY,
        created_utc TEXT NOT NULL,
        parks TEXT NOT NULL,
        parameters TEXT NOT NULL,
        info TEXT NOT NULL,
        results TEXT NOT NULL,
        projection TEXT NOT NULL
    );
    CREATE TABLE forecasts (
        id INTEGER PRIMARY KEY,
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        created_utc TEXT NOT NULL,
        issued_utc TEXT NOT NULL,
        method TEXT NOT NULL,
        horizon TEXT NOT NULL,
        source TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        metadata TEXT NOT NULL
    );
    CREATE INDEX forecasts_park ON forecasts(park_id, id);
    CREATE TABLE forecast_values (
        forecast_id INTEGER NOT NULL REFERENCES forecasts(id) ON DELETE CASCADE,
        time_ms INTEGER NOT NULL,
        ghi REAL, ac_p10 REAL, ac_p50 REAL, ac_p90 REAL, ac_clearsky REAL,
        PRIMARY KEY (forecast_id, time_ms)
    ) WITHOUT ROWID;
    CREATE TABLE measured_ac (
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        time_ms INTEGER NOT NULL,
        interval_minutes INTEGER NOT NULL,
        ac REAL,
        source TEXT NOT NULL,
        PRIMARY KEY (park_id, time_ms)
    ) WITHOUT ROWID;
    """)


def add_carbon_ledger(db: sqlite_utils.Database) -> None:
    """Green certificates, green-power contracts, carbon targets and user-added emission factors."""
    db.executescript("""
    CREATE TABLE green_certificates (
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        month TEXT NOT NULL,                -- 'YYYY-MM', the park's local calendar month of generation
        sold INTEGER NOT NULL CHECK (sold >= 0),
        retained INTEGER NOT NULL CHECK (retained >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_utc TEXT NOT NULL,
        PRIMARY KEY (park_id, month)
    );
    CREATE TABLE green_power_contracts (
        park_id INTEGER NOT NULL REFERENCES parks(id) ON DELETE CASCADE,
        month TEXT NOT NULL,                -- 'YYYY-MM', local calendar month of delivery
        supplier TEXT NOT NULL COLLATE NOCASE,
        energy REAL NOT NULL CHECK (energy >= 0),  -- contracted green power delivered [Wh]
        updated_utc TEXT NOT NULL,
        PRIMARY KEY (park_id, month, supplier)
    );
    CREATE TABLE carbon_targets (
        id INTEGER PRIMARY KEY,
        park_id INTEGER REFERENCES parks(id) ON DELETE CASCADE,   -- NULL: the fleet
        peak_year INTEGER NOT NULL,
        reduction_pct REAL NOT NULL,        -- below the peak-year emissions by target_year [%]
        target_year INTEGER NOT NULL,
        neutrality_year INTEGER NOT NULL,
        updated_utc TEXT NOT NULL
    );
    CREATE UNIQUE INDEX carbon_targets_scope ON carbon_targets(COALESCE(park_id, 0));
    CREATE TABLE user_emission_factors (
        data_year INTEGER NOT NULL,
        region TEXT NOT NULL,               -- a grid region, 'national' or 'national_excl_market_green'
        factor REAL NOT NULL,               -- [kg CO2/kWh]
        source TEXT NOT NULL,
        added_utc TEXT NOT NULL,
        PRIMARY KEY (data_year, region)
    );
    """)


def add_climate_packs(db: sqlite_utils.Database) -> None:
    """Climate packs: monthly climatologies of a region on a source's grid, for offline typical years."""
    db.executescript("""
    CREATE TABLE climate_packs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        source TEXT NOT NULL,                  -- e.g. 'NASA POWER climatology'
        licence TEXT NOT NULL,                 -- acknowledgement the source asks for
        region TEXT NOT NULL,                  -- JSON: kind, bbox [lat_min, lat_max, lon_min, lon_max] [°]
        period TEXT NOT NULL,                  -- years the climatology averages, e.g. '2001-2020'
        fetched_utc TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        metadata TEXT NOT NULL                 -- JSON
    );
    CREATE TABLE climate_cells (
        pack_id INTEGER NOT NULL REFERENCES climate_packs(id) ON DELETE CASCADE,
        latitude REAL NOT NULL, longitude REAL NOT NULL,   -- grid point [°]
        elevation REAL,                                     -- [m]
        ghi TEXT NOT NULL,                     -- JSON 12 monthly irradiation [Wh/m²], null = missing
        temp_air TEXT NOT NULL,                -- JSON 12 monthly means [°C]
        wind_speed TEXT NOT NULL,              -- JSON 12 monthly means [m/s]
        clearness TEXT NOT NULL,               -- JSON 12 monthly clearness index [-]
        PRIMARY KEY (pack_id, latitude, longitude)
    ) WITHOUT ROWID;
    CREATE INDEX climate_cells_position ON climate_cells(latitude, longitude);
    """)


def compact_live_storage(db: sqlite_utils.Database) -> None:
    """Live readings stored compactly, with roll-ups; replayed readings kept apart from measured ones.

    ``live_sources`` names each (park, device, provenance) once; ``live_raw`` holds one row per source
    and instant keyed by (t [ms UTC], source) without a rowid (status and counter events as small
    integers); ``live_stats`` holds 5-minute, hourly and daily statistics per source; ``live_rollup``
    remembers up to where each span is rolled up. Existing readings move over; rows of a replay
    (device ``replay`` or ``replay:<park>``, as the replay source has always named itself) become
    replay rows. Devices gain the roles of their SunSpec units, a transport (Modbus TCP, RTU over TCP,
    RTU on a serial port) and serial line settings.
    """
    sql = """
    CREATE TABLE live_sources (
        id INTEGER PRIMARY KEY,
        park TEXT NOT NULL DEFAULT '',
        device_id TEXT NOT NULL,
        provenance TEXT NOT NULL CHECK (provenance IN ('measured', 'replay')),
        pv_measured_by TEXT,
        UNIQUE (park, device_id, provenance)
    );
    CREATE TABLE live_raw (
        t INTEGER NOT NULL,
        source INTEGER NOT NULL REFERENCES live_sources(id),
        pv_power REAL, load_power REAL, grid_power REAL,
        pv_energy REAL, pv_energy_interval REAL,
        grid_import_energy REAL, grid_export_energy REAL, grid_import_interval REAL, grid_export_interval REAL,
        poa_global REAL, status INTEGER NOT NULL, counter_event INTEGER,
        PRIMARY KEY (t, source)
    ) WITHOUT ROWID;
    CREATE TABLE live_stats (
        span_s INTEGER NOT NULL,
        t INTEGER NOT NULL,
        source INTEGER NOT NULL REFERENCES live_sources(id),
        n INTEGER NOT NULL,
        pv_power REAL, pv_power_min REAL, pv_power_max REAL,
        load_power REAL, load_power_min REAL, load_power_max REAL,
        grid_power REAL, grid_power_min REAL, grid_power_max REAL,
        poa_global REAL,
        pv_energy REAL, grid_import_energy REAL, grid_export_energy REAL,
        faults INTEGER NOT NULL,
        PRIMARY KEY (span_s, t, source)
    ) WITHOUT ROWID;
    CREATE TABLE live_rollup (span_s INTEGER PRIMARY KEY, done_ms INTEGER NOT NULL);
    INSERT INTO live_rollup VALUES (300, 0), (3600, 0), (86400, 0);
    INSERT INTO live_sources (park, device_id, provenance)
        SELECT DISTINCT coalesce(park, ''), device_id,
               CASE WHEN device_id = 'replay' OR device_id LIKE 'replay:%' THEN 'replay' ELSE 'measured' END
        FROM live_readings;
    INSERT OR IGNORE INTO live_raw
        SELECT r.timestamp_ms, s.id, r.pv_power, r.load_power, r.grid_power, r.pv_energy, r.pv_energy_interval,
               r.grid_import_energy, r.grid_export_energy, r.grid_import_interval, r.grid_export_interval,
               r.poa_global,
               CASE r.status WHEN 'ok' THEN 0 WHEN 'off' THEN 1 WHEN 'sleeping' THEN 2 WHEN 'starting' THEN 3
                    WHEN 'mppt' THEN 4 WHEN 'throttled' THEN 5 WHEN 'shutting_down' THEN 6 WHEN 'fault' THEN 7
                    WHEN 'standby' THEN 8 ELSE 9 END,
               CASE r.counter_event WHEN 'reset' THEN 1 WHEN 'wrap' THEN 2 END
        FROM live_readings r JOIN live_sources s ON s.park = coalesce(r.park, '') AND s.device_id = r.device_id;
    DROP TABLE live_readings;
    ALTER TABLE live_devices ADD COLUMN roles TEXT;
    ALTER TABLE live_devices ADD COLUMN transport TEXT NOT NULL DEFAULT 'tcp';
    ALTER TABLE live_devices ADD COLUMN serial TEXT;
"""
    for statement in sql.split(";"):  # one by one, inside the migration's transaction
        if statement.strip():
            db.execute(statement)


def add_report_project(db: sqlite_utils.Database) -> None:
    """Report project fields (project, client, author, …) remembered per database."""
    db.executescript("""
    CREATE TABLE report_project (
        field TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """)


def add_array_temperature_model(db: sqlite_utils.Database) -> None:
    """An array's own cell-temperature model (NULL: its DC model family's)."""
    db.execute("ALTER TABLE arrays ADD COLUMN temperature_model TEXT")


def add_monthly_poa_insolation(db: sqlite_utils.Database) -> None:
    """Per array and local month of a run, the POA insolation before shading [Wh/m²]: with the AC energy
    of the same row it gives the monthly performance ratio. NULL on other rows."""
    db.execute("ALTER TABLE sim_energy ADD COLUMN poa_insolation REAL")


def add_provenance(db: sqlite_utils.Database) -> None:
    """Provenance of every stored series: what it is and where it came from.

    ``provenance`` is one of ``measured`` (a meter, logger or device), ``imported`` (a file of
    someone else's data, e.g. a typical year), ``modelled`` (our own models: synthetic weather or
    load), ``replay`` or ``forecast``; ``origin`` names the file or device. Existing rows are
    classified from their kind; measured AC imported before this version came from files.
    """
    db.executescript("""
    ALTER TABLE weather_sets ADD COLUMN provenance TEXT NOT NULL DEFAULT 'imported';
    ALTER TABLE weather_sets ADD COLUMN origin TEXT NOT NULL DEFAULT '';
    UPDATE weather_sets SET provenance = CASE kind WHEN 'measured' THEN 'measured' WHEN 'tmy' THEN 'imported'
                                             ELSE 'modelled' END,
                            origin = source;
    ALTER TABLE load_series ADD COLUMN provenance TEXT NOT NULL DEFAULT 'measured';
    ALTER TABLE load_series ADD COLUMN origin TEXT NOT NULL DEFAULT '';
    UPDATE load_series SET provenance = CASE kind WHEN 'synthetic' THEN 'modelled' ELSE 'measured' END,
                           origin = COALESCE(json_extract(metadata, '$.source'), '');
    ALTER TABLE measured_ac ADD COLUMN provenance TEXT NOT NULL DEFAULT 'measured';
    """)


def add_monthly_dc_energy(db: sqlite_utils.Database) -> None:
    """Per array and park, and local month and year of a run, the DC energy at the inverters' input [Wh]
    (after the DC losses and degradation, before inverter and clipping). NULL on other rows."""
    db.execute("ALTER TABLE sim_energy ADD COLUMN dc_energy REAL")


def add_live_details(db: sqlite_utils.Database) -> None:
    """Detail quantities of live devices (AC per phase, DC per MPPT, temperatures, state, event codes).

    ``live_detail_layouts`` names, once, the quantities a snapshot holds and its fixed texts (unit kinds,
    tracker labels), as JSON; ``live_details`` holds one row per source and instant: the layout id, the
    values as a float32 blob in the layout's order (NaN = not available) and the event codes as JSON, NULL
    when there are none. Kept for the raw readings' retention window.
    """
    sql = """
    CREATE TABLE live_detail_layouts (
        id INTEGER PRIMARY KEY,
        layout TEXT NOT NULL UNIQUE
    );
    CREATE TABLE live_details (
        source INTEGER NOT NULL REFERENCES live_sources(id),
        t INTEGER NOT NULL,
        layout INTEGER NOT NULL REFERENCES live_detail_layouts(id),
        vals BLOB NOT NULL,
        events TEXT,
        PRIMARY KEY (source, t)
    ) WITHOUT ROWID
    """
    for statement in sql.split(";"):  # one by one, inside the migration's transaction
        if statement.strip():
            db.execute(statement)


def add_satellite_weather_kind(db: sqlite_utils.Database) -> None:
    """Weather kind ``satellite``: a real year of satellite or reanalysis data (NASA POWER, PVGIS, NSRDB, Solcast,
    Solargis), counted by yield studies as a historical year but never labelled measured.

    SQLite cannot alter a CHECK, so ``weather_sets`` is rebuilt with the wider one (its child table
    ``weather_series`` is set aside first: dropping the parent would cascade into it). Rows of those
    formats stored as ``measured`` become ``satellite`` with provenance ``imported``.
    """
    old_check = "CHECK (kind IN ('tmy', 'measured', 'synthetic', 'clearsky'))"
    new_check = "CHECK (kind IN ('tmy', 'measured', 'satellite', 'synthetic', 'clearsky'))"
    schema = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('weather_sets', 'weather_series') "
                             "AND sql IS NOT NULL").fetchall())
    indexes = [sql for name, sql in schema.items() if name not in ("weather_sets", "weather_series")]
    db.executescript(f"""
    CREATE TEMP TABLE weather_series_keep AS SELECT * FROM weather_series;
    DROP TABLE weather_series;
    CREATE TABLE weather_sets_wide ({schema["weather_sets"].split("(", 1)[1].replace(old_check, new_check)};
    INSERT INTO weather_sets_wide SELECT * FROM weather_sets;
    DROP TABLE weather_sets;
    ALTER TABLE weather_sets_wide RENAME TO weather_sets;
    {schema["weather_series"]};
    INSERT INTO weather_series SELECT * FROM weather_series_keep;
    DROP TABLE weather_series_keep;
    {";".join(indexes)};
    """)
    has_provenance = "provenance" in {r[1] for r in db.execute("PRAGMA table_info(weather_sets)")}
    db.execute("UPDATE weather_sets SET kind = 'satellite', metadata = json_set(metadata, '$.kind', 'satellite')"
               + (", provenance = 'imported'" if has_provenance else "") +
               " WHERE kind = 'measured' AND format IN ('nasa_power_hourly', 'pvgis_hourly', 'nsrdb', 'solcast', "
               "'solargis')")


def add_equipment_library(db: sqlite_utils.Database) -> None:
    """The equipment library: modules and inverters engineers bring (PVsyst .PAN/.OND files, datasheets,
    CEC or Sandia parameters), one row each, keyed as arrays reference them (``lib:Manufacturer Model``).
    ``parameters`` is the JSON of the CEC (module) or Sandia (inverter) parameters in pvlib's names and
    SI units; ``source`` is how it was entered, ``source_file`` the file name."""
    db.executescript("""
    CREATE TABLE equipment (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('module', 'inverter')),
        manufacturer TEXT NOT NULL,
        model TEXT NOT NULL,
        source TEXT NOT NULL,
        source_file TEXT NOT NULL DEFAULT '',
        parameters TEXT NOT NULL,
        added_utc TEXT NOT NULL
    );
    """)


def add_active_interval_series(db: sqlite_utils.Database) -> None:
    """Runs store each array's AC only at its park's active intervals (about half the bytes).

    ``sim_parks.active``: the park's active intervals as bits (``numpy.packbits``, little bit
    order); ``sim_arrays.ac_base``: the array's value at every other interval [W]. NULL in both:
    a run stored before, whose ``ac`` blob holds every interval (see
    :func:`solarfleet.models.store.run_rows.encode_park_series`).
    """
    db.executescript("""
    ALTER TABLE sim_parks ADD COLUMN active BLOB;
    ALTER TABLE sim_arrays ADD COLUMN ac_base REAL;
    """)


def add_live_detail_rollups(db: sqlite_utils.Database) -> None:
    """Hourly roll-ups of the live detail snapshots, and which snapshots record a state or fault change.

    ``live_detail_hours`` holds one row per source, hour (``t``: its start [ms since the Unix epoch,
    UTC]) and snapshot layout: ``n`` snapshots, ``vals`` the float32 blob of each numeric quantity's mean,
    then min, then max (NaN = no sample), ``counts`` a uint16 blob of each quantity's samples, ``states``
    a float32 blob of each state slot's dominant state and ``events`` the event codes set at any time of
    the hour (JSON, NULL when none). ``live_details.changed`` is 1 on a snapshot whose states or event
    codes differ from the source's previous one (such snapshots outlive the retention window). The
    roll-up mark lives in ``meta`` (``live_detail_rollup_done_ms``).
    """
    db.execute("ALTER TABLE live_details ADD COLUMN changed INTEGER NOT NULL DEFAULT 0")
    db.execute("""
    CREATE TABLE live_detail_hours (
        source INTEGER NOT NULL REFERENCES live_sources(id),
        t INTEGER NOT NULL,
        layout INTEGER NOT NULL REFERENCES live_detail_layouts(id),
        n INTEGER NOT NULL,
        vals BLOB NOT NULL,
        counts BLOB NOT NULL,
        states BLOB NOT NULL,
        events TEXT,
        PRIMARY KEY (source, t, layout)
    ) WITHOUT ROWID""")


MIGRATIONS: tuple[Migration, ...] = (
    (1, create_fleet),
    (2, add_consumption),
    (3, add_live_monitoring),
    (4, add_site_surveys),
    (5, add_simulation_runs),
    (6, add_weather_sets),
    (7, add_studies_and_forecasts),
    (8, add_carbon_ledger),
    (9, add_climate_packs),
    (10, compact_live_storage),
    (11, add_report_project),
    (12, add_array_temperature_model),
    (13, add_monthly_poa_insolation),
    (14, add_provenance),
    (15, add_monthly_dc_energy),
    (16, add_live_details),
    (17, add_satellite_weather_kind),
    (18, add_equipment_library),
    (19, add_active_interval_series),
    (20, add_live_detail_rollups),
)
#: The version this code writes.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def target_version(migrations: Sequence[Migration]) -> int:
    """The version a file has after ``migrations``."""
    return max(v for v, _ in migrations)


def _backup(db: sqlite_utils.Database, path: Path, current: int) -> Path:
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backup_path = path.with_name(f"{path.name}.v{current}-{stamp}.bak")
    backup = sqlite3.connect(str(backup_path))
    try:
        db.conn.backup(backup)
    finally:
        backup.close()
    return backup_path


def migrate(db: sqlite_utils.Database, path: Optional[Path],
            migrations: Sequence[Migration] = MIGRATIONS) -> Optional[Path]:
    """Bring the database to the last version of ``migrations``, in one transaction.

    Parameters
    ----------
    db : sqlite_utils.Database
    path : pathlib.Path or None
        The file, for the backup; ``None`` for an in-memory database.
    migrations : sequence of (int, callable)

    Returns
    -------
    pathlib.Path or None
        The backup made first, when the file held an earlier version.
    """
    current = db.execute("PRAGMA user_version").fetchone()[0]
    wanted = target_version(migrations)
    if current == wanted:
        return None
    backup_path = _backup(db, path, current) if current > 0 and path is not None else None
    now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        for version, step in sorted(migrations, key=lambda m: m[0]):
            if version > current:
                step(db)
        db.execute(f"PRAGMA user_version = {wanted}")
        db.execute(f"PRAGMA application_id = {APP_ID}")
        upsert = "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        if current == 0:
            db.execute(upsert, ["created_utc", now])
        db.execute(upsert, ["schema_version", str(wanted)])
    return backup_path
