"""Site survey: location, roof layout, horizon, the instant estimate and survey packages."""
