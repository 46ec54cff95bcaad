# Dilemmes au travail : les commandes du README. La première crée .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe

export NO_MKDOCS_2_WARNING := 1

NPM_STAMP := node_modules/.installe

.PHONY: serve site check test new lint offline bench clean chromium poppler zbar java

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# --dirty : seules les pages changées sont reconstruites (PERFORMANCE.md, docs/performance.md).
serve: $(STAMP)  ## aperçu sur http://127.0.0.1:8000, rechargé à chaque changement
	DILEMMES_SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

site: $(STAMP)  ## le site statique dans site/ (strict : tout problème fait échouer)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)  ## valider les vignettes et les registres
	$(BIN)/python -m dilemmes check

# TITRE et THEMES passent tels quels par l'environnement ($(value …) : make ne développe
# pas un « $ » du titre, et le shell ne réinterprète ni guillemet ni apostrophe).
new: export DILEMMES_TITRE = $(value TITRE)
new: export DILEMMES_THEMES = $(value THEMES)
new: $(STAMP)  ## nouvelle vignette : make new TITRE="…" THEMES="theme-a theme-b"
	$(BIN)/python -m dilemmes new --titre "$$DILEMMES_TITRE" --themes "$$DILEMMES_THEMES"

test: $(STAMP) chromium poppler zbar java $(NPM_STAMP)  ## toute la suite de tests
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff et mypy
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

# Le site hors ligne se construit à part (dist/), sans toucher à site/ : des adresses de
# fichier (cas/x.html) au lieu de dossiers, la recherche incluse ; puis l'archive zip.
OFFLINE_NAME := dilemmes-au-travail
offline: $(STAMP)  ## une archive du site qui fonctionne ouverte depuis le disque
	DILEMMES_ADRESSES_DOSSIERS=false $(BIN)/mkdocs build --strict --clean \
		--site-dir dist/$(OFFLINE_NAME)
	rm -f dist/$(OFFLINE_NAME)-hors-ligne.zip
	cd dist && $(abspath $(BIN))/python -m zipfile -c $(OFFLINE_NAME)-hors-ligne.zip $(OFFLINE_NAME)
	@echo "Archive : dist/$(OFFLINE_NAME)-hors-ligne.zip (ouvrir $(OFFLINE_NAME)/index.html)"

# Corpus générés et résultats dans .bench/ (ignoré par git) ; voir docs/performance.md.
BENCH_TAILLES ?= 100,1000,5000
BENCH_ESSAIS ?= 3
bench: $(STAMP) chromium  ## le tableau des performances à plusieurs tailles de corpus
	$(BIN)/python -m dilemmes.bench --tailles $(BENCH_TAILLES) --essais $(BENCH_ESSAIS)

clean:
	rm -rf site dist .pytest_cache .mypy_cache .ruff_cache node_modules

# Les tests de navigateur pilotent le Chromium de Debian (jamais un navigateur téléchargé).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installation de Chromium (paquet Debian)…"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Les tests d'impression des trousses lisent le PDF avec pdfinfo et pdftotext.
poppler:
	@command -v pdfinfo >/dev/null 2>&1 || { \
		echo "Installation de poppler-utils (paquet Debian)…"; \
		apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }

# axe-core et le Nu HTML Checker (vnu.jar), épinglés dans package-lock.json. Sans les
# scripts d'installation : celui de vnu-jar irait chercher Java en ligne ; le jar est livré.
$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "Installation de npm (paquet Debian)…"; \
		apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

# Le Nu HTML Checker tourne sur Java (17 ou plus récent).
java:
	@command -v java >/dev/null 2>&1 || { \
		echo "Installation de Java (paquet Debian)…"; \
		apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }

# Les tests des fiches de cas imprimées lisent aussi le code QR (zbarimg).
zbar:
	@command -v zbarimg >/dev/null 2>&1 || { \
		echo "Installation de zbar-tools (paquet Debian)…"; \
		apt-get update -qq && apt-get install -y -qq zbar-tools >/dev/null; }
