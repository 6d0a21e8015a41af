"""The SQLite store: the schema and every query, through sqlite-utils.

One file holds a fleet and everything computed from it. :func:`open_store` returns a :class:`Store` (one
connection, for the thread that opened it); every query is a function of one table family that takes the
store first — ``load_fleet(store)``, ``add_weather(store, park, data, …)`` — and is re-exported here:

- :mod:`~solarfleet.models.store.connection` — opening, read-only opening, errors, the meta table;
- :mod:`~solarfleet.models.store.migrations` — the schema as one ordered list of migrations;
- :mod:`~solarfleet.models.store.fleet` — parks, roofs and arrays;
- :mod:`~solarfleet.models.store.runs` (with :mod:`~solarfleet.models.store.run_rows`) — simulation runs;
- :mod:`~solarfleet.models.store.consumption` — meters, synthetic loads, tariffs, batteries, carbon choice;
- :mod:`~solarfleet.models.store.weather` — weather sets and the PVGIS cache;
- :mod:`~solarfleet.models.store.climate` — climate packs (regional monthly climatologies for offline work);
- :mod:`~solarfleet.models.store.live` — live devices, readings and alarms;
- :mod:`~solarfleet.models.store.live_details` — detail quantities of live devices (AC, DC per MPPT, …);
- :mod:`~solarfleet.models.store.live_detail_rollups` — their retention and hourly roll-ups;
- :mod:`~solarfleet.models.store.surveys` — site surveys and photos;
- :mod:`~solarfleet.models.store.studies` — yield studies, forecasts, measured AC;
- :mod:`~solarfleet.models.store.carbon` — green certificates, green-power contracts, carbon targets,
  user-added emission factors;
- :mod:`~solarfleet.models.store.lock` — one writer per database file;
- :mod:`~solarfleet.models.store.equipment` — the equipment library (modules and inverters not in the CEC databases).

Every logical write (a park with its roofs and arrays, a whole import, a run) is one transaction: it
lands whole or not at all.
"""
from solarfleet.models.store.connection import (
    NotASolarFleetFile,
    ReadOnlyOpenError,
    SchemaTooNewError,
    Store,
    StoreError,
    get_meta,
    json_safe,
    open_store,
    open_store_read_only,
    write_blocker,
    set_meta,
    to_ms,
    utc_now,
)
from solarfleet.models.store.equipment import (
    EquipmentExistsError,
    add_equipment,
    delete_equipment,
    load_equipment,
    merge_equipment,
)
from solarfleet.models.store.carbon import (
    add_user_factor,
    add_user_factors,
    carbon_targets,
    certificate_records,
    delete_user_factor,
    factor_table,
    get_carbon_target,
    green_contracts,
    set_carbon_target,
    set_certificates,
    set_green_contract,
    user_factors,
)
from solarfleet.models.store.climate import (
    CLIMATE_QUANTITIES,
    ClimatePackError,
    add_climate_pack,
    climate_cells_near,
    delete_climate_pack,
    list_climate_packs,
    load_climate_pack,
)
from solarfleet.models.store.consumption import (
    LOAD_KINDS,
    add_load_series,
    delete_load_series,
    get_battery,
    get_carbon_choice,
    get_synthetic_load,
    get_synthetic_load_params,
    get_tariff,
    list_load_series,
    load_series,
    park_consumption,
    set_battery,
    set_carbon_choice,
    set_synthetic_load,
    set_synthetic_load_params,
    set_tariff,
)
from solarfleet.models.store.fleet import (
    ON_CONFLICT,
    ParkExistsError,
    add_park,
    delete_park,
    find_park_id,
    import_fleet,
    insert_park,
    is_empty,
    load_fleet,
    load_park,
    park_names,
    park_position,
    park_updates,
    rename_park,
    replace_park,
    require_park_id,
    touch,
    write_park,
)
from solarfleet.models.store.live import (
    LIVE_VALUE_COLUMNS,
    add_live_alarm,
    add_live_readings,
    close_live_alarm,
    delete_live_device,
    live_alarms,
    live_devices,
    live_history,
    live_history_binned,
    live_reading_count,
    save_live_device,
)
from solarfleet.models.store.live import (  # retention and roll-ups (issue 23)
    DEFAULT_RETENTION_DAYS,
    LIVE_SPANS,
    live_maintenance,
    live_retention_days,
    live_site_chart,
    live_stats,
    prune_live,
    roll_up_live,
    set_live_retention_days,
)
from solarfleet.models.store.live_details import (  # detail quantities of live devices
    add_live_details,
    live_detail_frame,
    live_details,
)
from solarfleet.models.store.live_detail_rollups import (  # their retention and hourly roll-ups
    live_detail_chart,
    live_detail_hourly,
    live_detail_maintenance,
    live_detail_retention_days,
    prune_live_details,
    roll_up_live_details,
    set_live_detail_retention_days,
)
from solarfleet.models.store.lock import DatabaseLocked, WriterLock
from solarfleet.models.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from solarfleet.models.store.runs import (
    NoRunError,
    delete_run,
    latest_park_ac,
    latest_run_id,
    list_runs,
    load_run,
    load_run_ac,
    run_arrays,
    run_energy,
    run_array_monthly,
    run_parks,
    save_run,
)
from solarfleet.models.store.provenance import MEASURED_PROVENANCES, PROVENANCES, check_provenance
from solarfleet.models.store.report_project import (
    REPORT_PROJECT_FIELDS,
    get_report_project,
    set_report_project,
)
from solarfleet.models.store.studies import (
    add_measured_ac,
    list_forecasts,
    list_yield_studies,
    load_forecast,
    load_yield_study,
    measured_ac,
    save_forecast,
    save_yield_study,
)
from solarfleet.models.store.surveys import (
    PHOTO_MEDIA_TYPES,
    SurveyConflictError,
    add_survey_photo,
    delete_survey,
    import_surveyed_parks,
    list_survey_photos,
    load_survey,
    load_survey_photo,
    save_survey,
    save_surveyed_park,
    survey_conflicts,
    surveyed_park_names,
)
from solarfleet.models.store.weather import (
    REAL_YEAR_KINDS,
    WeatherStoreError,
    add_weather,
    default_weather,
    delete_weather,
    list_weather,
    load_weather,
    pvgis_cache_get,
    pvgis_cache_put,
    set_default_weather,
    weather_info,
)

