// Maps everything thrown in a request to the one JSON error shape. Only VisibleErrors keep
// their message; anything else is logged with the request id and answered with a generic 500.
import type { Hook } from "@hono/zod-openapi";
import { type ErrorBody, type ErrorStatus, VisibleError } from "@rehome/core/error";
import { logger } from "@rehome/core/log";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";

export function errorResponse(c: Context, error: unknown): Response {
  const requestId = c.get("requestId") ?? "unknown";
  const visible = toVisible(error);
  if (!visible) {
    logger().error("unhandled error", { requestId, path: c.req.path, error: error as Error });
    return c.json<ErrorBody>(
      { error: { code: "internal", message: "Something went wrong on our side. Try again.", requestId } },
      500,
    );
  }
  if (visible.retryAfter !== undefined) c.header("Retry-After", String(visible.retryAfter));
  const body: ErrorBody = { error: { code: visible.code, message: visible.message, requestId } };
  if (visible.details !== undefined) body.error.details = visible.details;
  return c.json(body, visible.status);
}

function toVisible(error: unknown): VisibleError | undefined {
  if (error instanceof VisibleError) return error;
  if (error instanceof ZodError) return invalid(error);
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new VisibleError("payload_too_large", "The request body is too large.", 413);
    if (error.status === 400)
      return new VisibleError("bad_request", error.message || "Malformed request.", 400);
    if (error.status === 401) return new VisibleError("unauthorized", "Sign in to continue.", 401);
    return new VisibleError("http_error", error.message, error.status as ErrorStatus);
  }
  return undefined;
}

const invalid = (error: ZodError) =>
  new VisibleError(
    "validation_failed",
    "Some fields are missing or invalid.",
    400,
    error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })),
  );

/** zod-openapi's hook for request validation failures. */
export const validationError: Hook<any, any, any, any> = (result, c) => {
  if (!result.success) return errorResponse(c, invalid(result.error as ZodError));
};
