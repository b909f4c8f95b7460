// A project's Messages tab: the thread (older pages on demand, newest at the bottom, live),
// who is typing, and the composer with @mentions (staff also choose whether the client sees
// the message). ?message=ID highlights one message; ?about=TASK starts a message about a task
// (comments on a task are messages). Staff may ask the assistant for drafts (drafts/DraftBar).

import type { DraftInfo } from "@rehome/client";
import { seesInternal } from "@rehome/core/permissions";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { useConfirm } from "../components/Confirm";
import { JumpToLatest } from "../components/JumpToLatest";
import { Failed, ListStates } from "../components/States";
import { ui } from "../components/ui";
import { useVisibilityChoice, VisibilityChoice } from "../components/Visibility";
import { DraftBar, useSelection } from "../drafts/DraftBar";
import { DraftSources } from "../drafts/DraftSources";
import { useMembers } from "../hooks/useMembers";
import { usePermissions } from "../hooks/useProject";
import { useScrollLock } from "../hooks/useScrollLock";
import { api, useSession } from "../session";
import { Composer } from "./Composer";
import { MessageItem } from "./MessageItem";
import { PeoplePanel } from "./PeoplePanel";
import { useMessages } from "./useMessages";
import { useTyping } from "./useTyping";

export function MessagesTab() {
  const { projectId = "" } = useParams();
  const [params] = useSearchParams();
  const me = useSession();
  const { members } = useMembers(projectId);
  const { list, send, edit, remove } = useMessages(projectId);
  const permissions = usePermissions(projectId);
  const chooses = permissions.can("message", "visibility");
  const [visible, setVisible] = useVisibilityChoice(permissions.visibleByDefault);
  const { ask, dialog } = useConfirm();
  const { typing, notify } = useTyping(projectId);
  const about = useAboutTask(projectId, params.get("about"));
  const highlighted = params.get("message");
  const items = [...list.items].reverse();
  const scroll = useScrollLock<HTMLDivElement>(items.at(-1)?.id);
  const selection = useSelection();
  const draftsChangeOrders = permissions.can("change_order", "create");
  const [update, setUpdate] = useState<DraftInfo>();
  // A new draft, or the task a message is about, opens a fresh box holding its text. A sent draft
  // going away does not: the box emptied at send, and may already hold the next message.
  const [opened, setOpened] = useState({ update: update?.id, about, box: 0 });
  if (update?.id !== opened.update || about !== opened.about) {
    const fresh = (update && update.id !== opened.update) || (about && about !== opened.about);
    setOpened({ update: update?.id, about, box: opened.box + (fresh ? 1 : 0) });
  }
  // A client update is for the homeowner: it goes in the composer marked client-visible.
  const takeUpdate = useCallback(
    (draft: DraftInfo) => {
      setUpdate(draft);
      setVisible(true);
    },
    [setVisible],
  );

  useEffect(() => {
    if (highlighted && items.some((m) => m.id === highlighted))
      document.getElementById(`message-${highlighted}`)?.scrollIntoView({ block: "center" });
  }, [highlighted, items]);

  // Clients hear typing whispers and never see internal messages: an internal message in the
  // making must not show as "typing", nor offer to @mention someone who could not read it.
  const internal = chooses && !visible;
  useEffect(() => {
    if (internal) notify(false);
  }, [internal, notify]);
  const mentionable = members.filter((m) => m.id !== me?.id && (!internal || seesInternal(m.role)));

  const error = send.error ?? edit.error ?? remove.error;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <section
        aria-label="Messages"
        className="flex min-w-0 h-[min(40rem,calc(100vh-14rem))] min-h-96 flex-col rounded-lg border border-slate-200 bg-white"
      >
        <div ref={scroll.ref} onScroll={scroll.onScroll} className="grow overflow-y-auto p-3">
          {list.hasNextPage && (
            <button
              type="button"
              className={`${ui.secondary} mx-auto mb-2 flex py-1 text-xs`}
              onClick={() => list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? "Loading…" : "Load older messages"}
            </button>
          )}
          <ListStates
            list={list}
            what="messages"
            count={items.length}
            empty="No messages yet. Say hello to the project."
          />
          <ol className="space-y-1" aria-label="Message thread">
            {items.map((message) => (
              <MessageItem
                key={message.id}
                message={message}
                people={members}
                highlighted={message.id === highlighted}
                permissions={permissions}
                onEdit={(body) => edit.mutateAsync({ id: message.id, body })}
                onDelete={async () =>
                  (await ask({ title: "Delete this message?", confirm: "Delete", danger: true })) &&
                  remove.mutate(message.id)
                }
                onShare={(clientVisible) => edit.mutate({ id: message.id, clientVisible })}
                sharing={edit.isPending && edit.variables.id === message.id}
                selection={
                  selection.on
                    ? { selected: selection.has(message.id), onToggle: () => selection.toggle(message.id) }
                    : undefined
                }
              />
            ))}
          </ol>
        </div>
        {!scroll.atBottom && <JumpToLatest onJump={scroll.jump} className="mx-auto -mt-9 mb-2" />}
        <div className="border-t border-slate-200 p-3">
          {(draftsChangeOrders || chooses) && (
            <DraftBar
              projectId={projectId}
              selection={selection}
              recent={items.map((m) => m.id)}
              changeOrders={draftsChangeOrders}
              updates={chooses}
              onUpdate={takeUpdate}
            />
          )}
          <div className="mb-1 flex min-h-4 items-center justify-between gap-3">
            <p className="text-xs text-slate-500" aria-live="polite" data-testid="typing">
              {typing.length > 0 &&
                `${typing.map((m) => m.name).join(", ")} ${typing.length > 1 ? "are" : "is"} typing…`}
            </p>
            {chooses && <VisibilityChoice visible={visible} onChange={setVisible} />}
          </div>
          {error && <Failed error={error} />}
          {update && (
            <div className="mb-2 rounded-md bg-emerald-50 p-2 text-sm" aria-label="Drafted client update">
              <p>The assistant drafted today's update from client-visible items: edit it, then send it.</p>
              <DraftSources projectId={projectId} citations={update.citations} />
            </div>
          )}
          <Composer
            key={opened.box}
            projectId={projectId}
            people={mentionable}
            initial={update?.body ?? about}
            rows={update ? 8 : undefined}
            busy={send.isPending}
            clientVisible={chooses ? visible : undefined}
            onSend={(body, attachments) =>
              send
                .mutateAsync({ body, attachments, ...(chooses && { clientVisible: visible }) })
                .then(() => setUpdate(undefined))
            }
            onTyping={internal ? quiet : notify}
          />
        </div>
      </section>
      <PeoplePanel projectId={projectId} people={members} />
      {dialog}
    </div>
  );
}

const quiet = () => undefined;

/** The opening words of a message about a task, once the task is loaded. */
function useAboutTask(projectId: string, taskId: string | null) {
  const task = useQuery({
    queryKey: ["task", projectId, taskId],
    queryFn: () => api.tasks.get(projectId, taskId ?? ""),
    enabled: Boolean(taskId),
  });
  return task.data ? `Re “${task.data.title}”: ` : undefined;
}
