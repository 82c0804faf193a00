import fs from "node:fs";
import path from "node:path";

/**
 * Reads the systemd units in deploy/systemd the way systemd would use them here: the command of
 * ExecStart (%i = the instance, a port), Environment= lines and an EnvironmentFile. The topology
 * test starts its nodes and the release step from these, so the units are what was tested.
 */
export const UNIT_DIR = path.resolve(import.meta.dirname, "../../../deploy/systemd");

export type Unit = { execStart: string[]; environment: Record<string, string>; environmentFile?: string; workingDirectory?: string };

export function readUnit(name: string, instance = ""): Unit {
  const unit: Unit = { execStart: [], environment: {} };
  for (const raw of fs.readFileSync(path.join(UNIT_DIR, name), "utf8").split("\n")) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (!line || line.startsWith("#") || line.startsWith("[") || eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1).replaceAll("%i", instance);
    if (key === "ExecStart") unit.execStart = value.split(/\s+/);
    else if (key === "Environment") {
      const i = value.indexOf("=");
      unit.environment[value.slice(0, i)] = value.slice(i + 1);
    } else if (key === "EnvironmentFile") unit.environmentFile = value.replace(/^-/, "");
    else if (key === "WorkingDirectory") unit.workingDirectory = value;
  }
  return unit;
}

/** KEY=VALUE lines of an environment file (systemd's EnvironmentFile format, without quoting). */
export function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of fs.readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (line && !line.startsWith("#") && eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function writeEnvFile(file: string, values: Record<string, string>) {
  fs.writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
    { mode: 0o600 },
  );
}

/**
 * The command to run for ExecStart here: /usr/bin/node is the Node running the test (the same
 * version), any other binary is taken from PATH when its absolute path does not exist.
 */
export function localCommand(execStart: string[]): [string, string[]] {
  const [bin, ...args] = execStart;
  if (bin.endsWith("/node")) return [process.execPath, args];
  return [fs.existsSync(bin) ? bin : path.basename(bin), args];
}
