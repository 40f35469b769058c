#!/usr/bin/env bash
# The whole build with every test, under a virtual display: what CI runs.
# Installs the Debian packages the tests need when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh test
# a clean build: MWE2 regenerates the parser, every test bundle runs, the product is materialized
xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B -ntp clean verify "$@"
# then the launchers of that product, as the README runs them
scripts/smoke-launchers.sh
