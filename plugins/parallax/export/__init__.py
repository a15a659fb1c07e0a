"""StoryAnalysis → open data: the JSON document and CSV tables (schema documented, versioned)."""
