import { describe, expect, it } from "vitest";
import { cappedFormData } from "@/lib/selection/attachments/body";

/**
 * The evidence upload reads its body with a cap on the bytes received, not only on the
 * Content-Length it declares: a chunked body without one is cut off at the cap.
 */
const MB = 1024 * 1024;

function endless(counter: { pulled: number }) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += MB;
      controller.enqueue(new Uint8Array(MB));
    },
  });
}

describe("cappedFormData", () => {
  it("refuses a chunked body past the cap after reading at most one chunk more", async () => {
    const counter = { pulled: 0 };
    const request = new Request("http://localhost/x", { method: "POST", body: endless(counter), duplex: "half" } as RequestInit);
    await expect(cappedFormData(request, 10 * MB)).rejects.toMatchObject({ code: "VALIDATION", detail: { reason: "attachment.tooLarge" } });
    expect(counter.pulled).toBeLessThanOrEqual(12 * MB);
  });

  it("refuses a declared length past the cap without reading", async () => {
    const counter = { pulled: 0 };
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: endless(counter),
      duplex: "half",
      headers: { "content-length": String(50 * MB) },
    } as RequestInit);
    await expect(cappedFormData(request, 10 * MB)).rejects.toMatchObject({ detail: { reason: "attachment.tooLarge" } });
    expect(counter.pulled).toBeLessThanOrEqual(MB);
  });

  it("reads a form within the cap", async () => {
    const body = new FormData();
    body.set("file", new File([new TextEncoder().encode("%PDF-1.4")], "a.pdf"));
    const form = await cappedFormData(new Request("http://localhost/x", { method: "POST", body }), MB);
    expect(await (form.get("file") as File).text()).toBe("%PDF-1.4");
  });
});
