// Channel names (from the original design), their parsing, and the frames sent either way.
import * as z from "zod";
import { createId } from "../util";

export const Channel = {
  project: (projectId: string) => `private-projects.${projectId}`,
  presence: (projectId: string) => `presence-projects.${projectId}`,
  user: (userId: string) => `private-users.${userId}`,
  agentThread: (threadId: string) => `private-agent-threads.${threadId}`,
};

export type ParsedChannel =
  | { kind: "project"; id: string }
  | { kind: "presence"; id: string }
  | { kind: "user"; id: string }
  | { kind: "agentThread"; id: string };

const patterns: [RegExp, ParsedChannel["kind"]][] = [
  [/^private-projects\.([A-Za-z0-9_-]{1,64})$/, "project"],
  [/^presence-projects\.([A-Za-z0-9_-]{1,64})$/, "presence"],
  [/^private-users\.([A-Za-z0-9_-]{1,64})$/, "user"],
  [/^private-agent-threads\.([A-Za-z0-9_-]{1,64})$/, "agentThread"],
];

export function parseChannel(name: string): ParsedChannel | undefined {
  for (const [pattern, kind] of patterns) {
    const id = pattern.exec(name)?.[1];
    if (id) return { kind, id };
  }
  return undefined;
}

export const ChannelName = z
  .string()
  .max(128)
  .refine((v) => parseChannel(v) !== undefined, "Unknown channel.");

/** Server -> client envelope: every frame the server sends has this shape. */
export const Envelope = z.object({
  channel: z.string(),
  event: z.string(),
  data: z.unknown(),
  seq: z.number().int().optional(),
  id: z.string(),
});
export type Envelope = z.infer<typeof Envelope>;

export const envelope = (channel: string, event: string, data: unknown): Envelope => ({
  channel,
  event,
  data,
  id: createId(),
});

/** Answers the connection a frame came from. */
export type Reply = (envelope: Omit<Envelope, "id">) => Promise<unknown>;

/** Client -> server frames; `action` selects the route. */
export const ClientFrame = z.discriminatedUnion("action", [
  z.object({ action: z.literal("subscribe"), channel: ChannelName }),
  z.object({ action: z.literal("unsubscribe"), channel: ChannelName }),
  z.object({
    action: z.literal("whisper"),
    channel: ChannelName,
    event: z.string().min(1).max(64),
    data: z.unknown(),
  }),
  z.object({ action: z.literal("ping") }),
  z.object({
    action: z.literal("resume"),
    channel: ChannelName,
    messageId: z.string().min(1).max(64),
    afterSeq: z.number().int().min(0),
  }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;
