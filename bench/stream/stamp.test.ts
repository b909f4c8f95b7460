import { describe, expect, it } from "vitest";
import { emittedAt, stampToken } from "./stamp";

describe("token stamps", () => {
  const epoch = 1_800_000_000_000;

  it("tell a reader when each token of a delta was emitted", () => {
    const delta = [epoch + 5, epoch + 17, epoch + 1_234_567].map((at) => stampToken(epoch, at)).join("");
    expect(emittedAt(epoch, delta)).toEqual([epoch + 5, epoch + 17, epoch + 1_234_567]);
  });

  it("are a space and four characters, about the size of a real token", () => {
    expect(stampToken(epoch, epoch + 90_000)).toMatch(/^ [0-9a-z]{4}$/);
  });
});
