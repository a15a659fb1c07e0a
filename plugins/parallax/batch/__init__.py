"""Analysing many stories: the analysis cache on disk (cache.py), where the analyses run — in
this process, a process pool or on Dask (executor.py) — progress with time left (progress.py),
and the loop that ties them together for the plugin and the command line (analyse_many.py).
Nothing here changes what `analysis.analyze` returns, only when and where it runs."""
