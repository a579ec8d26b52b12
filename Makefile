# The project's commands: see README.md. `make html` and `make test` work on a
# fresh machine: the virtualenv and pinned dependencies are installed on demand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
RUN := PYTHONPATH=plugins $(BIN)/python
CONTENT ?= content
OUTPUT ?= output
PELICAN := $(BIN)/pelican $(CONTENT)
PORT ?= 8000

.PHONY: html serve edit editor check new publish test bench browser java lighthouse clean

html: check
	$(PELICAN) -s pelicanconf.py -o $(OUTPUT)

serve: $(STAMP)
	@$(RUN) -m campaign.commands.serve --port $(PORT) --content $(CONTENT) --output $(OUTPUT)

# The web editor (Decap CMS) at http://127.0.0.1:$(PORT)/admin/, writing into
# $(CONTENT)/, beside the live preview. Its npm files are installed on first use.
EDITOR_PORT ?= 8081
EDITOR_STAMP := tools/editor/node_modules/.installed
edit: $(STAMP) $(EDITOR_STAMP)
	@$(RUN) -m campaign.commands.edit --port $(PORT) --backend-port $(EDITOR_PORT) --content $(CONTENT) --output $(OUTPUT)

editor: $(EDITOR_STAMP)

# Decap CMS and decap-server, pinned by tools/editor/package-lock.json.
$(EDITOR_STAMP): tools/editor/package-lock.json
	@command -v npm >/dev/null || { echo "npm introuvable : installez les paquets « nodejs » et « npm »." >&2; exit 1; }
	cd tools/editor && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

check: $(STAMP)
	@$(RUN) -m campaign.commands.check -s pelicanconf.py --path $(CONTENT)

new: $(STAMP)
	@$(RUN) -m campaign.commands.new "$(KIND)" "$(TITLE)" --topic "$(TOPIC)"

# Build beside the live output and swap only on success: a failed publish leaves
# the previous output/ exactly as it was.
publish: check
	rm -rf $(OUTPUT).new
	$(PELICAN) -s publishconf.py -o $(OUTPUT).new --fatal warnings \
	  || { rm -rf $(OUTPUT).new; echo "Publication annulée : $(OUTPUT)/ n'a pas été modifié." >&2; exit 1; }
	rm -rf $(OUTPUT).old
	if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(OUTPUT).old; fi
	mv $(OUTPUT).new $(OUTPUT)
	rm -rf $(OUTPUT).old

test: $(STAMP) browser java $(NODE_STAMP) $(EDITOR_STAMP)
	$(BIN)/python -m pytest

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
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old cache .pytest_cache
