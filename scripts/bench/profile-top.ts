/**
 * npx tsx scripts/bench/profile-top.ts <file.cpuprofile> [--top 40] [--match text] [--callers text] [--last seconds]
 * Reads a V8 CPU profile (node --cpu-prof) and prints the functions with the most self time,
 * the files/packages with the most self time, and — with --match — the inclusive time of every
 * function whose name or file contains the text.
 */
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const argv = process.argv.slice(2);
const file = argv[0];
const top = Number(argv[argv.indexOf("--top") + 1] || 40) || 40;
const match = argv.includes("--match") ? argv[argv.indexOf("--match") + 1] : null;
const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

// --last N: only the samples of the profile's last N seconds (the measured phase, not start-up and warm-up).
if (argv.includes("--last")) {
  const keepUs = Number(argv[argv.indexOf("--last") + 1]) * 1e6;
  let t = p.startTime;
  const times = p.timeDeltas.map((d) => (t += d));
  const from = p.endTime - keepUs;
  const keep = times.map((x) => x >= from);
  p.samples = p.samples.filter((_, i) => keep[i]);
  p.timeDeltas = p.timeDeltas.filter((_, i) => keep[i]);
}

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const short = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*node_modules\//, "nm:")
    .replace(/.*\/\.next[^/]*\//, "next-out:");
const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const pkg = (n: Node) => {
  const u = short(n.callFrame.url);
  if (!u) return n.callFrame.functionName.startsWith("(") ? n.callFrame.functionName : "(native)";
  const m = /^nm:((?:@[^/]+\/)?[^/]+)/.exec(u);
  return m ? m[1] : u.replace(/:\d+$/, "");
};

function table(map: Map<string, number>, title: string) {
  console.log(`\n== ${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
}

const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  fn.set(label(n), (fn.get(label(n)) ?? 0) + us);
  files.set(pkg(n), (files.get(pkg(n)) ?? 0) + us);
}
table(fn, "self time by function");
table(files, "self time by package / file");

if (match) {
  // Inclusive time: a sample counts once for every distinct matching frame on its stack.
  const incl = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const l = label(n);
      if (!seen.has(l) && l.includes(match)) {
        seen.add(l);
        incl.set(l, (incl.get(l) ?? 0) + (p.timeDeltas[i] ?? 0));
      }
    }
  });
  table(incl, `inclusive time of frames matching "${match}"`);
}

// --callers text: the heaviest call stacks (up to 14 frames) leading to frames that match.
if (argv.includes("--callers")) {
  const want = argv[argv.indexOf("--callers") + 1];
  const stacks = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const frames: string[] = [];
    let hit = false;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (!hit && l.includes(want)) hit = true;
      if (hit) frames.push(l);
    }
    if (hit) {
      const key = frames.slice(0, 14).join("\n      <- ");
      stacks.set(key, (stacks.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
    }
  });
  table(stacks, `stacks leading to "${want}"`);
}
