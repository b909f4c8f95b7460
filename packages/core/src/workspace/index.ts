// Workspaces: the tenant boundary. Every other item carries its workspaceId in its key.
export * as Workspace from "./workspace";
