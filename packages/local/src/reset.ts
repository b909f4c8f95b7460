// `npm run reset`: wipes the local data folder so the next start seeds afresh.
import { rm } from "node:fs/promises";
import { settings } from "./settings";

const { dataDir } = settings();
await rm(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next \`npm start\` seeds the demo data again.`);
