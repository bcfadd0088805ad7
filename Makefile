# Mijnbouwschade Groningen — QGIS plugin and domain model.
# `make demo` and `make test` work on a fresh Debian 12 or 13 machine: `setup` installs what is
# missing (QGIS 3.40 LTR and the other Debian packages, then a .venv for the test tools only).

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
SYS_PYTHON  := /usr/bin/python3
VERSION     := $(shell sed -n 's/^version=//p' metadata.txt)
PACKAGE_ZIP := build/img_qgis_plugin-$(VERSION).zip
SETUP_STAMP := $(VENV)/.setup-done
VENDOR_STAMP := vendor/.pins
PYTEST      := $(PY) -m pytest
TS_FILES    := $(wildcard resources/i18n/*.ts)
QM_FILES    := $(TS_FILES:.ts=.qm)

export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup vendor demo test test-unit test-integration test-qgis test-e2e lint format \
	package deploy bench translations translations-update clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

setup: $(SETUP_STAMP) $(VENDOR_STAMP) ## install missing Debian packages (QGIS 3.40), the .venv and vendor/

$(SETUP_STAMP): pyproject.toml tools/setup_debian.sh
	bash tools/setup_debian.sh
	@[ -x $(PY) ] || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	@$(PY) -c "import qgis.core" 2>/dev/null || { \
		echo "FOUT: 'import qgis.core' werkt niet in $(VENV). Installeer python3-qgis (Debian) en" \
		     "maak $(VENV) opnieuw met '$(SYS_PYTHON) -m venv --system-site-packages' (make clean setup)."; \
		exit 1; }
	$(PY) -m pip install -q --upgrade pip
	@# the .venv adds test tools only; numpy, pyproj, scipy, shapely and psycopg2 come from the
	@# system Python that QGIS runs, the pure-Python packages from vendor/ as in the plugin zip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

vendor: $(VENDOR_STAMP) ## fetch the pure-Python packages the zip bundles (pinned in pyproject.toml)

$(VENDOR_STAMP): pyproject.toml tools/vendor.py | $(SETUP_STAMP)
	$(PY) tools/vendor.py

translations: setup $(QM_FILES) ## build the .qm translations from resources/i18n/*.ts

resources/i18n/%.qm: resources/i18n/%.ts
	lrelease -silent $< -qm $@

translations-update: ## refresh the .ts from the .py and .ui sources (then translate what is new)
	pylupdate5 -noobsolete $$(find img_qgis_plugin -name '*.py' | sort) ui/*.ui $(foreach ts,$(TS_FILES),-ts $(ts))

lint: setup ## ruff (lint + format check), flake8-qgis and the Qt 6 check
	$(PY) -m ruff check domain img_qgis_plugin tests tools
	$(PY) -m ruff format --check domain img_qgis_plugin tests tools
	# QGS202 is experimental and flags unrelated setValue() calls
	$(PY) -m flake8 --select=QGS --extend-ignore=QGS202 img_qgis_plugin
	$(PY) tools/qt6_check.py img_qgis_plugin tests tools

format: setup ## apply ruff's formatting and safe fixes
	$(PY) -m ruff check --fix domain img_qgis_plugin tests tools
	$(PY) -m ruff format domain img_qgis_plugin tests tools

# two test processes (pytest-xdist), each test file whole in one of them (its module fixtures
# are built once); the domain tests load no QGIS
PYTEST_DOMAIN := $(PYTEST) -p no:pytest_qgis -p no:pytestqt -n 2 --dist loadfile

test-unit: setup translations ## domain tests: no QGIS, no database server (about a minute)
	$(PYTEST_DOMAIN) -m "not postgis" tests/unit

test-integration: setup translations ## a real PostgreSQL/PostGIS server, kill -9, busy stores
	$(PYTEST_DOMAIN) tests/integration
	@# the PostGIS half of the store tests in tests/unit (marked postgis)
	$(PYTEST_DOMAIN) -m postgis tests/unit

test-qgis: setup translations ## QGIS adapter tests, offscreen
	QT_QPA_PLATFORM=offscreen $(PYTEST) tests/qgis

test-e2e: setup package ## the real QGIS desktop under a virtual display
	$(PYTEST) -p no:pytest_qgis -p no:pytestqt tests/e2e

test: lint test-unit test-integration test-qgis test-e2e ## everything CI runs

package: setup translations ## build/img_qgis_plugin-<version>.zip for "Install from ZIP"
	$(PY) tools/package.py --out $(PACKAGE_ZIP)

deploy: package ## install the zip into the default QGIS profile of this user
	$(PY) tools/package.py --deploy $(PACKAGE_ZIP)

DEMO_OBJECTS ?= 20000
demo: package ## open QGIS with the plugin on the demo store (headless: screenshot and exit)
	mkdir -p build/demo
	$(PY) -m domain demo --out build/demo/demo.gpkg --objects $(DEMO_OBJECTS) --seed 7 --json \
		> build/demo/summary.json.tmp && mv build/demo/summary.json.tmp build/demo/summary.json
	$(PY) tools/qgis_desktop.py --zip $(PACKAGE_ZIP) --profile build/demo/profile \
		--code tools/demo_startup.py --out build/demo \
		--env IMG_DEMO_SUMMARY=$(CURDIR)/build/demo/summary.json

bench: setup ## benchmarks → build/bench/results.json and results.md
	$(PY) -m tests.bench.run_all --out build/bench

clean: ## remove build output and the .venv
	rm -rf build $(VENV) vendor *.egg-info $(QM_FILES)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
