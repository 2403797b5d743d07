#!/usr/bin/env bash
# Runs every EventSync test. On a machine without the services the tests need, it installs and starts them
# first (Debian packages; needs root). Ends with one line: "N passed, N failed, N skipped".
#   EVENTSYNC_TEST_RABBITMQ  amqp:// URI of a broker to use instead of installing one here
#   EVENTSYNC_TEST_MONGODB   mongodb:// URI of a server for the MongoDB contract tests (skipped without one)
#   EVENTSYNC_TEST_CHROMIUM  a Chromium executable for the dashboard test instead of Debian's /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/.."

results_dir="${EVENTSYNC_TEST_RESULTS:-$PWD/tests/TestResults}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=infra/services.sh
source infra/services.sh
ensure_test_services

rm -rf "$results_dir"
dotnet build EventSync.sln --configuration Release --nologo -v quiet
set +e
dotnet test EventSync.sln --configuration Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results_dir"
test_exit=$?
set -e

infra/summarize-trx.sh "$results_dir"
exit "$test_exit"
