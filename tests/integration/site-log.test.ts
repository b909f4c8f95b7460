// The daily site log end to end: staff write one log per project per day (a second write edits
// it, two writers at once still make one), clients read the shared days only, photos are images
// of the project and never internal on a shared day, events are split by role, and the logs reach
// the assistant's context and the daily digests as each audience may read them.
import { handler as runSchedule } from "@rehome/functions/digest-schedule";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../packages/core/src/agent/context";
import { citationsOf } from "../../packages/core/src/agent/finish";
import { answerFor } from "../../packages/core/src/agent/providers/offline";
import { PNG, upload } from "../support/files";
import { bootStack, call, login, openSocket, type Person, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape } from "../support/world";

let stack: Stack;
let admin: Person;
let team: Person;
let consultant: Person;
let client: Person;
let kitchen: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: client.token })).body.items;
  kitchen = projects[0].id;
});
afterAll(() => stack?.stop());

const write = (person: Person, date: string, body: Record<string, unknown>, projectId = kitchen) =>
  call(stack, "PUT", `/api/projects/${projectId}/site-log/${date}`, { token: person.token, body });
const days = async (person: Person, projectId = kitchen) =>
  (await call(stack, "GET", `/api/projects/${projectId}/site-log?limit=100`, { token: person.token })).body
    .items as { id: string; date: string; workDone: string; photos: { id: string }[] }[];
const PDF = new TextEncoder().encode("%PDF-1.7\n%plan\n");
const photo = async (name: string, clientVisible: boolean, contentType = "image/png") => {
  const bytes = contentType === "image/png" ? PNG : PDF;
  const done = await upload(stack, team.token, kitchen, { name, contentType, bytes, clientVisible });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body.id as string;
};

