import net from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A local SMTP server for tests (smtp-server on loopback, an OS-chosen port): it keeps every
 * message it receives, decoded enough to assert on (envelope, Subject, plain-text body). `hold()`
 * makes it keep the next messages waiting at DATA until `release()`, to show a write's answer does
 * not wait for the mail.
 */
export type Received = { from: string; to: string[]; subject: string; text: string; raw: string };

const decodeBytes = (s: string) =>
  Buffer.from(
    s.replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  );

/** RFC 2047 encoded words (B and Q), folded lines joined. */
function decodeHeader(value: string): string {
  return value
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      (enc.toUpperCase() === "B" ? Buffer.from(data, "base64") : decodeBytes(data.replace(/_/g, " "))).toString("utf8"),
    );
}

function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeBytes(body.replace(/=\r\n/g, "")).toString("utf8")
        : Buffer.from(body, "latin1").toString("utf8");
  return { subject: decodeHeader(header("Subject")), text: text.replace(/\r\n/g, "\n") };
}

export async function startSmtpSink() {
  const received: Received[] = [];
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (gate) await gate;
        const raw = Buffer.concat(chunks).toString("latin1");
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parse(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (bound, then closed): connections to it are refused. */
export async function deadPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
