"""Who copied whom: shared passages, reuse labels, credits, lineage."""
