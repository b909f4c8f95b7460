import { describe, expect, it } from "vitest";
import { Transcript } from "./transcript";

describe("Transcript", () => {
  it("keeps every piece in order across joins, after what it started with", () => {
    const transcript = new Transcript("Earlier: ");
    const pieces = Array.from({ length: 100 }, (_, i) => `t${i} `);
    for (const piece of pieces) transcript.append(piece);
    expect(transcript.toString()).toBe(`Earlier: ${pieces.join("")}`);
    transcript.append("end");
    expect(transcript.toString()).toBe(`Earlier: ${pieces.join("")}end`);
  });

  it("starts empty", () => {
    expect(new Transcript().toString()).toBe("");
  });
});
