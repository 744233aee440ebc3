# Every target installs what it needs first, so a fresh clone needs nothing else.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Lambda runs python3.12; use it when this machine has it (also under pyenv), else 3.11.
PYTHON ?= $(shell for p in python3.12 $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null) python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
LOCK_PYTHON ?= $(shell command -v python3.11 || ls -d $$HOME/.pyenv/versions/3.11*/bin/python3.11 2>/dev/null | head -1)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CDK_STAMP := node_modules/.installed
SDK_STAMP := sdk/typescript/node_modules/.installed

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CDK_DISABLE_CLI_TELEMETRY := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help dev test synth bench docs examples sdk lint format lock clean

help:  ## this list
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c requirements.lock -e '.[infra,local,dev]'
	@touch $@

$(CDK_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(SDK_STAMP): sdk/typescript/package.json sdk/typescript/package-lock.json
	cd sdk/typescript && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

dev: $(STAMP)  ## install, then run the whole platform locally with a demo tenant
	$(BIN)/python -m infra.local

test: $(STAMP) $(SDK_STAMP)  ## install, then run every test (unit, integration, infra, e2e)
	$(BIN)/python -m pytest tests -n auto --durations=20

synth: $(STAMP) $(CDK_STAMP)  ## synthesize the CDK app offline into cdk.out (cdk-nag checks included)
	PATH="$(CURDIR)/$(BIN):$$PATH" npx cdk synth -q --no-notices

bench: $(STAMP)  ## cold-start ratios and AWS requests per use case
	$(BIN)/python -m bench

docs: $(STAMP)  ## regenerate the event catalogue and workflow diagrams from the code
	$(BIN)/python -m infra.catalogue

examples: $(STAMP)  ## record the document's missing or outdated answer examples from a tenant's life (ALL=1: every one)
	POWERTOOLS_LOG_LEVEL=WARNING $(BIN)/python -m tests.integration.platform.record_examples $(if $(ALL),--all)

sdk: $(STAMP) $(SDK_STAMP) examples  ## regenerate sdk/openapi.json and the Python and TypeScript clients from the code
	$(BIN)/python sdk/generate.py

lint: $(STAMP)  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:  ## re-pin every transitive dependency after changing pyproject.toml (resolved on 3.11, the oldest supported)
	rm -rf /tmp/panacea-lock && $(LOCK_PYTHON) -m venv /tmp/panacea-lock
	/tmp/panacea-lock/bin/pip install -q '.[infra,local,dev]'
	/tmp/panacea-lock/bin/pip freeze --exclude panacea > requirements.lock

clean:
	rm -rf $(VENV) node_modules sdk/typescript/node_modules sdk/typescript/dist cdk.out .local
