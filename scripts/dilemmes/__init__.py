"""Dilemmes au travail : des vignettes YAML anonymisées deviennent un site MkDocs.

Les étapes, une par module : ``load`` (YAML strict vers des nœuds situés) → ``validate``
(règles de ``fields`` et renvois croisés vers des problèmes) → ``model`` (le corpus et ses
index) → ``render`` (gabarits Jinja2 vers du Markdown) → ``pages`` (corpus vers
``{adresse: markdown}``). ``plugin`` (MkDocs) et ``cli`` sont de minces adaptateurs.
"""
