import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Roles } from "../actor";
import {
  type Action,
  Actions,
  assignable,
  effectiveRole,
  type Kind,
  may,
  mayAttach,
  maySee,
  reachOf,
  readable,
  seesInternal,
  visibleOnCreate,
} from ".";

const kinds = Object.keys(Actions) as Kind[];
const mine = { createdBy: "me", assigneeId: null, clientVisible: true };
const assignedToMe = { createdBy: "other", assigneeId: "me", clientVisible: true };
const others = { createdBy: "other", assigneeId: "other", clientVisible: true };
const internal = { ...mine, clientVisible: false };

/** The table as core's README shows it: one row per kind and action, one column per role. */
function markdown(): string {
  const cell = (reach: readonly string[]) => (reach.length === 0 ? "—" : reach.join(", "));
  const rows = kinds.flatMap((kind) =>
    Actions[kind].map(
      (action) =>
        `| ${kind} | ${action} | ${Roles.map((role) => cell(reachOf(role, kind, action as Action<typeof kind>))).join(" | ")} |`,
    ),
  );
  return [
    `| item | action | ${Roles.join(" | ")} |`,
    `| --- | --- |${" --- |".repeat(Roles.length)}`,
    ...rows,
  ].join("\n");
}

describe("the permission table", () => {
  it("is the table core's README documents, row for row", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme, `README.md must contain:\n${markdown()}`).toContain(markdown());
  });

  it("hides internal items from clients only, whatever the action or relation", () => {
    expect(Roles.filter(seesInternal)).toEqual(["admin", "team", "consultant"]);
    for (const kind of kinds)
      for (const action of Actions[kind])
        expect(may("client", "me", kind, action as Action<typeof kind>, internal), `${kind} ${action}`).toBe(
          false,
        );
    expect(maySee("client", { clientVisible: false })).toBe(false);
    expect(maySee("client", {})).toBe(true);
  });

  it("lets a client change only the status of tasks assigned to them, post, upload and remove their own", () => {
    expect(may("client", "me", "task", "status", assignedToMe)).toBe(true);
    expect(may("client", "me", "task", "status", mine)).toBe(false);
    for (const action of ["create", "edit", "assign", "reorder", "delete", "visibility"] as const)
      expect(may("client", "me", "task", action, assignedToMe), action).toBe(false);
    expect(may("client", "me", "message", "post")).toBe(true);
    expect(may("client", "me", "file", "upload")).toBe(true);
    expect(may("client", "me", "message", "delete", mine)).toBe(true);
    expect(may("client", "me", "message", "delete", others)).toBe(false);
    expect(may("client", "me", "file", "delete", others)).toBe(false);
  });

  it("lets a consultant change tasks they made or carry, and delete only their own items", () => {
    expect(may("consultant", "me", "task", "edit", assignedToMe)).toBe(true);
    expect(may("consultant", "me", "task", "edit", others)).toBe(false);
    expect(may("consultant", "me", "task", "delete", assignedToMe)).toBe(false);
    expect(may("consultant", "me", "task", "delete", mine)).toBe(true);
    expect(may("consultant", "me", "task", "visibility", mine)).toBe(false);
    expect(may("consultant", "me", "file", "delete", others)).toBe(false);
    expect(may("consultant", "me", "task", "view", internal)).toBe(true);
  });

  it("lets team delete anyone's task or file and toggle visibility, but only their own messages", () => {
    expect(may("team", "me", "task", "delete", others)).toBe(true);
    expect(may("team", "me", "file", "delete", others)).toBe(true);
    expect(may("team", "me", "message", "visibility", others)).toBe(true);
    expect(may("team", "me", "message", "delete", others)).toBe(false);
    expect(may("admin", "me", "message", "delete", others)).toBe(true);
    expect(may("admin", "me", "message", "edit", others)).toBe(false);
  });

  it("lets staff draft, send and withdraw change orders, consultants only draft, and only clients decide", () => {
    const draft = { createdBy: "me", clientVisible: false };
    const sent = { createdBy: "other", clientVisible: true };
    for (const role of ["admin", "team"] as const) {
      for (const action of ["create", "edit", "send", "withdraw"] as const)
        expect(may(role, "me", "change_order", action, draft), `${role} ${action}`).toBe(true);
      expect(may(role, "me", "change_order", "decide", sent), role).toBe(false);
    }
    expect(may("consultant", "me", "change_order", "edit", draft)).toBe(true);
    expect(may("consultant", "me", "change_order", "edit", { ...draft, createdBy: "other" })).toBe(false);
    expect(may("consultant", "me", "change_order", "send", draft)).toBe(false);
    expect(may("consultant", "me", "change_order", "decide", sent)).toBe(false);
    expect(may("client", "me", "change_order", "decide", sent)).toBe(true);
    expect(may("client", "me", "change_order", "view", draft)).toBe(false);
    expect(may("client", "me", "change_order", "create")).toBe(false);
  });

  it("drops an item's internal fields for clients only", () => {
    const order = { id: "c1", title: "Move the sink", internalNote: "Supplier margin is 30%" };
    expect(readable("client", "change_order", order)).toEqual({ id: "c1", title: "Move the sink" });
    expect(readable("consultant", "change_order", order)).toEqual(order);
  });

  it("makes a client's new items client-visible whatever they or the project ask", () => {
    expect(visibleOnCreate("client", "message", false, false)).toBe(true);
    expect(visibleOnCreate("team", "message", false)).toBe(false);
    expect(visibleOnCreate("team", "message", true, false)).toBe(false);
    // A consultant may not choose: the project's default decides.
    expect(visibleOnCreate("consultant", "task", true, false)).toBe(true);
  });

  it("lets a client-visible message attach only client-visible files; an internal one attaches any", () => {
    expect(mayAttach({ clientVisible: true }, { clientVisible: false })).toBe(false);
    expect(mayAttach({ clientVisible: true }, { clientVisible: true })).toBe(true);
    expect(mayAttach({}, { clientVisible: false })).toBe(false);
    expect(mayAttach({ clientVisible: false }, { clientVisible: false })).toBe(true);
  });

  it("never lets an assignment lift someone above their workspace role", () => {
    expect(effectiveRole("client", "team")).toBe("client");
    expect(effectiveRole("team", "client")).toBe("client");
    expect(effectiveRole("admin", "client")).toBe("admin");
    expect(effectiveRole("consultant", undefined)).toBe("consultant");
    expect(assignable("client", "team")).toBe(false);
    expect(assignable("team", "admin")).toBe(false);
    expect(assignable("team", "consultant")).toBe(true);
    expect(assignable("admin", "admin")).toBe(true);
  });
});
