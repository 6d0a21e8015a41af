"""Site survey: location, roof layout, horizon, the instant estimate and survey packages.

Modules
-------
:mod:`~solarfleet.models.survey.site`
    What a surveyor records: ``KeepOut``, ``RoofSurvey``, ``SiteSurvey``, and ``survey_to_park`` /
    ``roof_to_fleet_roof`` that turn them into the fleet model.
:mod:`~solarfleet.models.survey.layout`
    Automatic module layout: module sizes, solstice row spacing, ``layout_roof`` with its ``Layout``
    and ``LoadCheck``, and ``string_plan``.
:mod:`~solarfleet.models.survey.geometry`
    Plane geometry of roof outlines: area, setback inset, bands and rectangles inside a polygon.
:mod:`~solarfleet.models.survey.horizon`
    Horizon profiles for far shading: typed tables, PVGIS horizon files, nearby obstacles.
:mod:`~solarfleet.models.survey.geo`
    Where a site is, offline: coordinates as typed, time zone, altitude.
:mod:`~solarfleet.models.survey.estimate`
    The instant yield estimate of a surveyed site.
:mod:`~solarfleet.models.survey.layout_svg`
    A layout drawn as SVG text.
:mod:`~solarfleet.models.survey.package`
    Survey packages: surveyed parks carried from the roof to the office database.

The survey's field errors are :class:`~solarfleet.models.validation.SurveyValueError`.
"""
