# Two entry points a new machine needs (see README): `make demo` and `make test`.
# Both create .venv, install the CPU build of PyTorch (constraints.txt) and trialbot.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_INDEX := .trialbot/demo-index

.PHONY: install demo test lint

$(BIN)/trialbot: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build: a bare `torch` would pull gigabytes of CUDA wheels
	$(BIN)/pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(BIN)/trialbot

demo: install
	$(BIN)/trialbot ingest --index-dir $(DEMO_INDEX) samples/articles
	$(BIN)/trialbot ask --index-dir $(DEMO_INDEX) \
		"What was the ORR with I-DXd in second line?" \
		"What was median OS with lurbinectedin plus atezolizumab in IMforte?" \
		"What was the ORR with sotorasib in CodeBreaK 200?"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q
