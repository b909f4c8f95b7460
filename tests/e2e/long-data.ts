// A project full of what breaks layouts, made through the API as people would: a 180-character
// link and an unbroken 68-letter word in a message and a task, a task assigned to the admin,
// and photos and a document with very long file names. Every role of the demo is on it.
import { deflateSync } from "node:zlib";
import { type Client, createClient } from "@rehome/client";
import { PASSWORD } from "./support";

export const PROJECT = "Long words — Riverside Terrace";
export const LONG_LINK = `https://example.com/projects/riverside/${"very-long-path-segment-".repeat(5)}end?ref=${"x".repeat(20)}`;
export const LONG_WORD = "Supercalifragilisticexpialidocious".repeat(2);
export const LONG_FILE = `kitchen-elevation-north-wall-${"with-every-measurement-".repeat(4)}final.png`;
export const LONG_TASK = `Order the ${LONG_WORD} worktop`;

const signIn = async (baseURL: string, email: string) => {
  const { token } = await createClient({ baseUrl: baseURL }).login({ email, password: PASSWORD });
  return createClient({ baseUrl: baseURL, token });
};

/** A solid `width`×`height` PNG of one colour, so a thumbnail shows something. */
export function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function uploadAs(api: Client, projectId: string, name: string, type: string, bytes: Buffer) {
  const ticket = await api.files.createUpload(projectId, { name, contentType: type, size: bytes.length });
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.upload.fields)) form.append(key, value);
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const stored = await fetch(ticket.upload.url, { method: "POST", body: form });
  if (!stored.ok) throw new Error(`upload of ${name}: ${stored.status}`);
  return api.files.complete(projectId, ticket.file.id);
}

/** Makes the project once per run (the stack is shared by every spec); returns its id. */
export async function longProject(baseURL: string): Promise<{ projectId: string; adminTaskId: string }> {
  const admin = await signIn(baseURL, "admin@demo.rehome.local");
  const existing = (await admin.projects.list({ limit: 100 })).items.find((p) => p.name === PROJECT);
  if (existing) {
    const tasks = await admin.tasks.list(existing.id, { limit: 200 });
    return { projectId: existing.id, adminTaskId: tasks.items.find((t) => t.assigneeId)?.id ?? "" };
  }
  const project = await admin.projects.create({
    name: PROJECT,
    description: `Everything here is long on purpose: ${LONG_WORD} ${LONG_LINK}`,
  });
  const people = (await admin.users.list({ limit: 100 })).items;
  for (const role of ["team", "consultant", "client"] as const) {
    const person = people.find((p) => p.email === `${role}@demo.rehome.local`);
    if (person) await admin.assignments.set(project.id, person.id, { role });
  }
  const me = await admin.me();
  const task = await admin.tasks.create(project.id, {
    title: LONG_TASK,
    description: `See ${LONG_LINK}`,
    assigneeId: me.id,
    labels: [LONG_WORD.slice(0, 40)],
    // Dated from two days ago, so the schedule draws its long title as a bar across today.
    startDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
    dueDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
  });
  const team = await signIn(baseURL, "team@demo.rehome.local");
  await team.messages.send(project.id, { body: `The drawings are here: ${LONG_LINK}\n${LONG_WORD}` });
  const photo = await uploadAs(team, project.id, LONG_FILE, "image/png", png(64, 48, [34, 139, 94]));
  await team.siteLog.write(project.id, new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), {
    weather: LONG_WORD,
    crew: [LONG_WORD, "Tom Team"],
    workDone: `${LONG_WORD} — see ${LONG_LINK}`,
    delays: LONG_WORD,
    delayCause: "other",
    photos: [photo.id],
    clientVisible: true,
  });
  await uploadAs(team, project.id, `bathroom-${LONG_FILE}`, "image/png", png(48, 64, [180, 120, 40]));
  await uploadAs(
    team,
    project.id,
    `${"specification-".repeat(8)}.pdf`,
    "application/pdf",
    Buffer.from("%PDF-1.4\n%%EOF\n"),
  );
  return { projectId: project.id, adminTaskId: task.id };
}
