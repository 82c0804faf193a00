import { describe, expect, it } from "vitest";
import { accountEmailSchema, emailSchema, ownEmailSchema } from "@/lib/accounts/email/schema";
import { createAccountSchema } from "@/lib/accounts/schema";
import { parseEnv } from "@/lib/env";

/** An account's e-mail address (docs/decisions/0069) and the mail settings (lib/env.ts). */
const issueOf = (value: unknown) => {
  const out = emailSchema.safeParse(value);
  return out.success ? null : out.error.issues[0].message;
};

describe("the e-mail address rule", () => {
  it("stores one address one way: trimmed and lower-cased", () => {
    expect(emailSchema.parse("  Zhang.San@Example.GOV.cn ")).toBe("zhang.san@example.gov.cn");
    expect(emailSchema.parse("a+notices@sub.example.com")).toBe("a+notices@sub.example.com");
  });

  it("reads blank or missing as no address (null), so an emptied field removes it", () => {
    expect(emailSchema.parse("")).toBeNull();
    expect(emailSchema.parse("   ")).toBeNull();
    expect(emailSchema.parse(undefined)).toBeNull();
    expect(ownEmailSchema.parse({}).email).toBeNull();
  });

  it.each([
    ["no at sign", "zhangsan.example.com"],
    ["no domain", "zhangsan@"],
    ["two addresses", "a@example.com,b@example.com"],
    ["a display name", "张三 <a@example.com>"],
    ["a header smuggled in", "a@example.com\r\nBcc: x@example.com"],
    ["a space inside", "zhang san@example.com"],
    ["no top-level domain", "a@localhost"],
  ])("refuses %s", (_, value) => {
    expect(issueOf(value)).toBe("validation.emailFormat");
  });

  it("refuses an address past 254 characters as too long", () => {
    expect(issueOf(`${"a".repeat(64)}@${"b".repeat(200)}.cn`)).toBe("validation.tooLong");
  });

  it("is the same rule on the account forms", () => {
    const base = { username: "zhang", displayName: "张三", role: "MINISTRY_STAFF" };
    expect(createAccountSchema.parse({ ...base, email: " Z@Example.com" }).email).toBe("z@example.com");
    expect(createAccountSchema.safeParse({ ...base, email: "not-an-address" }).success).toBe(false);
    expect(accountEmailSchema.safeParse({ id: "u-1", email: "x@" }).error?.issues[0].path).toEqual(["email"]);
  });
});

describe("mail settings", () => {
  const publicUrl = "https://registry.example.gov.cn";

  it("accepts smtp:// and smtps:// with PUBLIC_URL, and a sender with or without a name", () => {
    expect(parseEnv({ SMTP_URL: "smtp://u:p@mail.example.gov.cn:587", PUBLIC_URL: publicUrl }).SMTP_URL).toBe("smtp://u:p@mail.example.gov.cn:587");
    expect(parseEnv({ SMTP_URL: "smtps://mail.example.gov.cn", PUBLIC_URL: publicUrl, MAIL_FROM: "名录 <noreply@example.gov.cn>" }).MAIL_FROM).toBe(
      "名录 <noreply@example.gov.cn>",
    );
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
  });

  it("refuses SMTP_URL without PUBLIC_URL (the mail's links are built from it, never a request)", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.gov.cn" })).toThrow(/SMTP_URL: needs PUBLIC_URL/);
  });

  it("refuses another scheme and a sender with a line break", () => {
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.gov.cn", PUBLIC_URL: publicUrl })).toThrow(/SMTP_URL: must start with smtp:\/\//);
    expect(() => parseEnv({ MAIL_FROM: "a@example.com\r\nBcc: b@example.com" })).toThrow(/MAIL_FROM/);
  });
});
