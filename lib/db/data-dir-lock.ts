import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is single-process and nothing in it enforces that: two processes writing one data
 * directory silently lose commits. A lock file holding the owner's pid is taken before the
 * directory is opened; a live owner makes the second process stop with a clear message.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in "${dir}" is in use by another process (pid ${pid}). ` +
        `Stop that process first, or point DATA_DIR elsewhere, or set DATABASE_URL to use PostgreSQL. ` +
        `嵌入式数据库 "${dir}" 正被另一个进程 (pid ${pid}) 使用。`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFilePath(dir: string) {
  return path.join(dir, "registry.lock");
}

/** Takes the lock for this process; returns a function that releases it. */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFilePath(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      // Stale lock from a process that died: remove it and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${file}`);
}
