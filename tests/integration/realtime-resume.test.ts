// The socket's `resume {channel, messageId, afterSeq}`: a client that missed deltas gets the
// answer's stored checkpoint over its own connection, only when it is news, and only for an
// answer the thread's access rule lets the connection's person read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bootStack,
  call,
  type Frame,
  login,
  openSocket,
  type Person,
  projectThread,
  type Socket,
  type Stack,
} from "../support/stack";

let stack: Stack;
let team: Person;
let answer: { threadId: string; messageId: string; questionId: string; lastSeq: number; content: string };
let other: { threadId: string; messageId: string };
let hidden: { threadId: string; messageId: string };

const channelOf = (threadId: string) => `private-agent-threads.${threadId}`;

/** Asks on a new thread of `projectId` and waits for the stored, completed answer. */
async function answered(token: string, projectId: string) {
  const thread = await projectThread(stack, token, projectId);
  const asked = await thread.ask();
  if (asked.status !== 202) throw new Error(`ask: ${asked.status}`);
  const stored = async () =>
    (await thread.messages()).find((m: { id: string }) => m.id === asked.body.assistantMessage.id);
  for (let waited = 0; (await stored())?.status !== "completed"; waited += 100) {
    if (waited > 20_000) throw new Error("the answer did not complete");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { lastSeq, content } = await stored();
  return {
    threadId: thread.id,
    messageId: asked.body.assistantMessage.id as string,
    questionId: asked.body.userMessage.id as string,
    lastSeq: lastSeq as number,
    content: content as string,
  };
}

/** Sends a resume and returns every reply to it: a ping's pong follows them, frames being handled in order. */
async function resume(socket: Socket, frame: { channel: string; messageId: string; afterSeq: number }) {
  const from = socket.frames.length;
  socket.socket.send(JSON.stringify({ action: "resume", ...frame }));
  socket.socket.send(JSON.stringify({ action: "ping" }));
  const pong = await socket.waitFor((f) => f.event === "pong" && socket.frames.indexOf(f) >= from);
  return socket.frames.slice(from, socket.frames.indexOf(pong)) as Frame[];
}

beforeAll(async () => {
  stack = await bootStack();
  team = await login(stack, "team@demo.rehome.local");
  const client = await login(stack, "client@demo.rehome.local");
  const projects = async (token: string) =>
    (await call(stack, "GET", "/api/projects", { token })).body.items.map(
      (p: { id: string }) => p.id,
    ) as string[];
  const [teamProjects, clientProjects] = [await projects(team.token), await projects(client.token)];
  const shared = teamProjects.find((id) => clientProjects.includes(id)) as string;
  const notTheClients = teamProjects.find((id) => !clientProjects.includes(id)) as string;
  answer = await answered(team.token, shared);
  other = await answered(team.token, shared);
  hidden = await answered(team.token, notTheClients);
}, 60_000);
afterAll(() => stack?.stop());

describe("resume over the socket", () => {
  it("answers with the stored checkpoint past the client's seq, and says nothing when it has it all", async () => {
    const socket = await openSocket(stack, team.token);
    const channel = channelOf(answer.threadId);
    const [checkpoint, ...more] = await resume(socket, { channel, messageId: answer.messageId, afterSeq: 0 });
    expect(more).toEqual([]);
    expect(checkpoint).toMatchObject({
      channel,
      event: "agent.message.checkpoint",
      data: {
        threadId: answer.threadId,
        messageId: answer.messageId,
        seq: answer.lastSeq,
        content: answer.content,
        done: true,
      },
    });
    expect(await resume(socket, { channel, messageId: answer.messageId, afterSeq: answer.lastSeq })).toEqual(
      [],
    );
    socket.close();
  });

  it("finds nothing another workspace, an unassigned participant or a mismatched frame asks for", async () => {
    const notFound = [{ event: "error", data: { code: "not_found" } }];
    const northwind = await openSocket(stack, (await login(stack, "admin@northwind.rehome.local")).token);
    const client = await openSocket(stack, (await login(stack, "client@demo.rehome.local")).token);
    const own = await openSocket(stack, team.token);
    const asks: [Socket, { channel: string; messageId: string; afterSeq: number }][] = [
      [northwind, { channel: channelOf(answer.threadId), messageId: answer.messageId, afterSeq: 0 }],
      [client, { channel: channelOf(hidden.threadId), messageId: hidden.messageId, afterSeq: 0 }],
      // The message of another thread, named on this thread's channel.
      [own, { channel: channelOf(answer.threadId), messageId: other.messageId, afterSeq: 0 }],
      // A question is not an answer; a project channel holds no answers.
      [own, { channel: channelOf(answer.threadId), messageId: answer.questionId, afterSeq: 0 }],
      [own, { channel: `private-projects.${answer.threadId}`, messageId: answer.messageId, afterSeq: 0 }],
    ];
    for (const [socket, frame] of asks)
      expect(await resume(socket, frame), JSON.stringify(frame)).toMatchObject(notFound);
    for (const socket of [northwind, client, own]) socket.close();
  });
});
