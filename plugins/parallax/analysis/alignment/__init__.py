"""Sentences side by side: pairwise alignment with moves, word diffs, the N-way synopsis."""
