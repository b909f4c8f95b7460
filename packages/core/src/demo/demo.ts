import type { Actor, Role, UserActor } from "../actor";
import { hashPassword } from "../auth/password";
import { config } from "../config";
import { VisibleError } from "../error";
import { Message } from "../message";
import { Project } from "../project";
import { Task } from "../task";
import { User } from "../user";
import { Workspace } from "../workspace";
import { seedChangeOrders } from "./change-orders";
import { seedSiteLog } from "./site-log";

export const PASSWORD = "rehome-demo";

export const LOGINS = [
  { email: "admin@demo.rehome.local", role: "admin", workspace: "Demo Renovations" },
  { email: "team@demo.rehome.local", role: "team", workspace: "Demo Renovations" },
  { email: "consultant@demo.rehome.local", role: "consultant", workspace: "Demo Renovations" },
  { email: "client@demo.rehome.local", role: "client", workspace: "Demo Renovations" },
  { email: "admin@northwind.rehome.local", role: "admin", workspace: "Northwind Builders" },
] as const;

/** The demo people's names (a client signs change orders with theirs). */
export const NAMES: Record<Role, string> = {
  admin: "Ada Admin",
  team: "Tom Team",
  consultant: "Cora Consultant",
  client: "Cliff Client",
};

/** True once the demo workspace exists (its admin's email is taken). */
export const isSeeded = async () => Boolean(await User.findByEmail(LOGINS[0].email));

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Seeds the demo data once; later calls return without writing. */
export async function seed(): Promise<{ seeded: boolean }> {
  if (!config().isLocal)
    throw new VisibleError("demo.refused", "Demo data is only seeded on the local stage.", 403);
  if (await isSeeded()) return { seeded: false };
  const passwordHash = await hashPassword(PASSWORD);

  const demo = await Workspace.create({ name: "Demo Renovations" });
  const people: Record<string, string> = {};
  for (const login of LOGINS.filter((l) => l.workspace === "Demo Renovations")) {
    const user = await User.create({
      workspaceId: demo.id,
      email: login.email,
      name: NAMES[login.role],
      role: login.role,
      passwordHash,
    });
    people[login.role] = user.id;
  }
  const admin: Actor = { type: "user", userId: people.admin ?? "", workspaceId: demo.id, role: "admin" };

  const kitchen = await Project.create(admin, {
    name: "Kitchen remodel — Elm Street",
    description: "Full kitchen: cabinets, worktops, plumbing and lighting.",
    budget: 4_850_000,
  });
  const bathroom = await Project.create(admin, {
    name: "Bathroom refit — Oak Avenue",
    description: "Walk-in shower, underfloor heating, new tiling.",
  });
  const loft = await Project.create(admin, {
    name: "Loft conversion — Birch Lane",
    description: "Dormer loft with an en-suite; planning approved.",
    // Early design work: new items stay internal until someone shares them.
    clientVisibleByDefault: false,
  });
  // The client sees only the kitchen; the consultant the kitchen and the loft; team all three.
  const assignments: [string, Role, string[]][] = [
    ["team", "team", [kitchen.id, bathroom.id, loft.id]],
    ["consultant", "consultant", [kitchen.id, loft.id]],
    ["client", "client", [kitchen.id]],
  ];
  for (const [person, role, projects] of assignments) {
    for (const projectId of projects) await Project.assign(admin, projectId, people[person] ?? "", { role });
  }

  const tasks: [string, Parameters<typeof Task.create>[2]][] = [
    [
      kitchen.id,
      {
        title: "Order base cabinets",
        status: "done",
        assigneeId: people.team,
        dueDate: day(-6),
        priority: "high",
        labels: ["ordering"],
      },
    ],
    [
      kitchen.id,
      {
        title: "Rough-in plumbing for the sink",
        status: "in_progress",
        assigneeId: people.team,
        dueDate: day(2),
        labels: ["plumbing"],
      },
    ],
    [
      kitchen.id,
      {
        title: "Confirm worktop material with client",
        status: "blocked",
        assigneeId: people.client,
        dueDate: day(-2),
        priority: "urgent",
        labels: ["decision"],
      },
    ],
    [
      kitchen.id,
      {
        title: "Electrical inspection",
        status: "todo",
        assigneeId: people.consultant,
        dueDate: day(-1),
        labels: ["inspection"],
      },
    ],
    [
      kitchen.id,
      { title: "Install pendant lighting", status: "todo", dueDate: day(9), labels: ["electrical"] },
    ],
    [
      kitchen.id,
      {
        title: "Review cabinet supplier margin before the final invoice",
        status: "todo",
        assigneeId: people.team,
        dueDate: day(5),
        labels: ["internal"],
        clientVisible: false,
      },
    ],
    [bathroom.id, { title: "Strip old tiles", status: "done", assigneeId: people.team, dueDate: day(-10) }],
    [
      bathroom.id,
      {
        title: "Lay underfloor heating mats",
        status: "in_progress",
        assigneeId: people.team,
        dueDate: day(1),
        priority: "high",
      },
    ],
    [
      bathroom.id,
      { title: "Shower tray delivery delayed", status: "blocked", dueDate: day(-3), labels: ["supplier"] },
    ],
    [
      loft.id,
      {
        title: "Structural calculations sign-off",
        status: "in_progress",
        assigneeId: people.consultant,
        dueDate: day(4),
        priority: "high",
      },
    ],
    [
      loft.id,
      {
        title: "Scaffolding booking",
        status: "todo",
        assigneeId: people.team,
        dueDate: day(-4),
        labels: ["ordering"],
      },
    ],
  ];
  for (const [projectId, input] of tasks) await Task.create(admin, projectId, input);

  const as = (role: Role): UserActor => ({
    type: "user",
    userId: people[role] ?? "",
    workspaceId: demo.id,
    role,
  });
  const messages: [Role, string, string, boolean?][] = [
    [
      "admin",
      kitchen.id,
      "Welcome to the Elm Street kitchen thread. @Tom Team please post the plumbing schedule here.",
    ],
    [
      "team",
      kitchen.id,
      "Rough-in starts Monday. @Cliff Client we still need your worktop choice by Friday.",
    ],
    ["client", kitchen.id, "Thanks @Tom — leaning towards quartz, will confirm after the showroom visit."],
    [
      "team",
      kitchen.id,
      "Internal: the quartz supplier quoted 2,400 for the run; keep our 3,100 price. Call me on 07700 900123.",
      false,
    ],
    [
      "consultant",
      kitchen.id,
      "Electrical inspection is booked; @admin@demo.rehome.local can you share access?",
    ],
    ["team", bathroom.id, "Underfloor mats are down. The shower tray is still delayed by the supplier."],
    [
      "consultant",
      loft.id,
      "Structural calcs are with the engineer. @Tom Team hold the scaffolding until sign-off.",
    ],
  ];
  for (const [author, projectId, body, clientVisible] of messages)
    await Message.send(as(author), projectId, { body, clientVisible });
  await seedChangeOrders(kitchen.id, as("team"), as("client"), NAMES.client);
  await seedSiteLog(kitchen.id, as("team"));

  const northwind = await Workspace.create({ name: "Northwind Builders" });
  const nwAdmin = await User.create({
    workspaceId: northwind.id,
    email: "admin@northwind.rehome.local",
    name: "Nora Northwind",
    role: "admin",
    passwordHash,
  });
  const nwActor: Actor = { type: "user", userId: nwAdmin.id, workspaceId: northwind.id, role: "admin" };
  const warehouse = await Project.create(nwActor, {
    name: "Warehouse roof repair",
    description: "Replace the north roof panels.",
  });
  await Task.create(nwActor, warehouse.id, {
    title: "Survey roof panels",
    status: "in_progress",
    dueDate: day(3),
  });
  await Task.create(nwActor, warehouse.id, {
    title: "Order replacement panels",
    status: "todo",
    dueDate: day(-1),
  });
  return { seeded: true };
}