__all__ = ["StoreError", "SchemaTooNewError", "NotASolarFleetFile", "ReadOnlyOpenError", "Store", "open_store",
           "open_store_read_only", "write_blocker", "get_meta", "set_meta", "utc_now", "to_ms", "json_safe", "SCHEMA_VERSION",
           "MIGRATIONS", "Migration", "ParkExistsError", "park_names", "park_updates", "is_empty", "load_fleet",
           "load_park", "add_park", "delete_park", "rename_park", "import_fleet", "find_park_id", "require_park_id",
           "touch", "write_park", "replace_park", "insert_park", "park_position", "ON_CONFLICT", "NoRunError",
           "latest_park_ac", "save_run", "list_runs", "load_run", "latest_run_id", "delete_run", "run_parks",
           "run_arrays", "load_run_ac", "run_energy", "run_array_monthly", "add_load_series", "list_load_series", "load_series",
           "delete_load_series", "park_consumption", "set_synthetic_load_params", "get_synthetic_load_params",
           "set_synthetic_load", "get_synthetic_load",
           "set_tariff", "get_tariff", "set_battery", "get_battery", "set_carbon_choice", "get_carbon_choice",
           "LOAD_KINDS", "REAL_YEAR_KINDS", "WeatherStoreError", "add_weather", "list_weather", "weather_info", "load_weather",
           "delete_weather", "set_default_weather", "default_weather", "pvgis_cache_get", "pvgis_cache_put",
           "add_live_readings", "live_reading_count", "live_history", "save_live_device", "live_devices",
           "delete_live_device", "add_live_alarm", "close_live_alarm", "live_alarms", "live_history_binned",
           "LIVE_VALUE_COLUMNS", "SurveyConflictError", "save_survey", "load_survey", "surveyed_park_names",
           "add_survey_photo", "list_survey_photos", "load_survey_photo", "save_surveyed_park", "delete_survey",
           "survey_conflicts", "import_surveyed_parks", "PHOTO_MEDIA_TYPES", "save_yield_study",
           "list_yield_studies", "load_yield_study", "save_forecast", "list_forecasts", "load_forecast",
           "add_measured_ac", "measured_ac", "DatabaseLocked", "WriterLock",
           # carbon ledger
           "set_certificates", "certificate_records", "set_green_contract", "green_contracts", "set_carbon_target",
           "get_carbon_target", "carbon_targets", "add_user_factor", "add_user_factors", "delete_user_factor",
           "user_factors",
           "factor_table",
           # climate packs
           "ClimatePackError", "CLIMATE_QUANTITIES", "add_climate_pack", "list_climate_packs", "load_climate_pack",
           "delete_climate_pack", "climate_cells_near",
           # live storage: retention and roll-ups
           "DEFAULT_RETENTION_DAYS", "LIVE_SPANS", "live_maintenance", "live_retention_days", "live_site_chart",
           "live_stats", "prune_live", "roll_up_live", "set_live_retention_days",
           # detail quantities of live devices
           "add_live_details", "live_details", "live_detail_frame", "prune_live_details",
           "roll_up_live_details", "live_detail_maintenance", "live_detail_hourly", "live_detail_chart",
           "live_detail_retention_days", "set_live_detail_retention_days",
           # report project fields
           "REPORT_PROJECT_FIELDS", "get_report_project", "set_report_project",
           # where a series comes from
           "PROVENANCES", "MEASURED_PROVENANCES", "check_provenance",
           # equipment library
           "EquipmentExistsError", "add_equipment", "load_equipment", "delete_equipment", "merge_equipment",
]
