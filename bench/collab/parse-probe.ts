// Times Y.applyUpdate of an encoded state into an empty Y.Doc, in a fresh process (as cold as
// a freshly started server). Usage: node parse-probe.ts <state-file> <repeats>; prints JSON.
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';

const [file, repeatsArg] = process.argv.slice(2);
const state = new Uint8Array(readFileSync(file as string));
const repeats = Number(repeatsArg ?? 10);
const times: number[] = [];
let length = 0;
for (let i = 0; i < repeats; i++) {
  const started = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  times.push(performance.now() - started);
  length = doc.getText('bench').length;
  doc.destroy();
}
process.stdout.write(JSON.stringify({ times, length }));
