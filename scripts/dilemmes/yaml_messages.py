"""French messages for libyaml's syntax errors, with the line a researcher must look at."""

from __future__ import annotations

import yaml


def describe_yaml_error(error: yaml.YAMLError, lines: list[str]) -> tuple[int, str]:
    """The line (1-based) and a French message for a YAML syntax error."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""

    if "quoted scalar" in context and context_mark is not None:
        opened = context_mark.line + 1
        return opened, (
            f"guillemet ouvert à la ligne {opened} et jamais fermé ; fermez-le, ou "
            "utilisez un bloc « | » pour un texte sur plusieurs lignes"
        )
    if "cannot start any token" in problem and "\t" in source_line:
        return line, (
            "tabulation dans l'indentation ; YAML n'accepte que des espaces : "
            "remplacez chaque tabulation par deux espaces"
        )
    if "mapping values are not allowed" in problem:
        return line, (
            "« : » suivi d'une espace dans un texte non cité (par exemple « Remarque : … ») ; "
            "mettez la valeur entre guillemets ou utilisez un bloc « | » sur la ligne suivante"
        )
    if "cannot start any token" in problem:
        char = (
            source_line[mark.column] if mark is not None and mark.column < len(source_line) else "?"
        )
        return line, (
            f"le caractère « {char} » ne peut pas commencer une valeur YAML ; "
            "mettez la valeur entre guillemets"
        )
    if "could not find expected ':'" in problem or "could not find expected" in problem:
        return line, (
            "une clé doit être suivie de « : » ; vérifiez cette ligne (ou mettez le texte "
            "entre guillemets s'il s'agit d'une valeur)"
        )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return line, (
            "indentation inattendue ; alignez cette ligne sur les autres clés du même niveau "
            "(avec des espaces)"
        )
    if "did not find expected node content" in problem or "flow" in context:
        return line, (
            "liste ou objet entre crochets non fermé ; fermez le « [ » ou le « { » ouvert "
            "plus haut, ou mettez le texte entre guillemets"
        )
    if "found undefined alias" in problem or "alias" in problem:
        return line, "alias YAML (*) interdit : écrivez le texte en entier"
    if "expected alphabetic or numeric character" in problem:
        return line, ("« & » ou « * » en début de valeur ; mettez la valeur entre guillemets")
    return line, f"syntaxe YAML invalide ({problem or error}) ; vérifiez cette ligne"
