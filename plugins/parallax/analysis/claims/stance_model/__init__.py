"""The trained stance model: features of a (claim, article) pair, weights, calibration."""
