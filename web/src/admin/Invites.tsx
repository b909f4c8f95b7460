// Inviting people by email (the link is in the email only) and the invitations sent, with
// withdrawing one that is still pending.
import type { Role } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TextField } from "../components/Field";
import { Failed, ListStates, LoadMore } from "../components/States";
import { ui } from "../components/ui";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";
import { RoleField } from "./roles";

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
        <TextField label="Email" name="email" type="email" required labelClassName="min-w-56 grow" />
        <TextField label="Name (optional)" name="name" maxLength={120} labelClassName="min-w-40" />
        <RoleField label="Role" name="role" />
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
        <ListStates
          list={invites}
          what="invitations"
          count={invites.items.length}
          empty="No invitations sent yet."
        />
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
        <LoadMore list={invites} label="More" />
      </div>
    </section>
  );
}