describe("the daily site log", () => {
  it("staff write the day's log, and a second write for the same day edits that log", async () => {
    const first = await write(team, today, {
      weather: "Dry, 14°C",
      crew: ["Tom Team", "Sam the plumber"],
      workDone: "First fix plumbing to the island",
      clientVisible: true,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      date: today,
      crew: ["Tom Team", "Sam the plumber"],
      delayCause: null,
    });

    const second = await write(admin, today, {
      delays: "Waited two hours for the waste pipe",
      delayCause: "materials",
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      id: first.body.id,
      weather: "Dry, 14°C",
      workDone: "First fix plumbing to the island",
      delays: "Waited two hours for the waste pipe",
      delayCause: "materials",
      clientVisible: true,
      createdBy: team.user.id,
      updatedByName: "Ada Admin",
    });
    expect((await days(team)).filter((d) => d.date === today)).toHaveLength(1);
    const read = await call(stack, "GET", `/api/projects/${kitchen}/site-log/${today}`, {
      token: client.token,
    });
    expect(read.body.delays).toBe("Waited two hours for the waste pipe");
  });

  it("two writers of the same day at once make one log, each write landing on it", async () => {
    const date = day(-20);
    const answers = await Promise.all([
      write(team, date, { weather: "Showers" }),
      write(admin, date, { workDone: "Skip swapped" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]?.body.id).toBe(answers[1]?.body.id);
    const logs = (await days(team)).filter((d) => d.date === date);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ weather: "Showers", workDone: "Skip swapped" });
  });

  it("a client reads the shared days only; an internal day is not found for them", async () => {
    const shared = await write(team, day(-21), { workDone: "Cabinets hung", clientVisible: true });
    const internal = await write(team, day(-22), {
      workDone: "Snagging list for the crew",
      clientVisible: false,
    });
    const seen = (await days(client)).map((d) => d.id);
    expect(seen).toContain(shared.body.id);
    expect(seen).not.toContain(internal.body.id);
    expect((await days(consultant)).map((d) => d.id)).toContain(internal.body.id);
    const read = await call(stack, "GET", `/api/projects/${kitchen}/site-log/${day(-22)}`, {
      token: client.token,
    });
    expect(read.status).toBe(404);
    // Newest day first.
    const dates = (await days(team)).map((d) => d.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("shows an image of the project, and refuses an internal photo on a shared day and a non-image, storing nothing", async () => {
    const shown = await photo("island.png", true);
    const internalPhoto = await photo("crack.png", false);
    const plan = await photo("plan.pdf", true, "application/pdf");
    const date = day(-23);
    const ok = await write(team, date, { workDone: "Island framed", photos: [shown], clientVisible: true });
    expect(ok.body.photos).toEqual([
      { id: shown, name: "island.png", contentType: "image/png", size: PNG.length, clientVisible: true },
    ]);
    expect((await days(client)).find((d) => d.date === date)?.photos.map((p) => p.id)).toEqual([shown]);

    const before = await snapshot();
    for (const [day_, body, code] of [
      [date, { photos: [shown, internalPhoto] }, "site_log.internal_photo"],
      [date, { photos: [plan] }, "site_log.photo_invalid"],
      [date, { photos: ["no-such-file"] }, "site_log.photo_invalid"],
      [
        day(-24),
        { workDone: "Fresh day", photos: [internalPhoto], clientVisible: true },
        "site_log.internal_photo",
      ],
    ] as const) {
      const refused = await write(team, day_, body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.error.code).toBe(code);
    }
    expect(changes(before, await snapshot()), "refused writes stored nothing").toEqual([]);
    // Sharing an internal day that carries an internal photo is refused the same way.
    await write(team, day(-25), { photos: [internalPhoto], clientVisible: false });
    const before2 = await snapshot();
    expect((await write(team, day(-25), { clientVisible: true })).body.error.code).toBe(
      "site_log.internal_photo",
    );
    expect(changes(before2, await snapshot())).toEqual([]);
    expect(changes(before, before2).length).toBeGreaterThan(0);
  });

  it("an edit that sends no photos drops a photo deleted since, while sending a deleted photo is still refused", async () => {
    const kept = await photo("kept.png", true);
    const gone = await photo("gone.png", true);
    const date = day(-29);
    expect((await write(team, date, { workDone: "Tiling", photos: [kept, gone] })).status).toBe(200);
    const deleted = await call(stack, "DELETE", `/api/projects/${kitchen}/files/${gone}`, {
      token: team.token,
    });
    expect(deleted.status).toBe(204);

    const edited = await write(team, date, { weather: "Rain" });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ weather: "Rain", workDone: "Tiling" });
    expect(edited.body.photos.map((p: { id: string }) => p.id)).toEqual([kept]);
    expect((await days(team)).find((d) => d.date === date)?.photos.map((p) => p.id)).toEqual([kept]);

    const before = await snapshot();
    const refused = await write(team, date, { photos: [kept, gone] });
    expect(refused.status).toBe(422);
    expect(isErrorShape(refused.body)).toBe(true);
    expect(refused.body.error).toMatchObject({
      code: "site_log.photo_invalid",
      details: { fileIds: [gone] },
    });
    expect(changes(before, await snapshot())).toEqual([]);
  });

  it("an edit at the same time as a change of photos or visibility undoes neither", async () => {
    const shot = await photo("beam.png", true);
    const dates = [-30, -31, -32, -33, -34, -35].map(day);
    for (const date of dates) await write(team, date, { workDone: "Steel beam in", clientVisible: true });
    await Promise.all(
      dates.flatMap((date) => [
        write(team, date, { weather: "Windy" }),
        write(admin, date, { clientVisible: false }),
        write(team, date, { photos: [shot] }),
        write(admin, date, { crew: ["Bo the welder"] }),
      ]),
    );
    const logs = (await days(team)).filter((d) => dates.includes(d.date));
    expect(logs).toHaveLength(dates.length);
    for (const log of logs)
      expect(log).toMatchObject({
        weather: "Windy",
        crew: ["Bo the welder"],
        clientVisible: false,
        photos: [expect.objectContaining({ id: shot })],
      });
  });

  it("a client may not write (403); another workspace and a person not on the project get 404", async () => {
    const refused = await write(client, today, { workDone: "I was here" });
    expect(refused.status).toBe(403);
    expect(isErrorShape(refused.body)).toBe(true);
    expect((await write(consultant, today, { workDone: "Walked the site" })).status).toBe(403);
    // A day is named by its date: the refusal must read the same whether that day holds an
    // internal log, a shared one or none, or a client could find the internal days by writing.
    const internalDay = day(-27);
    expect((await write(team, internalDay, { workDone: "Snagging", clientVisible: false })).status).toBe(200);
    for (const person of [client, consultant]) {
      const refusals = [];
      for (const date of [internalDay, today, day(-28)])
        refusals.push((await write(person, date, { workDone: "Probe" })).body);
      expect(
        new Set(refusals.map(({ error }) => JSON.stringify({ ...error, requestId: undefined }))).size,
      ).toBe(1);
      expect(refusals[0].error.code).toBe("permission.denied");
    }
    const northwind = await login(stack, "admin@northwind.rehome.local");
    expect((await write(northwind, today, { workDone: "Not ours" })).status).toBe(404);
    const annex = await call(stack, "POST", "/api/projects", { token: admin.token, body: { name: "Annex" } });
    expect((await write(team, today, { workDone: "Not assigned" }, annex.body.id)).status).toBe(404);
    expect(
      (await call(stack, "GET", `/api/projects/${annex.body.id}/site-log`, { token: team.token })).status,
    ).toBe(404);
    expect((await write(admin, "2026-02-30", { workDone: "No such day" })).status).toBe(400);
    expect((await write(admin, day(5), { workDone: "Not yet" })).body.error?.code).toBe(
      "site_log.future_date",
    );
  });

  it("tells staff of an internal day, and a client only once it is shared, and when it is made internal again", async () => {
    const [staffSocket, clientSocket] = await Promise.all([
      openSocket(stack, team.token),
      openSocket(stack, client.token),
    ]);
    for (const socket of [staffSocket, clientSocket])
      expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
    const date = day(-26);
    const created = await write(admin, date, { workDone: "Internal walk-through", clientVisible: false });
    await staffSocket.waitFor((f) => f.event === "sitelog.created" && f.data.id === created.body.id);
    await write(admin, date, { clientVisible: true });
    const shown = await clientSocket.waitFor(
      (f) => f.event === "sitelog.shown" && f.data.id === created.body.id,
    );
    expect(shown.data.workDone).toBe("Internal walk-through");
    await staffSocket.waitFor((f) => f.event === "sitelog.updated" && f.data.clientVisible === true);
    await write(admin, date, { clientVisible: false });
    await clientSocket.waitFor((f) => f.event === "sitelog.hidden" && f.data.id === created.body.id);
    await staffSocket.waitFor((f) => f.event === "sitelog.updated" && f.data.clientVisible === false);
    expect(
      clientSocket.frames.filter((f) => f.event === "sitelog.created" || f.event === "sitelog.updated"),
      "a client hears no internal day's created or updated",
    ).toEqual([]);
    staffSocket.close();
    clientSocket.close();
  });

  it("feeds the assistant's context by audience, and the offline answer cites the day's log", async () => {
    const shared = await write(team, day(-1), { workDone: "Grouted the splashback" });
    const internal = await write(team, day(-2), {
      workDone: "Crew argued about the skip",
      clientVisible: false,
    });
    const workspaceId = admin.user.workspaceId;
    const forStaff = await build({ type: "system", workspaceId, audience: "admin" }, kitchen);
    const forClients = await build({ type: "system", workspaceId, audience: "client" }, kitchen);
    expect(forStaff.used).toEqual(
      expect.arrayContaining([`sitelog:${shared.body.id}`, `sitelog:${internal.body.id}`]),
    );
    expect(forClients.used).toContain(`sitelog:${shared.body.id}`);
    expect(forClients.used).not.toContain(`sitelog:${internal.body.id}`);
    expect(JSON.stringify(forClients)).not.toContain("Crew argued");

    const answer = answerFor("What happened on site yesterday?", forClients);
    expect(answer).toContain("Grouted the splashback");
    expect(citationsOf(answer, forClients).citations).toEqual([`sitelog:${shared.body.id}`]);
    expect(answerFor("What happened on site today?", forStaff)).toContain("First fix plumbing");
  });

  it("puts the whole day's log in the staff digest and only shared days in the clients' digest", async () => {
    // Today's kitchen log is shared (the first test); an annex with a client gets an internal one.
    const annex = (
      await call(stack, "POST", "/api/projects", { token: admin.token, body: { name: "Garden room" } })
    ).body.id;
    for (const person of [team, client])
      await call(stack, "PUT", `/api/projects/${annex}/assignments/${person.user.id}`, {
        token: admin.token,
        body: { role: person === team ? "team" : "client" },
      });
    await write(
      team,
      today,
      { workDone: "Footings poured for the garden room", clientVisible: false },
      annex,
    );

    await runSchedule({ source: "test", "detail-type": "digest", detail: { kind: "daily" } });
    const digest = async (person: Person, projectId: string) => {
      for (let tries = 0; tries < 100; tries++) {
        const { body } = await call(stack, "GET", `/api/projects/${projectId}/summaries`, {
          token: person.token,
        });
        const daily = body.items?.find((s: { kind: string }) => s.kind === "daily");
        if (daily) return daily.content as string;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error("no daily digest");
    };
    expect(await digest(client, kitchen)).toContain("First fix plumbing");
    expect(await digest(team, kitchen)).toContain("First fix plumbing");
    expect(await digest(team, annex)).toContain("Footings poured");
    expect(await digest(client, annex)).not.toContain("Footings poured");
  });
});
