# The project's commands: see README.md. `make html` and `make test` work on a
# fresh machine: the virtualenv and pinned dependencies are installed on demand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
RUN := PYTHONPATH=plugins $(BIN)/python
CONTENT ?= content
# The preview (make html, make serve) and the published site (make publish) never
# share a folder: a preview after a publish leaves the published site as it was.
PREVIEW ?= preview
OUTPUT ?= output
PELICAN := $(BIN)/pelican $(CONTENT)
PORT ?= 8000
# SEARCH=1: the preview builds the search index too (make publish always does).
PREVIEW_SEARCH := $(if $(filter-out 0,$(SEARCH)),-e CAMPAIGN_SEARCH=true)

.PHONY: html serve edit editor check new publish test test-fast bench browser java lighthouse clean

html: check
	@$(RUN) -m campaign.commands.build -s pelicanconf.py --content "$(CONTENT)" --output "$(PREVIEW)" $(PREVIEW_SEARCH)

serve: $(STAMP)
	@$(RUN) -m campaign.commands.serve --port $(PORT) --content "$(CONTENT)" --output "$(PREVIEW)" $(PREVIEW_SEARCH)

# The web editor (Decap CMS) at http://127.0.0.1:$(PORT)/admin/, writing into
# $(CONTENT)/, beside the live preview. Its npm files are installed on first use.
EDITOR_PORT ?= 8081
EDITOR_STAMP := tools/editor/node_modules/.installed
edit: $(STAMP) $(EDITOR_STAMP)
	@$(RUN) -m campaign.commands.edit --port $(PORT) --backend-port $(EDITOR_PORT) --content "$(CONTENT)" --output "$(PREVIEW)"

editor: $(EDITOR_STAMP)

# Decap CMS and decap-server, pinned by tools/editor/package-lock.json.
$(EDITOR_STAMP): tools/editor/package-lock.json
	@command -v npm >/dev/null || { echo "npm introuvable : installez les paquets « nodejs » et « npm »." >&2; exit 1; }
	cd tools/editor && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

check: $(STAMP)
	@$(RUN) -m campaign.commands.check -s pelicanconf.py --path "$(CONTENT)"

# The title goes through the environment, exactly as typed: quotes, backticks and
# $ are never read by make or the shell.
new: export CAMPAIGN_NEW_KIND := $(value KIND)
new: export CAMPAIGN_NEW_TITLE := $(value TITLE)
new: export CAMPAIGN_NEW_TOPIC := $(value TOPIC)
new: $(STAMP)
	@$(RUN) -m campaign.commands.new "$$CAMPAIGN_NEW_KIND" "$$CAMPAIGN_NEW_TITLE" --topic "$$CAMPAIGN_NEW_TOPIC" --content "$(CONTENT)"

# One publish at a time; built beside the live site, which is switched in one step
# only on success (see plugins/campaign/commands/publish.py and docs/publier.md).
publish: check
	@$(RUN) -m campaign.commands.publish --content "$(CONTENT)" --output "$(OUTPUT)"

test: $(STAMP) browser java $(NODE_STAMP) $(EDITOR_STAMP)
	$(BIN)/python -m pytest

# The first two tiers (tests/unit/, tests/generators/): no site built, no browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "unit or generators"

# Lighthouse mobile scores and weights of a production build served on 127.0.0.1
# (a measurement for notes, not a test). Lighthouse has its own pinned folder so
# that `make test` never installs it.
LIGHTHOUSE_PAGES ?= / /vrai-du-faux/logements-sociaux-13e/ /arrondissements/13e/ /partager/
LIGHTHOUSE_PORT ?= 8731
LIGHTHOUSE_SITE := cache/lighthouse/site
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.installed
lighthouse: check browser $(LIGHTHOUSE_STAMP)
	rm -rf $(LIGHTHOUSE_SITE)
	SITEURL=http://127.0.0.1:$(LIGHTHOUSE_PORT) $(PELICAN) -s publishconf.py -o $(LIGHTHOUSE_SITE) --fatal warnings -q
	CHROME_PATH=$${CHROME_PATH:-$$(command -v chromium)} \
	  $(BIN)/python tools/lighthouse/measure.py $(LIGHTHOUSE_SITE) $(LIGHTHOUSE_PORT) $(LIGHTHOUSE_PAGES)

$(LIGHTHOUSE_STAMP): tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Generated corpus of CLAIMS claims, ours beside vanilla Pelican: see bench/README.md.
CLAIMS ?= 2000
bench: $(STAMP)
	$(BIN)/python bench/run.py --claims $(CLAIMS)

# Playwright cannot download its own browser here: use Debian's Chromium.
browser:
	@command -v chromium >/dev/null || $(BIN)/playwright install chromium 2>/dev/null \
	  || (apt-get update -qq && apt-get install -y -qq chromium) \
	  || { echo "Chromium introuvable : installez le paquet « chromium »." >&2; exit 1; }

# The browser tests' tools from npm, pinned by package-lock.json: axe-core (accessibility)
# and vnu-jar (the Nu HTML Checker). No install script: vnu.jar ships in the package.
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm introuvable : installez les paquets « nodejs » et « npm »." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The Nu HTML Checker runs on Java.
java:
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless) \
	  || { echo "Java introuvable : installez le paquet « default-jre-headless »." >&2; exit 1; }

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf $(PREVIEW) $(OUTPUT) $(OUTPUT).versions $(OUTPUT).new $(OUTPUT).old cache .pytest_cache
