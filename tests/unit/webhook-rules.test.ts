import { describe, expect, it } from "vitest";
import { isAllowedAddress } from "@/lib/webhooks/address";
import { endpointProblem } from "@/lib/webhooks/endpoint";
import { nextAttemptAt, retryDelayMs } from "@/lib/webhooks/schedule";
import { newWebhookSecret, signatureHeader, signatureOf, verifySignature } from "@/lib/webhooks/signature";

/** The webhook rules (docs/decisions/0083): signature, back-off schedule, endpoint and address rule. */
describe("webhook signature", () => {
  const secret = "whsec_test";
  const body = '{"id":"d1","event":{"type":"school.update"}}';

  it("is HMAC-SHA256 over `timestamp.body`, as the docs' receivers compute it", () => {
    // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureOf(secret, 1700000000, '{"a":1}')).toBe("38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    expect(signatureHeader(secret, 1700000000, body)).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it("verifies the header it makes and refuses another body, another secret, an old timestamp", () => {
    const header = signatureHeader(secret, 1700000000, body);
    expect(verifySignature(secret, header, body, 1700000100)).toBe(true);
    expect(verifySignature(secret, header, body + " ", 1700000100)).toBe(false);
    expect(verifySignature("whsec_other", header, body, 1700000100)).toBe(false);
    expect(verifySignature(secret, header, body, 1700000000 + 301)).toBe(false);
    expect(verifySignature(secret, "t=1700000000,v1=zz", body, 1700000000)).toBe(false);
  });

  it("gives each subscription a new 256-bit secret", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe("retry schedule", () => {
  it("doubles from one minute up to six hours", () => {
    expect([1, 2, 3, 9, 10, 11, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 256, 360, 360, 360]);
  });

  it("retries for a day, then gives up", () => {
    const queued = new Date("2026-01-01T00:00:00Z");
    let now = queued;
    let attempts = 0;
    for (;;) {
      attempts++;
      const next = nextAttemptAt(queued, attempts, now);
      if (!next) break;
      now = next;
    }
    expect(attempts).toBe(12);
    expect(now.getTime() - queued.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(now.getTime() - queued.getTime()).toBeGreaterThan(20 * 3_600_000);
  });
});

describe("endpoint address rule", () => {
  it.each([
    ["127.0.0.1"],
    ["10.0.0.1"],
    ["172.16.5.4"],
    ["192.168.0.1"],
    ["169.254.169.254"],
    ["100.64.0.1"],
    ["0.0.0.0"],
    ["224.0.0.1"],
    ["::1"],
    ["::"],
    ["fe80::1"],
    ["fd12:3456::1"],
    ["ff02::1"],
    ["::ffff:127.0.0.1"],
    ["::ffff:7f00:1"],
    ["::ffff:10.0.0.1"],
    ["::ffff:a9fe:a9fe"],
    ["64:ff9b::c0a8:1"],
    ["2002:7f00:1::"],
  ])("refuses %s", (ip) => expect(isAllowedAddress(ip)).toBe(false));

  it.each([["8.8.8.8"], ["172.32.0.1"], ["2606:4700:4700::1111"], ["::ffff:8.8.8.8"]])("allows %s", (ip) => expect(isAllowedAddress(ip)).toBe(true));

  it("lets only loopback through with the test switch", () => {
    expect(isAllowedAddress("127.0.0.1", true)).toBe(true);
    expect(isAllowedAddress("::1", true)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", true)).toBe(false);
    expect(isAllowedAddress("::ffff:192.168.1.1", true)).toBe(false);
  });

  it("asks for https without credentials, and refuses private literals however written", () => {
    expect(endpointProblem("https://hooks.example.com/x", false)).toBeNull();
    expect(endpointProblem("http://hooks.example.com/x", false)).toBe("URL_NOT_HTTPS");
    expect(endpointProblem("ftp://hooks.example.com/x", false)).toBe("URL_NOT_HTTPS");
    expect(endpointProblem("https://u:p@hooks.example.com/", false)).toBe("URL_CREDENTIALS");
    expect(endpointProblem("not a url", false)).toBe("URL_INVALID");
    expect(endpointProblem("https://127.1/", false)).toBe("URL_PRIVATE_ADDRESS");
    expect(endpointProblem("https://0x7f000001/", false)).toBe("URL_PRIVATE_ADDRESS");
    expect(endpointProblem("https://[::ffff:127.0.0.1]/", false)).toBe("URL_PRIVATE_ADDRESS");
    expect(endpointProblem("https://localhost/", false)).toBe("URL_PRIVATE_ADDRESS");
    expect(endpointProblem("https://a.localhost/", false)).toBe("URL_PRIVATE_ADDRESS");
    expect(endpointProblem("http://127.0.0.1:9/", false)).toBe("URL_PRIVATE_ADDRESS");
  });

  it("allows http on loopback only with the test switch", () => {
    expect(endpointProblem("http://127.0.0.1:9/", true)).toBeNull();
    expect(endpointProblem("http://[::1]:9/", true)).toBeNull();
    expect(endpointProblem("http://hooks.example.com/", true)).toBe("URL_NOT_HTTPS");
    expect(endpointProblem("http://10.0.0.1/", true)).toBe("URL_PRIVATE_ADDRESS");
  });
});
