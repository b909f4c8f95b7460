// Inviting people by email (the link is in the email only), onto projects at once if the admin
// picks some, and the invitations sent, with withdrawing one that is still pending (a withdrawn
// one leaves the list).
import type { InviteInfo, Role } from "@rehome/client";
import { ROLE_WORDS } from "@rehome/core/words";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TextField } from "../components/Field";
import { Failed, ListStates, LoadMore } from "../components/States";
import { ui } from "../components/ui";
import { When } from "../components/When";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";
import { RoleField } from "./roles";

const KEY = ["invites"];

const INVITE_STATUS: Record<InviteInfo["status"], string> = {
  pending: "Waiting",
  accepted: "Joined",
  revoked: "Withdrawn",
  expired: "Expired",
};

/** The active projects to put the invited person on, in their invited role. */
function ProjectPicker() {
  const projects = useQuery({ queryKey: ["projects"], queryFn: () => api.projects.list({ limit: 100 }) });
  const active = projects.data?.items.filter((p) => p.status === "active") ?? [];
  if (active.length === 0) return null;
  return (
    <fieldset className="w-full">
      <legend className={ui.label}>Projects (optional)</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {active.map((p) => (
          <label key={p.id} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name="projectIds" value={p.id} className="size-4 accent-emerald-700" />
            <span className="[overflow-wrap:anywhere]">{p.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Invites() {
  const queries = useQueryClient();
  const invites = usePagedList(KEY, (cursor) => api.invites.list({ cursor }));
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: KEY });
    void queries.invalidateQueries({ queryKey: ["users"] });
  };
  const invite = useMutation({ mutationFn: api.invites.create, onSuccess: refresh });
  const revoke = useMutation({ mutationFn: api.invites.revoke, onSuccess: refresh });
  const shown = invites.items.filter((inv) => inv.status !== "revoked");
  return (
    <section aria-labelledby="invites-title" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="invites-title" className="border-b border-slate-100 px-4 py-3 font-semibold">
        Invitations
      </h2>
      <form
        aria-label="Invite someone"
        className="flex flex-wrap items-end gap-3 border-b border-slate-100 p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const name = String(data.get("name")).trim();
          const projectIds = data.getAll("projectIds").map(String);
          invite.mutate(
            {
              email: String(data.get("email")),
              role: String(data.get("role")) as Role,
              ...(name && { name }),
              ...(projectIds.length && { projectIds }),
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField label="Email" name="email" type="email" required labelClassName="min-w-56 grow" />
        <TextField label="Name (optional)" name="name" maxLength={120} labelClassName="min-w-40" />
        <RoleField label="Role" name="role" />
        <ProjectPicker />
        <button type="submit" className={ui.primary} disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invitation"}
        </button>
        {invite.isSuccess && (
          <p role="status" className="w-full text-sm text-emerald-800">
            Invitation sent to {invite.data.email}.
          </p>
        )}
        {invite.isError && <Failed error={invite.error} className="w-full" />}
      </form>
      <div className="p-4">
        {revoke.isError && <Failed error={revoke.error} />}
        <ListStates list={invites} what="invitations" count={shown.length} empty="No invitations sent yet." />
        <ul className="divide-y divide-slate-100 text-sm">
          {shown.map((inv) => (
            <li
              key={inv.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2"
              data-testid="invite"
            >
              <span className="font-medium [overflow-wrap:anywhere]">{inv.email}</span>
              <span className="text-slate-500">{ROLE_WORDS[inv.role]}</span>
              <span className={inv.status === "pending" ? "text-amber-800" : "text-slate-500"}>
                {INVITE_STATUS[inv.status]}
              </span>
              <span className="grow text-right text-xs text-slate-500">
                {inv.status === "pending" && (
                  <>
                    expires <When iso={inv.expiresAt} />
                  </>
                )}
              </span>
              {inv.status === "pending" && (
                <button
                  type="button"
                  className={`${ui.secondary} py-1`}
                  onClick={() => revoke.mutate(inv.id)}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
        <LoadMore list={invites} label="More" />
      </div>
    </section>
  );
}
