import { describe, expect, it } from "vitest";
import { rechunk } from "@/lib/files/chunks";
import { multipartFile } from "@/lib/files/multipart";

/**
 * The evidence upload reads the multipart body as it arrives (lib/files/multipart.ts): a cap on
 * the bytes received, not only on the Content-Length declared; the file part's bytes exactly,
 * wherever the network cut the body into pieces; other fields skipped.
 */
const MB = 1024 * 1024;
const tooLarge = (): never => {
  throw new Error("tooLarge");
};

function endless(counter: { pulled: number }, first: Uint8Array) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(counter.pulled === 0 ? first : new Uint8Array(MB));
      counter.pulled += MB;
    },
  });
}

/** A request whose body arrives in pieces of `size` bytes. */
function inPieces(body: Uint8Array, contentType: string, size: number) {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.slice(at, (at += size)));
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half", headers: { "content-type": contentType } } as RequestInit);
}

async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

describe("multipartFile", () => {
  it("stops a body past the cap after reading at most one piece more", async () => {
    const counter = { pulled: 0 };
    const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n');
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: endless(counter, head),
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=b" },
    } as RequestInit);
    const part = await multipartFile(request, { field: "file", maxBodyBytes: 10 * MB, tooLarge });
    await expect(collect(part!.bytes)).rejects.toThrow("tooLarge");
    expect(counter.pulled).toBeLessThanOrEqual(12 * MB);
  });

  it("hands on the file part's bytes exactly, with its name, however the body is cut", async () => {
    const file = new Uint8Array(70_000).map((_, i) => (i * 7919) % 251);
    file.set(new TextEncoder().encode("%PDF-1.4\r\n--not-the-boundary\r\n"));
    const form = new FormData();
    form.set("note", "text before the file");
    form.set("file", new File([file], "证明 材料.pdf", { type: "application/pdf" }));
    form.set("after", "text after");
    const sent = new Request("http://localhost/x", { method: "POST", body: form });
    const body = new Uint8Array(await sent.arrayBuffer());
    const contentType = sent.headers.get("content-type")!;
    for (const size of [1, 7, 64, 4096, body.length]) {
      const part = await multipartFile(inPieces(body, contentType, size), { field: "file", maxBodyBytes: MB, tooLarge });
      expect(part?.fileName).toBe("证明 材料.pdf");
      expect((await collect(part!.bytes)).equals(Buffer.from(file))).toBe(true);
    }
  });

  it("finds no file in a form without one, or in a body that is not multipart", async () => {
    const form = new FormData();
    form.set("file", "just text");
    const sent = new Request("http://localhost/x", { method: "POST", body: form });
    expect(await multipartFile(sent, { field: "file", maxBodyBytes: MB, tooLarge })).toBeNull();
    const plain = new Request("http://localhost/x", { method: "POST", body: "%PDF-1.4" });
    expect(await multipartFile(plain, { field: "file", maxBodyBytes: MB, tooLarge })).toBeNull();
  });
});

describe("rechunk", () => {
  it("cuts any stream into pieces of exactly the chunk size, the last one shorter", async () => {
    async function* pieces() {
      for (const n of [1, 300, 5, 1000, 2]) yield new Uint8Array(n).fill(n % 256);
    }
    const out: Uint8Array[] = [];
    for await (const c of rechunk(pieces(), 256)) out.push(c);
    expect(out.map((c) => c.length)).toEqual([256, 256, 256, 256, 256, 28]);
    expect(Buffer.concat(out).equals(Buffer.concat([1, 300, 5, 1000, 2].map((n) => new Uint8Array(n).fill(n % 256))))).toBe(true);
  });
});
