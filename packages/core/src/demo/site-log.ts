// The demo kitchen's last few days on site: shared days the client follows on the timeline, and
// one internal day (a crew matter clients do not read). Written through the use case as the team.
import type { UserActor } from "../actor";
import { SiteLog } from "../site-log";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedSiteLog(projectId: string, team: UserActor) {
  const days: [number, Parameters<typeof SiteLog.write>[3]][] = [
    [
      -3,
      {
        weather: "Overcast, 11°C",
        crew: ["Tom Team", "Sam Price (plumber)", "Ray Okafor (electrician)"],
        workDone:
          "Stripped out the old units and worktops; capped the old sink supply; first fix wiring for the island.",
        clientVisible: true,
      },
    ],
    [
      -2,
      {
        weather: "Heavy rain, 9°C",
        crew: ["Tom Team", "Sam Price (plumber)"],
        workDone: "Skip swap; crew briefed on dust sheets after the hallway carpet was marked.",
        delays: "Skip lorry two hours late; the waste run could not start until it left.",
        delayCause: "materials",
        clientVisible: false,
      },
    ],
    [
      -1,
      {
        weather: "Dry and bright, 13°C",
        crew: ["Tom Team", "Sam Price (plumber)"],
        workDone: "First fix plumbing to the island and the new sink position; pressure test passed.",
        delays: "Building control inspection moved from 10:00 to 14:00.",
        delayCause: "inspection",
        clientVisible: true,
      },
    ],
  ];
  for (const [offset, input] of days) await SiteLog.write(team, projectId, day(offset), input);
}
