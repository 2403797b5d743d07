// A sync engine talking to EventSync over RabbitMQ with plain JSON (see contracts/asyncapi.yaml).
//
// It reports one failed contact and the tenant's API usage, then waits for EventSync to ask for a resync. Each
// ResyncRecord it receives is printed as one JSON line on standard output; the engine "syncs" the record again and
// reports it synced. Status goes to standard error.
//
//   node engine.mjs AMQP_URI ENGINE_ID TENANT_ID HUBSPOT_ID [RESYNCS_BEFORE_EXIT] [TIMEOUT_SECONDS]
//
// Needs amqplib (npm ci in this folder).
import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';

const SYNC_FAILURES = 'eventsync.sync-failures';
const RECORD_SYNCED = 'eventsync.record-synced';
const API_USAGE = 'eventsync.api-usage';
const RESYNC_REQUESTS = 'eventsync.resync-requests';

const [uri, engineId, tenantId, hubSpotId, resyncsArg = '0', timeoutArg = '0'] = process.argv.slice(2);
if (!hubSpotId) {
  console.error('usage: node engine.mjs AMQP_URI ENGINE_ID TENANT_ID HUBSPOT_ID [RESYNCS_BEFORE_EXIT] [TIMEOUT_SECONDS]');
  process.exit(2);
}
const resyncsBeforeExit = Number(resyncsArg);
const timeoutSeconds = Number(timeoutArg);

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const connection = await amqp.connect(uri);
// A confirm channel: each publish resolves once the broker has taken the message, and rejects if it refused it.
const channel = await connection.createConfirmChannel();

async function publish(exchange, message) {
  await new Promise((resolve, reject) => {
    channel.publish(exchange, '', Buffer.from(JSON.stringify(message), 'utf8'),
      { contentType: 'application/json', persistent: true },
      (error) => (error ? reject(error) : resolve()));
  });
  console.error(`published to ${exchange}: ${message.eventId ?? message.tenantId}`);
}

// Declared exactly as EventSync declares them: a declaration with other settings is refused.
for (const exchange of [SYNC_FAILURES, RECORD_SYNCED, API_USAGE]) {
  await channel.assertExchange(exchange, 'fanout', { durable: true });
}
await channel.assertExchange(RESYNC_REQUESTS, 'topic', { durable: true });

// The engine's own queue: durable, so resync requests wait while the engine is down.
const queue = `${engineId}.resync-requests`;
await channel.assertQueue(queue, { durable: true });
await channel.bindQueue(queue, RESYNC_REQUESTS, engineId);

await publish(SYNC_FAILURES, {
  eventId: randomUUID(),
  tenantId,
  engineId,
  source: 'salesforce',
  direction: 'toSalesforce',
  objectType: 'contact',
  hubSpotId,
  errors: [{ statusCode: 'INVALID_EMAIL_ADDRESS', message: 'Email: invalid email address: jane.doe@@example.com', fields: ['Email'] }],
  occurredAt: now(),
});
await publish(API_USAGE, { tenantId, callsLast24h: 1200, salesforceDailyLimit: 100000, reportedAt: now() });

let resyncs = 0;
const done = new Promise((resolve) => {
  const timer = timeoutSeconds > 0
    ? setTimeout(() => { console.error(`no resync within ${timeoutSeconds} s`); resolve(); }, timeoutSeconds * 1000)
    : undefined;
  channel.consume(queue, async (delivery) => {
    if (delivery === null) {
      resolve(); // the broker cancelled the consumer (queue deleted)
      return;
    }
    const resync = JSON.parse(delivery.content.toString('utf8'));
    console.log(JSON.stringify(resync));
    // A real engine syncs the record again here, then reports the outcome: RecordSynced or SyncFailureReported.
    await publish(RECORD_SYNCED, {
      eventId: randomUUID(),
      tenantId: resync.tenantId,
      objectType: resync.objectType,
      hubSpotId: resync.hubSpotId ?? null,
      salesforceId: resync.salesforceId ?? null,
      syncedAt: now(),
    });
    channel.ack(delivery);
    resyncs += 1;
    if (resyncs === resyncsBeforeExit) {
      clearTimeout(timer);
      resolve();
    }
  }, { noAck: false });
});

await done;
await channel.close();
await connection.close();
process.exitCode = resyncsBeforeExit === 0 || resyncs === resyncsBeforeExit ? 0 : 1;
