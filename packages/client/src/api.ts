// The typed HTTP client of the ReHome API, one method per endpoint, for the SPA, the CLI and
// tests; grouped by area in endpoints/. Types are inferred from core's zod schemas.
import { agent } from "./endpoints/agent";
import { calendar } from "./endpoints/calendar";
import { changeOrders } from "./endpoints/change-orders";
import { people } from "./endpoints/people";
import { projects } from "./endpoints/projects";
import { siteLog } from "./endpoints/site-log";
import { workspace } from "./endpoints/workspace";
import { createTransport, type TransportOptions } from "./http";

export type ClientOptions = TransportOptions;

export function createClient(options: ClientOptions) {
  const request = createTransport(options);
  return {
    ...people(request),
    ...projects(request),
    ...changeOrders(request),
    ...calendar(request),
    ...siteLog(request),
    ...agent(request),
    ...workspace(request),
  };
}

export type Client = ReturnType<typeof createClient>;
