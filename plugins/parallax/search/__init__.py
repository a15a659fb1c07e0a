"""Site search: which engine a site gets, and Pagefind's part of it (MkDocs-free)."""
