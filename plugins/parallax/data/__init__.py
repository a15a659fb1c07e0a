"""data/ → Story: loading and checking the data folder, every error with its file and line."""
