#!/usr/bin/env bash
# Regenerates definitions.json and definitions.quorum.json (next to this script) from a RabbitMQ virtual host on which the
# EventSync services have started at least once: they declare their own topology, this captures it for operators who
# pre-provision brokers. Needs curl and jq.
#
#   infra/rabbitmq/export-definitions.sh [VHOST]
#
# Environment: RABBITMQ_MANAGEMENT_URL (default http://127.0.0.1:15672), RABBITMQ_USER / RABBITMQ_PASSWORD (default
# guest / guest), OUT_DIR (default: this script's folder). VHOST defaults to "/".
#
# What it writes: the durable queues, exchanges and bindings of the vhost (temporary bus queues are not durable and do
# not appear), plus, for every endpoint queue, the <queue>_error and <queue>_skipped queues and exchanges MassTransit
# declares only on the first failure (with the fault event exchanges it publishes to then); the engine exchanges of the
# wire contract; a dead-letter exchange and queue; and the "eventsync-quorum" policy over the endpoint queues. definitions.json declares classic queues (the services'
# default), definitions.quorum.json quorum queues (for EventSync__Messaging__QueueType=quorum). The files carry no vhost
# name, users or permissions: import them into the vhost of your choice.
set -euo pipefail

vhost="${1:-/}"
management="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}"
user="${RABBITMQ_USER:-guest}"
password="${RABBITMQ_PASSWORD:-guest}"
out_dir="${OUT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"

encoded_vhost="$(jq -rn --arg v "$vhost" '$v | @uri')"
exported="$(curl -fsS -u "$user:$password" "$management/api/definitions/$encoded_vhost")"

build() {
    jq --sort-keys --arg queue_type "$1" '
        def arguments: if $queue_type == "quorum" then {"x-queue-type": "quorum"} else {} end;
        def queue($name): {name: $name, durable: true, auto_delete: false, arguments: arguments};
        def exchange($name; $type): {name: $name, type: $type, durable: true, auto_delete: false, internal: false, arguments: {}};
        def binding($source; $destination; $type): {source: $source, destination: $destination, destination_type: $type, routing_key: "", arguments: {}};
        def is_test: test("^(eventsync-tests|ops-tests)[.]");
        def dead_letters: "eventsync.dead-letters";

        ([.queues[] | select(.durable and (.auto_delete | not) and (.name | is_test | not)) | .name]
            | map(select(test("_(error|skipped)$") | not)) | unique) as $endpoints
        | ([.exchanges[] | select(.durable and (.auto_delete | not) and (.name | is_test | not))]
            | map({name, type, durable, auto_delete, internal, arguments})) as $exported_exchanges
        | ([.bindings[] | select((.source | is_test | not) and (.destination | is_test | not))]
            | map({source, destination, destination_type, routing_key, arguments})) as $exported_bindings
        | {
            queues: ([$endpoints[] | ., "\(.)_error", "\(.)_skipped" | queue(.)] + [queue(dead_letters)] | unique_by(.name)),
            exchanges: ($exported_exchanges
                + [$endpoints[] | "\(.)_error", "\(.)_skipped" | exchange(.; "fanout")]
                + [exchange("eventsync.sync-failures"; "fanout"), exchange("eventsync.record-synced"; "fanout"),
                   exchange("eventsync.api-usage"; "fanout"), exchange("eventsync.resync-requests"; "topic"),
                   exchange("eventsync.api-allocation"; "fanout"),
                   exchange(dead_letters; "fanout"),
                   exchange("MassTransit:Fault"; "fanout"), exchange("MassTransit:ReceiveFault"; "fanout")]
                | unique_by(.name)),
            bindings: ($exported_bindings
                + [$endpoints[] | "\(.)_error", "\(.)_skipped" | binding(.; .; "queue")]
                + [binding(dead_letters; dead_letters; "queue"),
                   binding("MassTransit:ReceiveFault"; "MassTransit:Fault"; "exchange")]
                | unique_by([.source, .destination, .destination_type, .routing_key])),
            policies: [{
                name: "eventsync-quorum",
                pattern: "^(\($endpoints | map(gsub("[.]"; "\\\\.")) | join("|")))(_error|_skipped)?$",
                "apply-to": "queues",
                priority: 0,
                definition: {
                    "delivery-limit": 20,
                    "dead-letter-exchange": dead_letters,
                    "queue-leader-locator": "balanced"
                }
            }],
            parameters: []
        }' <<<"$exported"
}

build classic >"$out_dir/definitions.json"
build quorum >"$out_dir/definitions.quorum.json"
echo "export-definitions: wrote $out_dir/definitions.json and definitions.quorum.json from vhost '$vhost'" \
    "($(jq '.queues | length' "$out_dir/definitions.json") queues, $(jq '.exchanges | length' "$out_dir/definitions.json") exchanges)"
