// Staff paste a meeting's notes; the assistant's summary arrives in the digest list, where each
// proposed task waits for a person to create it (ProposedTasks).

import type { SummaryInfo } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { tasksKey } from "../board/useTasks";
import { api } from "../session";

export function MeetingNotes({ projectId }: { projectId: string }) {
  const [notes, setNotes] = useState("");
  const [title, setTitle] = useState("");
  const send = useMutation({
    mutationFn: () => api.summaries.meeting(projectId, { notes, ...(title.trim() ? { title } : {}) }),
    onSuccess: () => {
      setNotes("");
      setTitle("");
    },
  });
  return (
    <form
      className="mb-3 space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <h2 className="font-semibold">Meeting notes</h2>
      <input
        aria-label="Meeting title"
        placeholder="Title (optional)"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <textarea
        aria-label="Meeting notes"
        placeholder="Paste the notes: lines like “Decision: …” and “Action: …” become decisions and proposed tasks."
        className="h-24 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
      />
      <button
        type="submit"
        disabled={!notes.trim() || send.isPending}
        className="rounded bg-slate-800 px-3 py-1 text-sm text-white disabled:opacity-50"
      >
        Summarize meeting
      </button>
      {send.isSuccess && <p className="text-xs text-slate-600">The summary is being written.</p>}
      {send.isError && <p className="text-xs text-red-700">{send.error.message}</p>}
    </form>
  );
}

/** A meeting summary's proposed tasks: each becomes a task only when someone clicks it. */
export function ProposedTasks({ summary }: { summary: SummaryInfo }) {
  const queries = useQueryClient();
  const projectId = summary.projectId ?? "";
  const confirm = useMutation({
    mutationFn: (index: number) => api.summaries.confirm(projectId, summary.id, index),
    onSettled: () => {
      queries.invalidateQueries({ queryKey: ["summaries", projectId] });
      // The board was read before the task existed (its channel is left while another tab is open).
      queries.invalidateQueries({ queryKey: tasksKey(projectId) });
    },
  });
  if (summary.proposals.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Proposed tasks">
      {summary.proposals.map((proposal, index) => (
        <li key={`${index}-${proposal.title}`} className="flex items-center justify-between gap-2 text-sm">
          <span>{proposal.title}</span>
          {proposal.taskId ? (
            <span className="text-xs text-green-700">Task created</span>
          ) : (
            <button
              type="button"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(index)}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs"
            >
              Create task
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
