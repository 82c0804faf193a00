/**
 * npx tsx scripts/bench/heap-top.ts <file.heapsnapshot> [--top 40]
 * Sums a V8 heap snapshot's self sizes by node type and constructor/name: what fills the heap.
 */
import fs from "node:fs";

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
const argv = process.argv.slice(2);
const top = Number(argv[argv.indexOf("--top") + 1] || 40) || 40;
const s = JSON.parse(fs.readFileSync(argv[0], "utf8")) as Snapshot;
const fields = s.snapshot.meta.node_fields;
const types = s.snapshot.meta.node_types[0];
const [iType, iName, iSize] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
const byType = new Map<string, number>();
const byName = new Map<string, { bytes: number; count: number }>();
let total = 0;
for (let i = 0; i < s.nodes.length; i += fields.length) {
  const type = types[s.nodes[i + iType]];
  const size = s.nodes[i + iSize];
  total += size;
  byType.set(type, (byType.get(type) ?? 0) + size);
  const name = `${type}:${type === "string" || type === "concatenated string" || type === "sliced string" ? "(strings)" : s.strings[s.nodes[i + iName]].slice(0, 60)}`;
  const e = byName.get(name) ?? { bytes: 0, count: 0 };
  e.bytes += size;
  e.count++;
  byName.set(name, e);
}
const mb = (b: number) => (b / 1048576).toFixed(1).padStart(7);
console.log(`total self size ${mb(total)} MB`);
for (const [k, v] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`${mb(v)} MB  ${k}`);
console.log("");
for (const [k, v] of [...byName].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) console.log(`${mb(v.bytes)} MB  ${String(v.count).padStart(8)}  ${k}`);
