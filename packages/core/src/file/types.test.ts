import { describe, expect, it } from "vitest";
import { isPlainName, kindOf } from "./types";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v)] : [v])));

describe("file types", () => {
  it("accepts files whose first bytes match their declared type", () => {
    expect(kindOf("image/png")?.matches(bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0))).toBe(true);
    expect(kindOf("application/pdf")?.matches(bytes("%PDF-1.7\n"))).toBe(true);
    expect(kindOf("image/webp")?.matches(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))).toBe(true);
    expect(kindOf("text/plain")?.matches(bytes("Grüße, plain text\n"))).toBe(true);
  });

  it("refuses bytes that are not the declared type", () => {
    expect(kindOf("image/png")?.matches(bytes("not a png at all"))).toBe(false);
    expect(kindOf("application/pdf")?.matches(bytes(0x89, "PNG"))).toBe(false);
    expect(kindOf("text/plain")?.matches(bytes("MZ", 0x90, 0, 3))).toBe(false);
    expect(kindOf("text/csv")?.matches(bytes(0xff, 0xfe, 0xfd))).toBe(false);
  });

  it("knows only the allowlist", () => {
    expect(kindOf("text/html")).toBeUndefined();
    expect(kindOf("image/svg+xml")).toBeUndefined();
    expect(kindOf("constructor")).toBeUndefined();
  });

  it("refuses names with folders or control characters", () => {
    expect(isPlainName("Kitchen plan v2.pdf")).toBe(true);
    for (const name of ["../etc/passwd", "plans/kitchen.pdf", "C:\\\\x.pdf", "a\nb.txt", ".."])
      expect(isPlainName(name), name).toBe(false);
  });
});
