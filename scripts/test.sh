#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds, runs `dotnet test` on the solution.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-deps.sh
dotnet build Workflows.sln -c Release
dotnet test Workflows.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
