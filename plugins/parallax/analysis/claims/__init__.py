"""The claim matrix: stances (a trained, calibrated model), suggested claims, their text."""
