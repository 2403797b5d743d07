// Parses an AsyncAPI document with the AsyncAPI parser (references to the JSON Schemas resolved) and prints every
// diagnostic. Exit code 0 when the document is valid (warnings allowed), 1 when it is not, 2 on wrong usage.
// Usage: node validate-asyncapi.mjs ../asyncapi.yaml
import { resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-asyncapi.mjs <asyncapi.yaml>');
  process.exit(2);
}

const severities = ['error', 'warning', 'info', 'hint'];
const { document, diagnostics } = await fromFile(new Parser(), resolve(file)).parse();
for (const d of diagnostics) {
  console.log(`${severities[d.severity] ?? d.severity} ${d.code} at ${d.path.join('/') || '(root)'}: ${d.message}`);
}

const count = (severity) => diagnostics.filter((d) => d.severity === severity).length;
if (!document) {
  console.log(`${file}: not valid, ${count(0)} errors`);
  process.exit(1);
}

const payloads = document.allMessages().all().filter((m) => m.hasPayload() && m.payload().type() === 'object').length;
console.log(
  `${file}: valid AsyncAPI ${document.version()}; ${document.allChannels().length} channels, ` +
  `${document.allOperations().length} operations, ${document.allMessages().length} messages ` +
  `(${payloads} with an object payload); ${count(0)} errors, ${count(1)} warnings`);
