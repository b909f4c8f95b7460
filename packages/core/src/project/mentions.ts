// Finds who a text mentions: `@Full Name`, `@email` or `@First` (when only one person has that
// first name), matched case-insensitively against the people who may be mentioned. Pure.

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Ids of the people mentioned in `text`, in order of first mention, each once. */
export function mentionsIn(text: string, people: Mentionable[]): string[] {
  const aliases = aliasesOf(people);
  const found: string[] = [];
  for (const match of text.matchAll(/@/g)) {
    const at = match.index;
    // `bob@tom.com` is an address, not a mention of Tom.
    if (at > 0 && (WORD.test(text.charAt(at - 1)) || text.charAt(at - 1) === ".")) continue;
    const rest = text.slice(at + 1).toLowerCase();
    const hit = aliases.find((a) => rest.startsWith(a.alias) && !WORD.test(rest.charAt(a.alias.length)));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}

/** Every way to name each person, longest first so `@Tom Team` beats `@Tom`. */
function aliasesOf(people: Mentionable[]) {
  const firstNames = new Map<string, number>();
  for (const p of people) {
    const first = firstName(p.name);
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  return people
    .flatMap((p) => {
      const first = firstName(p.name);
      const names = [p.name.toLowerCase(), p.email.toLowerCase()];
      if (first && firstNames.get(first) === 1) names.push(first);
      return names.filter(Boolean).map((alias) => ({ alias, id: p.id }));
    })
    .sort((a, b) => b.alias.length - a.alias.length);
}

const firstName = (name: string) => name.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
