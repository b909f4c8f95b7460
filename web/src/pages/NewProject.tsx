// An admin starts a project: a name and an optional description, in a small inline form.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { api } from "../session";

export function NewProject() {
  const [open, setOpen] = useState(false);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (input: { name: string; description?: string }) => api.projects.create(input),
    onSuccess: async (project) => {
      await queries.invalidateQueries({ queryKey: ["projects"] });
      navigate(`/projects/${project.id}`);
    },
  });
  if (!open)
    return (
      <button type="button" className={ui.primary} onClick={() => setOpen(true)}>
        New project
      </button>
    );
  return (
    <form
      aria-label="New project"
      className="flex w-full flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const description = String(form.get("description")).trim();
        create.mutate({ name: String(form.get("name")).trim(), ...(description && { description }) });
      }}
    >
      <TextField label="Name" name="name" required maxLength={120} labelClassName="min-w-48 grow" />
      <TextField label="Description" name="description" maxLength={2000} labelClassName="min-w-48 grow-[2]" />
      <button type="submit" className={ui.primary} disabled={create.isPending}>
        Create
      </button>
      <button type="button" className={ui.secondary} onClick={() => setOpen(false)}>
        Cancel
      </button>
      {create.isError && <Failed error={create.error} className="w-full" />}
    </form>
  );
}
