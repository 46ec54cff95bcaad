"""``make bench``: synthetic corpora at several sizes, timed against plain MkDocs.

``corpus`` writes a bench project (the repository's site, registries and vignettes, plus
generated ones) outside the repository's content; ``measure`` times our own work, the full
build and the plain-Markdown baseline; ``preview`` times ``make serve`` after a save;
``report`` prints the table. ``python -m dilemmes.bench`` runs it all.
"""
