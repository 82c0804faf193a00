import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX, hashApiKey, isApiKeyShaped, newApiKey } from "@/lib/api-keys/secret";

/** THE key format (docs/decisions/0085): "jgyx_" + 32 random bytes in base64url; only the sha256 is kept. */
describe("API key format and hash", () => {
  it("issues keys with the prefix and 256 random bits, each different", () => {
    const keys = Array.from({ length: 200 }, () => newApiKey());
    for (const { key, hash, prefix } of keys) {
      expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
      expect(key).toHaveLength(5 + 43);
      expect(Buffer.from(key.slice(5), "base64url")).toHaveLength(32);
      expect(isApiKeyShaped(key)).toBe(true);
      expect(prefix).toBe(key.slice(0, 9));
      expect(hash).toBe(createHash("sha256").update(key).digest("hex"));
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    expect(new Set(keys.map((k) => k.hash)).size).toBe(keys.length);
  });

  it("hashes the key as presented: deterministic, 64 hex digits, never the key itself", () => {
    const { key, hash } = newApiKey();
    expect(hashApiKey(key)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(5, 15));
    expect(hashApiKey(key + " ")).not.toBe(hash);
  });

  it("recognises only the exact shape", () => {
    const { key } = newApiKey();
    for (const bad of [
      "",
      "jgyx_",
      key.slice(0, -1),
      key + "A",
      key.replace("jgyx_", "JGYX_"),
      key.replace(/.$/, "="),
      `${key.slice(0, 20)}+${key.slice(21)}`,
      ` ${key}`,
    ]) {
      expect(isApiKeyShaped(bad), bad).toBe(false);
    }
  });
});
