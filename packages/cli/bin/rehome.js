#!/usr/bin/env node
// Runs the TypeScript CLI in place (tsx), so `npx rehome` needs no build step in this repo.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
