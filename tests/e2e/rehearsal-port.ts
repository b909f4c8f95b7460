// Where the browser tests' rehearsal listens (the stand-ins on the next ports, as with the local
// stack) and the file its log goes to. E2E_REHEARSAL_PORT moves it, like E2E_PORT for the stack.
import { resolve } from "node:path";

export const REHEARSAL_PORT = Number(process.env.E2E_REHEARSAL_PORT ?? 4650);
export const REHEARSAL_LOG = resolve(import.meta.dirname, "../../.build/rehearsal-e2e/rehearsal.log");
