import { describe, expect, it } from "vitest";
import { ago, BIG_BUDGET, message, NOW, readable, reader, siteLog, task } from "../agent/context/fixtures";
import { select } from "../agent/context/select";
import { answerFor } from "../agent/providers/offline";
import { CLIENT_UPDATE_PROMPT, chosenOnly, todayOnly } from "./prompts";

const tiled = siteLog({ workDone: "Splashback tiled; grout tomorrow.", weather: "Dry, 14°C" });
const lastWeek = siteLog({ date: ago(6).slice(0, 10), workDone: "Old cabinets out." });
const note = message({ body: "The tiler comes back on Monday.", createdAt: ago(0.2) });
const moved = task({ title: "Tiling", status: "in_progress", createdAt: ago(0.1) });

const context = select(
  readable({ tasks: [moved], messages: [note], siteLogs: [tiled, lastWeek] }),
  reader(),
  BIG_BUDGET,
  NOW,
);

describe("what each draft may rely on", () => {
  it("a client update reads today's site log beside today's tasks and messages, and cites it", () => {
    const today = todayOnly(context);
    expect(today.used).toEqual([`sitelog:${tiled.id}`, `task:${moved.id}`, `message:${note.id}`]);
    const update = answerFor(CLIENT_UPDATE_PROMPT, today);
    expect(update).toContain(
      `- On site: “Splashback tiled; grout tomorrow.” (weather: Dry, 14°C). [sitelog:${tiled.id}]`,
    );
    expect(update).not.toContain(lastWeek.id);
  });

  it("a change order drafted from messages relies on the chosen messages alone, no site log", () => {
    const chosen = chosenOnly(context, [note.id]);
    expect(chosen.siteLogs).toEqual([]);
    expect(chosen.used).toEqual([`message:${note.id}`]);
  });
});
