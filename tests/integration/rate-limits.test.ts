// The edge's general rate limits on a stack with tiny budgets: per bearer token, per client
// address when signed out or when a bearer token fails, and a tighter one on endpoints that take
// credentials. Each refusal is a 429 in the one error shape with Retry-After; other tokens and
// addresses are unaffected.
import type { Stack } from "@rehome/local/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call } from "../support/stack";
import { isErrorShape } from "../support/world";

const limits = { token: 5, ip: 4, credentials: 3 };
let stack: Stack;

beforeAll(async () => {
  stack = await bootStack({
    worker: false,
    env: {
      RATE_LIMIT_TOKEN_PER_MINUTE: String(limits.token),
      RATE_LIMIT_IP_PER_MINUTE: String(limits.ip),
      RATE_LIMIT_AUTH_PER_MINUTE: String(limits.credentials),
    },
  });
});
afterAll(() => stack?.stop());

/** The limits count per clock minute: start a burst with time to spare in the current one. */
async function freshMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** Sends `count` requests one after another; the statuses, and the last answer. */
async function burst(count: number, send: () => ReturnType<typeof call>) {
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof call>> | undefined;
  for (let i = 0; i < count; i++) {
    last = await send();
    statuses.push(last.status);
  }
  return { statuses, last: last as Awaited<ReturnType<typeof call>> };
}

const expectRetryAfter = (answer: Awaited<ReturnType<typeof call>>) => {
  expect(isErrorShape(answer.body)).toBe(true);
  expect(answer.body.error.code).toBe("rate_limited");
  const seconds = Number(answer.headers.get("retry-after"));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
};

describe("rate limits", () => {
  it("counts per token: one token's burst is refused with Retry-After, another token goes on", async () => {
    const from = (ip: string) => ({ "X-Forwarded-For": ip });
    const [busy, calm] = [
      await call(stack, "POST", "/api/login", {
        body: { email: "team@demo.rehome.local", password: "rehome-demo" },
        headers: from("198.51.100.1"),
      }),
      await call(stack, "POST", "/api/login", {
        body: { email: "client@demo.rehome.local", password: "rehome-demo" },
        headers: from("198.51.100.2"),
      }),
    ].map((answer) => answer.body.token as string);
    await freshMinute();
    const { statuses, last } = await burst(limits.token + 1, () =>
      call(stack, "GET", "/api/me", { token: busy }),
    );
    expect(statuses).toEqual([...Array(limits.token).fill(200), 429]);
    expectRetryAfter(last);
    expect((await call(stack, "GET", "/api/me", { token: calm })).status).toBe(200);
  });

  it("counts per address when signed out, and credential endpoints more tightly", async () => {
    await freshMinute();
    const anonymous = await burst(limits.ip + 1, () =>
      call(stack, "GET", "/api/openapi.json", { headers: { "X-Forwarded-For": "203.0.113.10" } }),
    );
    expect(anonymous.statuses).toEqual([...Array(limits.ip).fill(200), 429]);
    expectRetryAfter(anonymous.last);
    const elsewhere = await call(stack, "GET", "/api/openapi.json", {
      headers: { "X-Forwarded-For": "203.0.113.11" },
    });
    expect(elsewhere.status).toBe(200);

    const guesses = await burst(limits.credentials + 1, () =>
      call(stack, "POST", "/api/login", {
        body: { email: "admin@demo.rehome.local", password: "not-the-password" },
        headers: { "X-Forwarded-For": "203.0.113.12" },
      }),
    );
    expect(guesses.statuses).toEqual([...Array(limits.credentials).fill(401), 429]);
    expectRetryAfter(guesses.last);
  });

  it("counts a bearer token that fails against its address: bad tokens get 429, good ones and other addresses go on", async () => {
    const from = (ip: string) => ({ "X-Forwarded-For": ip });
    const valid = (
      await call(stack, "POST", "/api/login", {
        body: { email: "consultant@demo.rehome.local", password: "rehome-demo" },
        headers: from("198.51.100.3"),
      })
    ).body.token as string;
    await freshMinute();
    const bogus = await burst(limits.ip + 1, () =>
      call(stack, "GET", "/api/me", { token: "bogus-id.bogus-secret", headers: from("203.0.113.20") }),
    );
    expect(bogus.statuses).toEqual([...Array(limits.ip).fill(401), 429]);
    expectRetryAfter(bogus.last);
    const elsewhere = await call(stack, "GET", "/api/me", {
      token: "bogus-id.bogus-secret",
      headers: from("203.0.113.21"),
    });
    expect(elsewhere.status).toBe(401);
    // A valid token from the refused address is counted per token only: its whole budget is left.
    const signedIn = await burst(limits.token, () =>
      call(stack, "GET", "/api/me", { token: valid, headers: from("203.0.113.20") }),
    );
    expect(signedIn.statuses).toEqual(Array(limits.token).fill(200));
  });
});
