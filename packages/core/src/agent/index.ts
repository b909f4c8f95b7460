// The AI agent: threads, questions, the run pipeline and its providers.
export * as Agent from "./agent";
