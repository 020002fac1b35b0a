#!/usr/bin/env bash
# The crash test: concurrent clients submit callback requests while server-stub is killed with
# SIGKILL at random moments and restarted, ten times; then every request that got a 201 must be in
# the database exactly once and PRAGMA integrity_check must be ok. Prints the acknowledged, stored
# and lost counts. Takes about ten seconds once built.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '\033[1;34m[crash-test]\033[0m %s\n' "kill -9 while submitting, 10 rounds"
exec cargo test -p server-stub --test crash -- --ignored --nocapture
