"""Studies: long-term yield with exceedance probabilities, and short-term forecasts."""
