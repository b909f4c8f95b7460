// Password hashing with argon2id (OWASP's first choice). Parameters follow OWASP's
// minimum (19 MiB, t=2, p=1) so a Lambda with 512 MB verifies in well under a second.
import { type Algorithm, hash as argonHash, verify as argonVerify } from "@node-rs/argon2";

// The package exports Algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const argon2id = 2 as Algorithm.Argon2id;
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => argonHash(password, options);

/** A hash of nothing, verified when no user matches so a login's timing reveals no email. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword("decoy-password-never-matches");
    await argonVerify(await decoy, password).catch(() => false);
    return false;
  }
  return argonVerify(stored, password).catch(() => false);
}
