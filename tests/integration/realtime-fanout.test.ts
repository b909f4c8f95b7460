// Fan-out: 500 sockets on one project channel hear one event. Prints the time from publish to
// the last receipt and how many PostToConnection calls it took (one per socket, no more).
// No timing assert: this machine is shared; the numbers are for the reader and for bench/.
import { connections } from "@rehome/core/aws/clients";
import { event } from "@rehome/core/event";
import { Realtime } from "@rehome/core/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as z from "zod";
import { bootStack, call, login, type Stack } from "../support/stack";

const SOCKETS = 500;
/** Sockets opened and subscribed at a time while setting up. */
const SETUP_CONCURRENCY = 25;
const Probe = event("test.fanout", z.object({ sentAt: z.number() }));

let stack: Stack;
let channel: string;
const sockets: WebSocket[] = [];

/** Runs `task` for 0..count-1, `limit` at a time. */
async function pool(count: number, limit: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Opens a socket with a ticket. */
async function connected(ticket: string) {
  const socket = new WebSocket(`${stack.wsUrl}?ticket=${encodeURIComponent(ticket)}`);
  sockets.push(socket);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  return socket;
}

/** Subscribes a socket to the channel; resolves once the server confirmed it. */
async function subscribe(socket: WebSocket) {
  const confirmed = new Promise<void>((resolve, reject) =>
    socket.on("message", (raw) => {
      const { event: name } = JSON.parse(String(raw));
      if (name === "subscription.succeeded") resolve();
      if (name === "subscription.error") reject(new Error("subscription refused"));
    }),
  );
  socket.send(JSON.stringify({ action: "subscribe", channel }));
  await confirmed;
}

let posts = 0;

beforeAll(async () => {
  stack = await bootStack();
  // Before any socket connects: the @connections client resolves its middleware once, at its
  // first post, and ignores middleware added later.
  (await connections()).client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "PostToConnectionCommand") posts++;
      return next(args);
    },
    { step: "initialize", name: "countPostsForTheFanOutTest" },
  );
  const people = await Promise.all(
    ["admin@demo.rehome.local", "team@demo.rehome.local", "consultant@demo.rehome.local"].map((e) =>
      login(stack, e),
    ),
  );
  const projects = (await call(stack, "GET", "/api/projects", { token: people[0]?.token })).body.items;
  channel = `private-projects.${projects.find((p: { name: string }) => p.name.startsWith("Loft")).id}`;
  let started = performance.now();
  const tickets: string[] = [];
  await pool(SOCKETS, SETUP_CONCURRENCY, async (i) => {
    const { user, token } = people[i % people.length] as (typeof people)[number];
    const actor = {
      type: "user" as const,
      userId: user.id,
      workspaceId: user.workspaceId,
      role: "team" as const,
      // A socket rests on the token its ticket was minted with: the id half of `<id>.<secret>`.
      tokenId: token.split(".")[0],
    };
    tickets[i] = (await Realtime.issueTicket(actor)).ticket;
  });
  console.log(`fan-out setup: ${SOCKETS} tickets in ${ms(started)}`);
  started = performance.now();
  await pool(SOCKETS, SETUP_CONCURRENCY, async (i) => void (await connected(tickets[i] ?? "")));
  console.log(`fan-out setup: ${SOCKETS} sockets connected in ${ms(started)}`);
  started = performance.now();
  await pool(SOCKETS, SETUP_CONCURRENCY, (i) => subscribe(sockets[i] as WebSocket));
  console.log(`fan-out setup: ${SOCKETS} sockets subscribed in ${ms(started)}`);
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await stack?.stop();
});

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

describe("fan-out", () => {
  it(`${SOCKETS} sockets on one channel each hear one event once`, async () => {
    posts = 0;
    const heard: number[] = [];
    for (const socket of sockets)
      socket.on("message", (raw) => {
        if (JSON.parse(String(raw)).event === Probe.name) heard.push(performance.now());
      });

    const published = performance.now();
    const delivery = await Realtime.publish(channel, Probe, { sentAt: Date.now() });
    const returned = performance.now();
    await expect.poll(() => heard.length, { timeout: 15_000 }).toBe(SOCKETS);
    const last = Math.max(...heard);

    console.log(
      [
        `fan-out: ${SOCKETS} sockets on ${channel}`,
        `  publish to last receipt: ${Math.round(last - published)} ms (publish() returned after ${Math.round(returned - published)} ms)`,
        `  PostToConnection calls:  ${posts} (sent ${delivery.sent}, gone ${delivery.gone.length}, failed ${delivery.failed})`,
      ].join("\n"),
    );
    expect(delivery.sent).toBe(SOCKETS);
    expect(posts).toBe(SOCKETS);
  });
});
