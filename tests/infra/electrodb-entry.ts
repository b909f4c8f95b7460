// Built with the deploy bundler by bundles.test.ts: two entities and a service over them, as core
// builds them, printing what ElectroDB made of them (the key of one item, the service's entities).
import { Entity, Service } from "electrodb";

const model = (entity: string) =>
  ({
    model: { entity, version: "1", service: "rehome" },
    attributes: { id: { type: "string", required: true }, name: { type: "string" } },
    indexes: { primary: { pk: { field: "pk", composite: ["id"] }, sk: { field: "sk", composite: [] } } },
  }) as const;

const first = new Entity(model("first"), { table: "data" });
const second = new Entity(model("second"), { table: "data" });
const service = new Service({ first, second });

console.log(
  JSON.stringify({
    key: first.get({ id: "item" }).params().Key,
    entities: Object.keys(service.entities),
  }),
);
