// Every entity's model passes ElectroDB's own check here, with its JSON schema: the deploy bundles
// skip that check (infra/bundle.ts), trusting the models these tests built.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Entity } from "electrodb";
import { beforeAll, expect, it } from "vitest";
import { provide } from "../config";
import { WIRING } from "../testing/wiring";

const SOURCE = join(import.meta.dirname, "..");

/** Source files of core that build an entity, with how many they build. */
async function entityModules() {
  const files = (await readdir(SOURCE, { recursive: true })).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  );
  const modules: { file: string; built: number }[] = [];
  for (const file of files) {
    const built = ((await readFile(join(SOURCE, file), "utf8")).match(/\bnew Entity\(/g) ?? []).length;
    if (built > 0) modules.push({ file, built });
  }
  return modules;
}

beforeAll(() => provide(WIRING));

it("builds every entity of core, each model checked by ElectroDB", async () => {
  const modules = await entityModules();
  expect(modules.length).toBeGreaterThan(10);
  for (const { file, built } of modules) {
    const exported = (await import(join(SOURCE, file))) as Record<string, unknown>;
    const entities = Object.entries(exported)
      .filter(([name, value]) => name.endsWith("Entity") && typeof value === "function")
      .map(([, make]) => (make as () => unknown)());
    expect(entities.filter((entity) => entity instanceof Entity).length, `entities exported by ${file}`).toBe(
      built,
    );
  }
});

it("runs ElectroDB's schema check here: a model it does not allow is refused", () => {
  const model = {
    model: { entity: "broken", version: "1", service: "rehome" },
    attributes: { id: { type: "string", required: "yes" } },
    indexes: { primary: { pk: { field: "pk", composite: ["id"] } } },
  };
  expect(() => new Entity(model as never, { table: WIRING.DATA_TABLE })).toThrow(
    /attributes\.id\.required is not of a type/,
  );
});
