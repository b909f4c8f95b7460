// Admins manage the workspace's people: change roles, deactivate (their sessions and sockets
// end at once) or reactivate, and invite new people by email. Role changes and deactivation
// are confirmed first and say when they are saved.
import type { Role, UserInfo } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useConfirm } from "../components/Confirm";
import { Failed, Loading, Saved } from "../components/States";
import { TableHead } from "../components/TableHead";
import { ui } from "../components/ui";
import { usePeople } from "../hooks/useMembers";
import { api, useSession } from "../session";
import { Invites } from "./Invites";
import { RoleOptions } from "./roles";

type Change = Parameters<typeof api.users.update>[1];

const done = (user: UserInfo) =>
  user.status === "deactivated"
    ? `Saved: ${user.name} is deactivated and signed out everywhere.`
    : `Saved: ${user.name} — role ${user.role}, ${user.status}.`;

export function People() {
  const me = useSession();
  const queries = useQueryClient();
  const people = usePeople();
  const { ask, dialog } = useConfirm();
  const update = useMutation({
    mutationFn: ({ user, change }: { user: UserInfo; change: Change }) => api.users.update(user.id, change),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["users"] }),
  });
  const changeRole = async (user: UserInfo, role: Role) => {
    const yes = await ask({
      title: `Change ${user.name}'s role to ${role}?`,
      body: "What they may do changes at once. On each project they act in their project role, never above their workspace role.",
      confirm: "Change role",
    });
    if (yes) update.mutate({ user, change: { role } });
  };
  const deactivate = async (user: UserInfo) => {
    const yes = await ask({
      title: `Deactivate ${user.name}?`,
      body: "They are signed out everywhere at once and cannot sign in until reactivated.",
      confirm: "Deactivate",
      danger: true,
    });
    if (yes) update.mutate({ user, change: { status: "deactivated" } });
  };
  return (
    <div className="space-y-6">
      <section aria-labelledby="people-title" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="people-title" className="border-b border-slate-100 px-4 py-3 font-semibold">
          People
        </h2>
        {people.isPending && <Loading what="people" />}
        {people.isError && <Failed error={people.error} retry={() => people.refetch()} />}
        {update.isError && <Failed error={update.error} className="m-4" />}
        {update.isSuccess && <Saved className="mx-4 mt-3">{done(update.data)}</Saved>}
        <div className="overflow-x-auto">
          {/* On a phone the table scrolls sideways rather than squeezing the role picker away. */}
          <table className="w-full min-w-2xl text-left text-sm">
            <TableHead columns={["Name", "Email", "Role", "Status"]} />
            <tbody>
              {people.data?.map((user) => {
                const self = user.id === me?.id;
                return (
                  <tr key={user.id} className="border-t border-slate-100" data-testid="person">
                    <td className="px-4 py-2 font-medium">{user.name}</td>
                    <td className="px-4 py-2 break-all text-slate-600">{user.email}</td>
                    <td className="px-4 py-2">
                      <select
                        aria-label={`Role of ${user.name}`}
                        value={user.role}
                        disabled={self || user.status === "deactivated"}
                        onChange={(event) => changeRole(user, event.target.value as Role)}
                        className={`${ui.field} min-w-32 py-1`}
                      >
                        <RoleOptions />
                      </select>
                    </td>
                    <td className="px-4 py-2">
                      <span className={user.status === "active" ? "text-emerald-800" : "text-slate-500"}>
                        {user.status}
                      </span>
                    </td>
                    <td className="px-4 py-2 text-right">
                      {!self && user.status === "active" && (
                        <button
                          type="button"
                          className={`${ui.danger} py-1`}
                          onClick={() => deactivate(user)}
                        >
                          Deactivate
                        </button>
                      )}
                      {user.status === "deactivated" && (
                        <button
                          type="button"
                          className={`${ui.secondary} py-1`}
                          onClick={() => update.mutate({ user, change: { status: "active" } })}
                        >
                          Reactivate
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <Invites />
      {dialog}
    </div>
  );
}
