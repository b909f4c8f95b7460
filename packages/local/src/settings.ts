// Settings of the local runtime itself (not of the product): where it listens and keeps data.
// Read here, at the edge of `npm start`, and nowhere else.
import { resolve } from "node:path";
import * as z from "zod";

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_500).default(3000),
  REHOME_DATA_DIR: z.string().default(".rehome"),
});

export function settings(env: Record<string, string | undefined> = process.env) {
  const parsed = Schema.parse(env);
  const root = resolve(import.meta.dirname, "../../..");
  return {
    port: parsed.PORT,
    dataDir: resolve(root, parsed.REHOME_DATA_DIR),
    webDist: resolve(root, "web/dist"),
  };
}
