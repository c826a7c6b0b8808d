# The two commands of the README. Each installs what it needs first; a second run reuses it all.
.PHONY: test dev check deps temporal-cli bench clean

NPM_STAMP := node_modules/.release-gate-installed

deps: $(NPM_STAMP) temporal-cli

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Finds the Temporal CLI, or builds it once into ~/.cache/release-gate (minutes the first time).
temporal-cli:
	@scripts/temporal-cli.sh >/dev/null

## make test: type-check, lint, then every test against a real Temporal dev server and PostgreSQL.
test: deps
	npx tsc --noEmit
	npx eslint .
	npx vitest run

## make dev: Temporal dev server (web UI :8233), PostgreSQL, the worker. Ctrl-C stops everything.
dev: deps
	LOG_FORMAT=$${LOG_FORMAT:-pretty} node bin/release-gate.js dev

bench: deps
	npm run bench

clean:
	rm -rf .data node_modules
