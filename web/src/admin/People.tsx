// Admins manage the workspace's people: change roles, deactivate (their sessions and sockets
// end at once) or reactivate, and invite new people by email. Role changes and deactivation
// are confirmed first and say when they are saved.
import type { Role, UserInfo } from "@rehome/client";
import { ROLE_WORDS } from "@rehome/core/words";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useConfirm } from "../components/Confirm";
import { Failed, Loading, Saved } from "../components/States";
import { TableHead } from "../components/TableHead";
import { ui } from "../components/ui";
import { usePeople } from "../hooks/useMembers";
import { api, useSession } from "../session";
import { Invites } from "./Invites";
import { RoleOptions } from "./roles";

const STATUS: Record<UserInfo["status"], string> = {
  active: "Active",
  invited: "Invited",
  deactivated: "Deactivated",
};

type Change = Parameters<typeof api.users.update>[1];

const done = (user: UserInfo) =>
  user.status === "deactivated"
    ? `Saved: ${user.name} is deactivated and signed out everywhere.`
    : `Saved: ${user.name} is ${ROLE_WORDS[user.role].toLowerCase()}, ${STATUS[user.status].toLowerCase()}.`;

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
      title: `Change ${user.name}'s role to ${ROLE_WORDS[role].toLowerCase()}?`,
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
        <div>
          {/* On a phone each person is a card (styles.css, stack-table). */}
          <table className="stack-table w-full text-left text-sm">
            <TableHead columns={["Name", "Email", "Role", "Status"]} />
            <tbody>
              {people.data?.map((user) => {
                const self = user.id === me?.id;
                return (
                  <tr key={user.id} className="border-t border-slate-100" data-testid="person">
                    <td className="px-4 py-2 font-medium [overflow-wrap:anywhere]">{user.name}</td>
                    <td data-label="Email" className="px-4 py-2 text-slate-600 [overflow-wrap:anywhere]">
                      {user.email}
                    </td>
                    <td data-label="Role" className="px-4 py-2">
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
                    <td data-label="Status" className="px-4 py-2">
                      <span className={user.status === "active" ? "text-emerald-800" : "text-slate-500"}>
                        {STATUS[user.status]}
                      </span>
                    </td>
                    <td className="px-4 py-2 text-right empty:hidden">
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
