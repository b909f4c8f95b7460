// `rehome seed`: seeds the demo data into the running local stack (refused on other stages).
import { useLocalStack } from "../local";
import { ok } from "../output";

export async function seed() {
  await useLocalStack();
  const { Demo } = await import("@rehome/core/demo");
  const { seeded } = await Demo.seed();
  ok(seeded ? "demo data seeded" : "demo data already present; nothing written");
}
