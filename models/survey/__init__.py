"""Site survey: location, roof layout, horizon, the instant estimate and survey packages.

Modules
-------
:mod:`~solarfleet.models.survey.site`
    What a surveyor records: :class:`KeepOut`, :class:`RoofSurvey`, :class:`SiteSurvey`, and
    :func:`survey_to_park` / :func:`roof_to_fleet_roof` that turn them into the fleet model.
:mod:`~solarfleet.models.survey.layout`
    Automatic module layout: module sizes, solstice row spacing, :func:`layout_roof` with its
    :class:`Layout` and :class:`LoadCheck`, and :func:`string_plan`.
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
