import { describe, expect, it } from "vitest";
import { mentionsIn } from "./mentions";

const people = [
  { id: "tom", name: "Tom Team", email: "team@demo.rehome.local" },
  { id: "cora", name: "Cora Consultant", email: "consultant@demo.rehome.local" },
  { id: "tina", name: "Tina Team", email: "tina@demo.rehome.local" },
  { id: "tom2", name: "Tom Tiler", email: "tiler@demo.rehome.local" },
];

describe("mentions", () => {
  it("finds people by full name, email and unique first name, each once", () => {
    expect(mentionsIn("@Cora can you check? cc @team@demo.rehome.local and @cora", people)).toEqual([
      "cora",
      "tom",
    ]);
  });

  it("prefers the longest name and ignores an ambiguous first name", () => {
    expect(mentionsIn("@Tom Tiler please, not @Tom", people)).toEqual(["tom2"]);
    expect(mentionsIn("@tina team, meet @tom team.", people)).toEqual(["tina", "tom"]);
  });

  it("does not read email addresses or partial words as mentions", () => {
    expect(mentionsIn("mail bob@cora.example or @Corals", people)).toEqual([]);
  });
});
