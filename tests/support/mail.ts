// Reads the local mail capture (Resend stand-in) the way a person reads their inbox.
import type { Stack } from "@rehome/local/stack";

interface Captured {
  to: string[];
  subject: string;
  text?: string;
  html?: string;
}

export async function inbox(stack: Pick<Stack, "mailUrl">, to: string): Promise<Captured[]> {
  const response = await fetch(`${stack.mailUrl}/api/messages`);
  const all = (await response.json()) as Captured[];
  return all.filter((m) => m.to.some((address) => address.toLowerCase() === to.toLowerCase()));
}

/** The token of the newest `page` link emailed to `to` (waits briefly for it to arrive). */
export async function linkToken(
  stack: Pick<Stack, "mailUrl">,
  to: string,
  page: "accept-invite" | "reset-password",
): Promise<{ url: string; token: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    for (const message of await inbox(stack, to)) {
      // The SPA routes in the fragment: the token is the route's query, never sent to a server.
      // A stage's SPA is …/index.html (its bucket has no index document), a local one …/.
      const url = message.text?.match(new RegExp(`https?://\\S+/(?:index\\.html)?#/${page}\\?token=(\\S+)`));
      if (url?.[1]) return { url: url[0], token: decodeURIComponent(url[1]) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${page} email for ${to}`);
}
