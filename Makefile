# Convene: `make up` runs the whole platform; `make test` runs everything CI runs.
SHELL := /bin/bash
# The project's own Node 24 (npm package `node`) and tools come first on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)
NATS_URL ?= nats://127.0.0.1:4222
export NATS_URL

.PHONY: up compose-conf down test typecheck lint unit chart-test deps bench clean service t

deps: node_modules/.installed

# `npm install` honours the lockfile; `npm ci` refuses it because npm leaves other platforms'
# optional packages (deno's) out of the lock.
# A git worktree that links another checkout's node_modules (a symlink) never installs into it:
# its lockfile may be older, and two installs at once corrupt the tree. flock serialises makes.
node_modules/.installed: package.json package-lock.json
	@if [ -L node_modules ]; then echo "node_modules is linked from another checkout: not installing"; touch $@; \
	else flock .npm-install.lock npm install --no-audit --no-fund && touch $@; fi

# Local secrets (signing keys, NATS nkey seeds) are made once into ./.data/secrets.env, never constants.
up: deps
	@node deploy/local/secrets.ts .data/secrets.env
	@deploy/local/ensure-nats.sh start
	@echo "starting every service in one process (embedded PGlite under ./.data; set DATABASE_URL for Postgres)"
	@echo "  web app  http://127.0.0.1:$${HTTP_PORT:-8080}/   API /v1   reference /docs"
	@echo "  ops      http://127.0.0.1:$${OPS_PORT:-9090}/healthz  /readyz  /metrics  (never the public port)"
	set -a && . ./.data/secrets.env && set +a && OPS_PORT=$${OPS_PORT:-9090} exec node services/main.ts

# deploy/compose.yaml's NATS configuration and secrets: nkey users with their permissions.
compose-conf: deps
	@node deploy/local/secrets.ts .data/secrets.env
	@mkdir -p .data/compose
	@node deploy/nats-conf.ts .data/secrets.env .data/compose/nats.conf 0.0.0.0 4222 /data

down:
	@if [ -f .data/nats.pid ]; then kill "$$(cat .data/nats.pid)" 2>/dev/null || true; rm -f .data/nats.pid; echo "stopped nats-server"; fi
	@pkill -f "node services/main.ts" 2>/dev/null || true

test: deps
	@deploy/local/ensure-nats.sh
	@deploy/local/ensure-postgres.sh
	@deploy/local/ensure-chromium.sh
	npm run typecheck
	@$(MAKE) --no-print-directory lint
	npm test

typecheck: deps
	npm run typecheck

# Deno's linter and formatter, configured in deno.json (recommended rules but require-await;
# lineWidth 160). `deno fmt` formats; the check covers deno.json's fmt.include.
lint: deps
	deno lint
	deno fmt --check

# Some test files alone, with the same root hooks (one NATS, one database): make t F='services/kit/test/timers.test.ts'
# (mocha appends positional files to .mocharc's spec, so `npx mocha file` would run everything).
t: deps
	@deploy/local/ensure-nats.sh
	@deploy/local/ensure-postgres.sh
	mocha --no-config --extension ts --timeout 30000 --exit --require test/support/hooks.ts --reporter test/support/reporter.cjs $(F)

# The unit tests alone (the rules of use cases on a fake clock): no root hooks, so neither NATS nor
# Postgres is started or reachable — a unit test that needs either fails here. make test runs them too.
UNIT := 'services/*/*.test.ts' 'services/*/usecases/*.test.ts' 'services/*/channels/*.test.ts' 'services/*/providers/*.test.ts'
unit: deps
	mocha --no-config --extension ts --timeout 10000 --exit --reporter test/support/reporter.cjs $(UNIT)

# The chart checks alone (make test runs them too): helm lint/template, Kubernetes schemas, alerts, dashboards.
chart-test: deps
	mocha --no-config --extension ts --timeout 180000 --reporter test/support/reporter.cjs 'helm/test/**/*.test.ts'

# A new service in the house shape: make service NAME=reviews (see docs/adding-a-service.md).
service: deps
	@test -n "$(NAME)" || { echo "usage: make service NAME=<kebab-case-name>"; exit 2; }
	node deploy/scaffold.ts $(NAME)

bench: deps
	@for b in bench/*.ts; do echo "== $$b"; node "$$b"; done

clean:
	rm -rf .data .cache
