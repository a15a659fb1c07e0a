"""The analysis of one story, `analyze(story) -> StoryAnalysis` (analyze.py), and its
stages by capability: alignment, claims, facts, reuse."""
