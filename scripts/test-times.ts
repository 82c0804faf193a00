/**
 * npx tsx scripts/test-times.ts <before.log> <after.log> [--over 10] [--min-ms 2000]
 * Compares the test times of two `bash .ci/run` logs (issue 15: "no test got slower by more than
 * 10 %"): every vitest file and every Playwright test, per pass (the first time a name appears is
 * the PGlite pass, the second the PostgreSQL pass). Prints the suite totals and each test slower
 * by more than --over per cent that took at least --min-ms in the later run (shorter ones are
 * mostly noise of a shared machine).
 */
import fs from "node:fs";

type Times = Map<string, number>;

const ansi = new RegExp(String.raw`\u001b\[[0-9;]*m`, "g");
// vitest: " ✓ tests/unit/x.test.ts (12 tests | 1 skipped) 1234ms"
const VITEST = /^\s*[✓❯×]\s+(tests\/\S+\.test\.tsx?)\s+\(.*?\)\s+([\d.]+)(ms|s)\s*$/;
// Playwright list reporter: "  ✓  12 [chromium] › tests/e2e/x.spec.ts:10:5 › title (3.2s)"
const PLAYWRIGHT = /^\s*[✓✘]\s+\d+\s+\[chromium\]\s+›\s+(.+?)\s+\(([\d.]+)(ms|s|m)\)\s*$/;

function read(file: string): Times {
  const out: Times = new Map();
  const put = (name: string, ms: number) => {
    let key = name;
    for (let pass = 2; out.has(key); pass++) key = `${name} [pass ${pass}]`;
    out.set(key, ms);
  };
  const toMs = (n: string, unit: string) => Number(n) * (unit === "ms" ? 1 : unit === "s" ? 1000 : 60_000);
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.replace(ansi, "");
    const v = VITEST.exec(line);
    if (v) put(`vitest ${v[1]}`, toMs(v[2], v[3]));
    // Playwright's line numbers move with edits: the file and the title name a test.
    const p = PLAYWRIGHT.exec(line);
    if (p) put(`e2e ${p[1].replace(/:\d+:\d+/, "")}`, toMs(p[2], p[3]));
  }
  return out;
}

const argv = process.argv.slice(2);
const num = (flag: string, d: number) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : d);
const [beforeFile, afterFile] = argv.filter((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--"));
if (!beforeFile || !afterFile) {
  console.error("usage: npx tsx scripts/test-times.ts <before.log> <after.log> [--over 10] [--min-ms 2000]");
  process.exit(2);
}
const over = num("--over", 10) / 100;
const minMs = num("--min-ms", 2000);
const before = read(beforeFile);
const after = read(afterFile);
const common = [...after.keys()].filter((k) => before.has(k));
const sum = (t: Times, prefix: string) => common.filter((k) => k.startsWith(prefix)).reduce((n, k) => n + t.get(k)!, 0);
for (const kind of ["vitest", "e2e"]) {
  const b = sum(before, kind);
  const a = sum(after, kind);
  const n = common.filter((k) => k.startsWith(kind)).length;
  console.log(`${kind}: ${n} in both logs, ${(b / 1000).toFixed(0)} s before, ${(a / 1000).toFixed(0)} s after (${(((a - b) / (b || 1)) * 100).toFixed(0)} %)`);
}
const slower = common
  .map((k) => ({ k, b: before.get(k)!, a: after.get(k)! }))
  .filter((x) => x.a >= minMs && x.a > x.b * (1 + over))
  .sort((x, y) => y.a / y.b - x.a / x.b);
console.log(`\nslower by more than ${over * 100} % (and at least ${minMs} ms after): ${slower.length}`);
for (const x of slower) console.log(`  +${((x.a / x.b - 1) * 100).toFixed(0)} %  ${(x.b / 1000).toFixed(1)} s → ${(x.a / 1000).toFixed(1)} s  ${x.k}`);
const onlyAfter = [...after.keys()].filter((k) => !before.has(k));
console.log(`\nonly in the later log (new or renamed): ${onlyAfter.length}`);
