"""Language tools shared by the analysis: sentence meaning (a static embedding model shipped in
the package) and the tokenizer it needs. Plain Python and numpy; nothing is downloaded."""
