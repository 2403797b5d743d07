"""A sync engine talking to EventSync over RabbitMQ with plain JSON (see contracts/asyncapi.yaml).

It reports one failed contact and the tenant's API usage, then waits for EventSync to ask for a resync. Each
ResyncRecord it receives is printed as one JSON line on standard output; the engine "syncs" the record again and
reports it synced. Status goes to standard error.

    python3 engine.py AMQP_URI ENGINE_ID TENANT_ID HUBSPOT_ID [RESYNCS_BEFORE_EXIT] [TIMEOUT_SECONDS]

Needs pika 1.x (Debian: python3-pika).
"""
import json
import sys
import time
import uuid
from datetime import datetime, timezone

import pika

SYNC_FAILURES = "eventsync.sync-failures"
RECORD_SYNCED = "eventsync.record-synced"
API_USAGE = "eventsync.api-usage"
RESYNC_REQUESTS = "eventsync.resync-requests"


def now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def log(text):
    print(text, file=sys.stderr, flush=True)


def publish(channel, exchange, message):
    # With confirm_delivery() on, basic_publish returns once the broker has taken the message (raises if it refused it).
    channel.basic_publish(
        exchange, routing_key="", body=json.dumps(message).encode("utf-8"),
        properties=pika.BasicProperties(content_type="application/json", delivery_mode=2))  # persistent
    log(f"published to {exchange}: {message.get('eventId', message['tenantId'])}")


def main(uri, engine_id, tenant_id, hubspot_id, resyncs_before_exit=0, timeout_seconds=0):
    connection = pika.BlockingConnection(pika.URLParameters(uri))
    channel = connection.channel()
    channel.confirm_delivery()

    # Declared exactly as EventSync declares them: a declaration with other settings is refused.
    for exchange in (SYNC_FAILURES, RECORD_SYNCED, API_USAGE):
        channel.exchange_declare(exchange, exchange_type="fanout", durable=True)
    channel.exchange_declare(RESYNC_REQUESTS, exchange_type="topic", durable=True)

    # The engine's own queue: durable, so resync requests wait while the engine is down.
    queue = f"{engine_id}.resync-requests"
    channel.queue_declare(queue, durable=True)
    channel.queue_bind(queue, RESYNC_REQUESTS, routing_key=engine_id)

    publish(channel, SYNC_FAILURES, {
        "eventId": str(uuid.uuid4()),
        "tenantId": tenant_id,
        "engineId": engine_id,
        "source": "salesforce",
        "direction": "toSalesforce",
        "objectType": "contact",
        "hubSpotId": hubspot_id,
        "errors": [{"statusCode": "INVALID_EMAIL_ADDRESS",
                    "message": "Email: invalid email address: jane.doe@@example.com", "fields": ["Email"]}],
        "occurredAt": now(),
    })
    publish(channel, API_USAGE, {
        "tenantId": tenant_id, "callsLast24h": 1200, "salesforceDailyLimit": 100000, "reportedAt": now(),
    })

    resyncs = 0
    deadline = time.monotonic() + timeout_seconds if timeout_seconds > 0 else None
    for method, _properties, body in channel.consume(queue, inactivity_timeout=1.0):
        if method is None:
            if deadline is not None and time.monotonic() > deadline:
                log(f"no resync within {timeout_seconds} s")
                break
            continue

        resync = json.loads(body)
        print(json.dumps(resync), flush=True)
        # A real engine syncs the record again here, then reports the outcome: RecordSynced or SyncFailureReported.
        publish(channel, RECORD_SYNCED, {
            "eventId": str(uuid.uuid4()),
            "tenantId": resync["tenantId"],
            "objectType": resync["objectType"],
            "hubSpotId": resync.get("hubSpotId"),
            "salesforceId": resync.get("salesforceId"),
            "syncedAt": now(),
        })
        channel.basic_ack(method.delivery_tag)
        resyncs += 1
        if resyncs == resyncs_before_exit:
            break

    channel.cancel()
    connection.close()
    return 0 if resyncs_before_exit == 0 or resyncs == resyncs_before_exit else 1


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6, 7):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:5], *[int(a) for a in sys.argv[5:]]))
