/**
 * An expected refusal or failure of backup/restore: the CLI prints the message alone (Chinese
 * first, then English), without a stack trace. Anything else is a bug and is printed in full.
 */
export class BackupError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = "BackupError";
  }
}
