#!/usr/bin/env bash
# Installs (Debian) and starts the services EventSync's tests need, unless the environment names them.
# Sourced by infra/test.sh; `bash infra/services.sh` runs it on its own.

apt_updated=""

apt_install() {
    if [ "$(id -u)" != "0" ]; then
        echo "infra: $* missing and not running as root: install it, or point the tests at a server" >&2
        return 1
    fi
    if [ -z "$apt_updated" ]; then
        apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_rabbitmq() {
    if [ -n "${EVENTSYNC_TEST_RABBITMQ:-}" ]; then
        echo "infra: using the RabbitMQ broker named by EVENTSYNC_TEST_RABBITMQ"
        return 0
    fi
    if ! command -v rabbitmq-server >/dev/null 2>&1; then
        echo "infra: installing rabbitmq-server"
        apt_install rabbitmq-server
    fi
    if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
        echo "infra: starting rabbitmq-server"
        rabbitmq-server -detached
        # The node registers with epmd a moment after -detached returns; until then await_startup fails at once.
        local deadline=$((SECONDS + 120))
        until rabbitmq-diagnostics -q ping >/dev/null 2>&1; do
            if [ "$SECONDS" -ge "$deadline" ]; then
                echo "infra: rabbitmq-server did not start within 120 s" >&2
                return 1
            fi
            sleep 1
        done
    fi
    rabbitmqctl -q await_startup --timeout 120
    rabbitmq-plugins -q enable rabbitmq_management >/dev/null
    export EVENTSYNC_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5672/"
    echo "infra: RabbitMQ is up at 127.0.0.1:5672"
}

ensure_chromium() {
    if [ -n "${EVENTSYNC_TEST_CHROMIUM:-}" ]; then
        echo "infra: using the Chromium named by EVENTSYNC_TEST_CHROMIUM ($EVENTSYNC_TEST_CHROMIUM)"
        return 0
    fi
    if [ ! -x /usr/bin/chromium ]; then
        echo "infra: installing chromium (headless browser for the dashboard test)"
        if ! apt_install chromium; then
            echo "infra: no Chromium: the dashboard browser test will be reported as skipped"
            return 0
        fi
    fi
    echo "infra: Chromium is at /usr/bin/chromium"
}

ensure_compose() {
    if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; then
        echo "infra: a compose implementation is installed (validates docker-compose.yml without a Docker engine)"
        return 0
    fi
    echo "infra: installing docker-compose (validates docker-compose.yml without a Docker engine)"
    if ! apt_install docker-compose; then
        echo "infra: no compose: the compose validation tests will be reported as skipped"
        return 0
    fi
}

# ensure_python_module MODULE PACKAGE WHAT: Debian's python3 can import MODULE, else PACKAGE is installed (WHAT says why).
ensure_python_module() {
    if /usr/bin/python3 -c "import $1" >/dev/null 2>&1; then
        return 0
    fi
    echo "infra: installing $2 ($3)"
    if ! apt_install "$2"; then
        echo "infra: no $2: the tests that need it will be reported as skipped"
    fi
}

ensure_node() {
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
        return 0
    fi
    echo "infra: installing nodejs and npm (the AsyncAPI validator, the OpenAPI linter and the Node.js example engine)"
    if ! apt_install nodejs npm; then
        echo "infra: no Node.js: the AsyncAPI, OpenAPI lint and Node.js example tests will be reported as skipped"
    fi
}

ensure_test_services() {
    ensure_rabbitmq
    ensure_python_module jsonschema python3-jsonschema "checks the contract schemas as a Python engine would"
    ensure_python_module pika python3-pika "runs the Python example engine against the broker"
    ensure_node
    ensure_chromium
    ensure_compose
    if [ -z "${EVENTSYNC_TEST_MONGODB:-}" ]; then
        echo "infra: no MongoDB server (EVENTSYNC_TEST_MONGODB unset): the MongoDB contract tests will be reported as skipped"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    ensure_test_services
fi
