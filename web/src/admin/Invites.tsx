// Inviting people by email (the link is in the email only) and the invitations sent, with
// withdrawing one that is still pending.
import type { Role } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Empty, Failed, Loading } from "../components/States";
import { ui } from "../components/ui";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";
import { ROLES } from "./roles";

const KEY = ["invites"];

export function Invites() {
  const queries = useQueryClient();
  const invites = usePagedList(KEY, (cursor) => api.invites.list({ cursor }));
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: KEY });
    void queries.invalidateQueries({ queryKey: ["users"] });
  };
  const invite = useMutation({ mutationFn: api.invites.create, onSuccess: refresh });
  const revoke = useMutation({ mutationFn: api.invites.revoke, onSuccess: refresh });
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
          invite.mutate(
            {
              email: String(data.get("email")),
              role: String(data.get("role")) as Role,
              ...(name && { name }),
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <label className={`${ui.label} min-w-56 grow`}>
          Email
          <input name="email" type="email" required className={`${ui.field} mt-1`} />
        </label>
        <label className={`${ui.label} min-w-40`}>
          Name (optional)
          <input name="name" maxLength={120} className={`${ui.field} mt-1`} />
        </label>
        <label className={ui.label}>
          Role
          <select name="role" defaultValue="client" className={`${ui.field} mt-1`}>
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </label>
        <button type="submit" className={ui.primary} disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invitation"}
        </button>
        {invite.isSuccess && (
          <p role="status" className="w-full text-sm text-emerald-800">
            Invitation sent to {invite.data.email}.
          </p>
        )}
        {invite.isError && (
          <div className="w-full">
            <Failed error={invite.error} />
          </div>
        )}
      </form>
      <div className="p-4">
        {invites.isPending && <Loading what="invitations" />}
        {invites.isError && <Failed error={invites.error} retry={() => invites.refetch()} />}
        {revoke.isError && <Failed error={revoke.error} />}
        {invites.isSuccess && invites.items.length === 0 && <Empty>No invitations sent yet.</Empty>}
        <ul className="divide-y divide-slate-100 text-sm">
          {invites.items.map((inv) => (
            <li
              key={inv.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2"
              data-testid="invite"
            >
              <span className="font-medium break-all">{inv.email}</span>
              <span className="text-slate-500">{inv.role}</span>
              <span className={inv.status === "pending" ? "text-amber-800" : "text-slate-500"}>
                {inv.status}
              </span>
              <span className="grow text-right text-xs text-slate-500">
                {inv.status === "pending" && `expires ${new Date(inv.expiresAt).toLocaleString()}`}
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
        {invites.hasNextPage && (
          <button type="button" className={`${ui.secondary} mt-3`} onClick={() => invites.fetchNextPage()}>
            More
          </button>
        )}
      </div>
    </section>
  );
}
