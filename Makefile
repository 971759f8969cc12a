# Two entry points a new machine needs (see README): `make demo` and `make test`.
# Both create .venv, install the CPU build of PyTorch (constraints.txt) and trialbot.
PYTHON ?= python3
# Where the pinned torch comes from, besides pip's own indexes: PyTorch's CPU wheels. On the
# public index alone `torch==2.13.0` is the CUDA build (gigabytes of nvidia-* wheels); the CPU
# index offers 2.13.0+cpu, which the pin admits and pip prefers. An *extra* index, for the torch
# step only: a pip already pointed at CPU wheels keeps its own indexes. It is left out when its
# host does not resolve (a closed network), so pip does not retry it for every package.
# `make TORCH_INDEX_URL= install` leaves it out.
TORCH_INDEX_URL ?= https://download.pytorch.org/whl/cpu
TORCH_INDEX_HOST = $(word 2,$(subst /, ,$(TORCH_INDEX_URL)))
TORCH_INDEX_REACHABLE = $(if $(TORCH_INDEX_URL),$(shell $(PYTHON) -c "import socket; socket.getaddrinfo('$(TORCH_INDEX_HOST)', 443)" >/dev/null 2>&1 && echo yes))
VENV := .venv
BIN := $(VENV)/bin
DEMO_INDEX := .trialbot/demo-index
# The test suite's processes (pytest-xdist): two, as CI's two cores; each loads the embedding
# model (about 1-2 GB), so more only on a machine with the cores and memory for them.
TEST_WORKERS ?= 2

.PHONY: install demo test lint golden-all

$(BIN)/trialbot: pyproject.toml constraints.txt
	@echo "Installing PyTorch (CPU build) and trialbot into $(VENV), once: about 1-2 minutes..." >&2
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build: a bare `torch` would pull gigabytes of CUDA wheels
	$(BIN)/pip install --quiet -c constraints.txt \
		$(if $(TORCH_INDEX_REACHABLE),--extra-index-url $(TORCH_INDEX_URL)) torch==2.13.0
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
	$(BIN)/mypy bot index
	# the layer contracts of pyproject.toml [tool.importlinter] (README, "How it works")
	$(BIN)/lint-imports
	$(BIN)/pytest -q -n $(TEST_WORKERS)

# every development part of the blind corpus against its bounds (the suite checks the three
# oldest and the twelve newest; tests/test_golden.py)
golden-all: install
	TRIALBOT_ALL_BLIND_PARTS=1 $(BIN)/pytest -q -n $(TEST_WORKERS) tests/test_golden.py -k blind_development
