#!/usr/bin/env bash
# Rewrites the PostgreSQL migrations as one `Initial` migration of the current model.
# Run it after a change to the EF model lands with only a SQLite migration (e.g. a new `PropertyManagement`
# migration). No cluster database is in production yet, so the PostgreSQL history can be rewritten; once one
# is, add migrations with `dotnet run --project tools/MigrationScaffolder -- <Name>` instead (both providers).
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf src/Host/Persistence/Migrations/PostgreSql
dotnet run --project tools/MigrationScaffolder -- Initial --provider PostgreSql
