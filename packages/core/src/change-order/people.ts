// Who hears of a change order: sending it asks those who may decide it (the project's clients) for
// a decision in the app, live on their user channel and by email; a decision is told to the staff who drafted and sent it.
import type { Actor } from "../actor";
import { config } from "../config";
import { logger } from "../log";
import { Mail } from "../mail";
import { Notification } from "../notification";
import { may } from "../permissions";
import type { ProjectAccess } from "../policy";
import { Project } from "../project";
import { type Item, subjectOf } from "./info";

const note = (item: Item, text: string) => ({
  kind: "change_order" as const,
  subjectType: "change_order" as const,
  subjectId: item.changeOrderId,
  projectId: item.projectId,
  text,
});

export async function askDeciders(actor: Actor, access: ProjectAccess, item: Item): Promise<void> {
  const { workspaceId, projectId, name } = access.project;
  // Whoever the permission table lets decide it: the project's clients today.
  const deciders = (await Project.membersOf(workspaceId, projectId)).filter((m) =>
    may(m.projectRole, m.id, "change_order", "decide", subjectOf(item)),
  );
  await Notification.notify(
    actor,
    deciders.map((person) => person.id),
    note(item, `Change order "${item.title}" needs your decision by ${item.decisionDue}`),
  );
  for (const person of deciders) {
    const email = Mail.changeOrderEmail({
      to: person.email,
      projectName: name,
      projectId,
      title: item.title,
      costDelta: item.costDelta,
      currency: config().currency,
      scheduleDeltaDays: item.scheduleDeltaDays,
      decisionDue: item.decisionDue,
    });
    // The change order is sent either way; a mail outage must not undo it (the app shows it).
    await Mail.send(email, { idempotencyKey: `change-order/${item.changeOrderId}/sent/${person.id}` }).catch(
      (error: unknown) =>
        logger().error("change order email not sent", {
          changeOrderId: item.changeOrderId,
          error: String(error),
        }),
    );
  }
}

export async function tellStaff(actor: Actor, item: Item): Promise<void> {
  const staff = [item.createdBy, item.sentBy ?? ""].filter(Boolean);
  await Notification.notify(actor, staff, note(item, `Change order "${item.title}" was ${item.state}`));
}
