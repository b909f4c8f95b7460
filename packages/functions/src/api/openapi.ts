// Helpers that keep route declarations short: the JSON body, JSON responses and the error
// responses every route can give, all from the zod schemas in core.
import * as z from "zod";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const error = (description: string) => json(ErrorSchema, description);

/** The error responses of an authenticated route. */
export const errors = {
  400: error("Invalid input"),
  401: error("Not signed in"),
  403: error("Not allowed"),
  404: error("Not found, or not visible to you"),
  429: error("Rate limited"),
} as const;

export const page = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const Cursor = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export { Id } from "@rehome/core/util";

export const bearer = [{ bearer: [] }];
