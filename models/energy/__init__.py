"""Energy: consumption (measured and synthetic), balance, tariffs, batteries and carbon."""
