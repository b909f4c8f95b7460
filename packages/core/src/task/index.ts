// Tasks of a project's board: create, list, update, move, delete; each mutation emits its event.
export * as Task from "./task";
