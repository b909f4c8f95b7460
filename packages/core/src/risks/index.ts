// Risks & Blockers: blocked and overdue tasks, projects at risk and the AI budget near its limit,
// across an admin's workspace, each with a reason from the data and the assistant's note.
export * as Risks from "./risks";
