// Projects and their assignments (the project_user pivot).
export * as Project from "./project";
