// Access pattern: get-and-increment the counter of one rate window (TTL item, Realtime table).
import { Entity } from "electrodb";
import { realtimeTable, service } from "../db";
import { once } from "../util";

export const RateWindowEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "rateWindow", version: "1", service },
        attributes: {
          key: { type: "string", required: true },
          windowStart: { type: "number", required: true },
          count: { type: "number", default: 0 },
          expiresAt: { type: "number", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["key", "windowStart"] },
            sk: { field: "sk", composite: [] },
          },
        },
      },
      realtimeTable(),
    ),
);
