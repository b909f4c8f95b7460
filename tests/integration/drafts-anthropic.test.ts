// A change order drafted through the real Anthropic SDK, against the local server speaking the
// Messages API: the model's markdown answer is read into the form's fields, and a citation of
// anything it was not given (an invented id, a message nobody chose) is dropped.
import { type FakeAnthropic, startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  bootStack,
  call,
  fakeAnthropicEnv,
  login,
  openSocket,
  type Person,
  type Stack,
} from "../support/stack";

let fake: FakeAnthropic;
let stack: Stack;
let team: Person;
let kitchen: string;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  stack = await bootStack({ env: fakeAnthropicEnv(fake) });
  team = await login(stack, "team@demo.rehome.local");
  kitchen = (await call(stack, "GET", "/api/projects", { token: team.token })).body.items[0].id;
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

const post = async (body: string) =>
  (await call(stack, "POST", `/api/projects/${kitchen}/messages`, { token: team.token, body: { body } })).body
    .id as string;

it("reads a real model's markdown change order into fields, keeping only citations of the chosen messages", async () => {
  const chosen = await post("Quartz upgrade is £1,200.50 more, and a week longer.");
  const other = await post("The skip comes Friday.");
  fake.script({
    kind: "answer",
    text: [
      "Here's a draft based on the messages:",
      "",
      "**Title:** Upgrade worktops to quartz",
      `**Description:** Replace the laminate worktops with quartz [message:${chosen}].`,
      `**Reason:** The client asked for it [message:${other}] [message:invented1].`,
      `**Cost:** £1,200.50 [message:${chosen}]`,
      "**Schedule:** 1 week",
    ].join("\n"),
  });
  const socket = await openSocket(stack, team.token);
  expect(await socket.subscribe(`private-users.${team.user.id}`)).toBe(true);
  const asked = await call(stack, "POST", `/api/projects/${kitchen}/drafts/change-order`, {
    token: team.token,
    body: { messageIds: [chosen] },
  });
  expect(asked.status).toBe(202);
  const ready = await socket.waitFor(
    (f) => f.event === "agent.draft.ready" && f.data.id === asked.body.draftId,
    15_000,
  );
  socket.close();
  expect(ready.data.status).toBe("written");
  expect(ready.data.changeOrder).toEqual({
    title: "Upgrade worktops to quartz",
    description: "Replace the laminate worktops with quartz.",
    reason: "The client asked for it.",
    costDelta: 120_050,
    scheduleDeltaDays: 7,
    costFound: true,
    scheduleFound: true,
  });
  expect(ready.data.citations).toEqual([`message:${chosen}`]);
});
