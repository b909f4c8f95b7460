// The Hono environment shared by every route: the request id and the calling actor.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Actor } from "@rehome/core/actor";
import type { RequestIdVariables } from "hono/request-id";
import { validationError } from "./errors";

export type AppEnv = { Variables: RequestIdVariables & { actor: Actor } };

/** A router whose zod failures become the one 400 error shape. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationError });
