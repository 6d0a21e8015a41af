"""Weather: file readers, the weather convention, quality checks, the synthetic year and a park's weather."""
