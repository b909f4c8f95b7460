import * as z from "zod";
import { notFound } from "../error";
import { createId, nowIso } from "../util";
import { WorkspaceEntity } from "./entity";

export const Info = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Workspace" });
export type Info = z.infer<typeof Info>;

export const CreateInput = z.object({ name: z.string().trim().min(1).max(120) });

export async function create(input: z.input<typeof CreateInput>): Promise<Info> {
  const { name } = CreateInput.parse(input);
  const item = { workspaceId: createId(), name, createdAt: nowIso() };
  await WorkspaceEntity().create(item).go();
  return { id: item.workspaceId, name, createdAt: item.createdAt };
}

export async function get(workspaceId: string): Promise<Info> {
  const { data } = await WorkspaceEntity().get({ workspaceId }).go();
  if (!data) throw notFound("workspace");
  return { id: data.workspaceId, name: data.name, createdAt: data.createdAt };
}

/** Ids of every workspace, page by page (the scheduler's fan-out; never on a request path). */
export async function allIds(): Promise<string[]> {
  const { data } = await WorkspaceEntity()
    .query.all({})
    .go({ pages: "all", attributes: ["workspaceId"] });
  return data.map((w) => w.workspaceId);
}
