// Password hashing with argon2id (OWASP's first choice), parameters at OWASP's minimum
// (19 MiB, t=2, p=1). WebAssembly rather than a native addon, so the same bundle runs on
// arm64 Lambda and any laptop without platform-specific binaries. Loaded on first use: only
// sign-in and password routes hash, and most cold starts serve a token-bearing request.
import { randomBytes } from "node:crypto";
import * as z from "zod";

const options = { parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32 };

const argon2 = () => import("hash-wasm");

/** An encoded argon2id hash (PHC string: algorithm, parameters, salt and hash). */
export async function hashPassword(password: string): Promise<string> {
  const { argon2id } = await argon2();
  return argon2id({ ...options, password, salt: randomBytes(16), outputType: "encoded" });
}

/** A hash of nothing, verified when no user matches so a login's timing reveals no email. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  const { argon2Verify } = await argon2();
  if (!stored) {
    decoy ??= hashPassword("decoy-password-never-matches");
    await argon2Verify({ password, hash: await decoy }).catch(() => false);
    return false;
  }
  return argon2Verify({ password, hash: stored }).catch(() => false);
}

/** What a new password must be: long enough to resist guessing, short enough to hash quickly. */
export const Password = z.string().min(10, "Use at least 10 characters.").max(256);
