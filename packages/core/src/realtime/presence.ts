// Who is on a presence channel: `presence.here` to a joiner, `presence.joining`/`leaving` to the
// others. A member counts only while their connection item is alive, so sockets that vanished
// without a $disconnect drop out (and are forgotten) instead of lingering until their TTL.
import { isAlive } from "../tables";
import { type Envelope, envelope, type Reply } from "./channel";
import { ConnectionEntity } from "./entity";
import { type Delivery, deliver, forget, type Subscriber, subscriptions } from "./publisher";

export interface Member {
  id: string;
  name: string;
}

/** Live subscriptions of a presence channel; subscriptions of dead connections are forgotten. */
export async function members(channel: string): Promise<Subscriber[]> {
  const listed = await subscriptions(channel, true);
  if (listed.length === 0) return [];
  const { data, unprocessed } = await ConnectionEntity()
    .get(listed.map(({ connectionId }) => ({ connectionId })))
    // Consistent: a connection stored a moment ago must not look dead and be forgotten.
    .go({ consistent: true, attributes: ["connectionId", "expiresAt"] });
  // A key DynamoDB did not get to this time is not evidence of death: keep it.
  const alive = new Set([
    ...data.filter((c) => isAlive(c)).map((c) => c.connectionId),
    ...unprocessed.map((c) => c.connectionId),
  ]);
  const dead = listed.filter((s) => !alive.has(s.connectionId));
  await Promise.all(dead.map((s) => forget(s.connectionId, [channel])));
  return listed.filter((s) => alive.has(s.connectionId));
}

/** After `joiner` subscribed: tells it who is here and, if it is new, tells the others. */
export async function join(channel: string, joiner: Subscriber, reply: Reply): Promise<void> {
  const present = await members(channel);
  await reply({ channel, event: "presence.here", data: unique(present) });
  // A second tab of the same person is not a new member.
  if (present.some((s) => s.userId === joiner.userId && s.connectionId !== joiner.connectionId)) return;
  await tell(
    channel,
    present.filter((s) => s.connectionId !== joiner.connectionId),
    envelope(channel, "presence.joining", member(joiner)),
  );
}

/** After `leaver` lost a connection to the channel: tells the others once their last one is gone. */
export async function leave(channel: string, leaver: Member): Promise<void> {
  const present = await members(channel);
  if (present.some((s) => s.userId === leaver.id)) return;
  await tell(channel, present, envelope(channel, "presence.leaving", leaver));
}

/**
 * Sends to some members of a presence channel. A recipient found gone (410) is a member who
 * left without a $disconnect, so the others hear that they left.
 */
export async function tell(channel: string, recipients: Subscriber[], message: Envelope): Promise<Delivery> {
  const delivery = await deliver(
    channel,
    recipients.map((s) => s.connectionId),
    message,
  );
  const gone = recipients.filter((s) => delivery.gone.includes(s.connectionId));
  for (const left of unique(gone)) await leave(channel, left);
  return delivery;
}

const member = (s: Subscriber): Member => ({ id: s.userId, name: s.name });

/** One entry per person, however many tabs they have open. */
const unique = (subscribers: Subscriber[]): Member[] => [
  ...new Map(subscribers.map((s) => [s.userId, member(s)])).values(),
];
