// Who is calling and may they: each rehearsed function gets its own credentials (derived from its
// logical id), every local endpoint asks `authorize` with the caller's access key, and the answer
// comes from that function's role in the template. Every decision is recorded: denials are logged
// with function, action and resource; allowed calls feed the least-privilege report.
import { createHash } from "node:crypto";
import { ACCOUNT } from "../account";
import type { AccessRequest, Authorize } from "../authorize";
import { isAllowed, type Role } from "./iam";

export interface Principal {
  /** The function's logical id and physical name. */
  logicalId: string;
  name: string;
  role: Role;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export interface Call {
  function: string;
  action: string;
  resource: string;
}

export interface Guard {
  authorize: Authorize;
  /** Checks a function's right without a request (e.g. what an event source mapping needs). */
  allows(principal: Principal, action: string, resource: string): boolean;
  denials: Call[];
  /** Distinct calls that were allowed, per function. */
  used: Call[];
}

/** Lambda hands out temporary credentials (ASIA…); these are stable per logical id. */
export function credentialsFor(logicalId: string) {
  const digest = (salt: string) => createHash("sha256").update(`${salt}:${logicalId}`).digest();
  return {
    accessKeyId: `ASIA${base32(digest("key")).slice(0, 16)}`,
    secretAccessKey: digest("secret").toString("base64").slice(0, 40),
    sessionToken: digest("session").toString("base64"),
  };
}

export function createGuard(options: {
  principals: Principal[];
  /** The operator's key (the rehearsal itself, seeding, the CLI): may do anything, never recorded. */
  operatorKey: string;
  onDenial: (call: Call) => void;
}): Guard {
  const byKey = new Map(options.principals.map((p) => [p.credentials.accessKeyId, p]));
  const denials: Call[] = [];
  const used = new Map<string, Call>();

  const authorize = ({ accessKeyId, action, resource }: AccessRequest) => {
    if (accessKeyId === options.operatorKey) return undefined;
    const principal = accessKeyId ? byKey.get(accessKeyId) : undefined;
    if (!principal) {
      const call = { function: accessKeyId ? `unknown key ${accessKeyId}` : "anonymous", action, resource };
      denials.push(call);
      options.onDenial(call);
      return `Anonymous users are not authorized to perform: ${action} on resource: ${resource}`;
    }
    const call = { function: principal.name, action, resource };
    if (isAllowed(principal.role, action, resource)) {
      used.set(`${principal.name} ${action} ${resource}`, call);
      return undefined;
    }
    denials.push(call);
    options.onDenial(call);
    return `User: arn:aws:sts::${ACCOUNT}:assumed-role/${principal.role.name}/${principal.name} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
  };

  return {
    authorize,
    allows: (principal, action, resource) => isAllowed(principal.role, action, resource),
    denials,
    get used() {
      return [...used.values()];
    },
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const base32 = (bytes: Buffer) => [...bytes].map((b) => ALPHABET[b % 32]).join("");
