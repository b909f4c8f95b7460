// The console banner of `npm start` and `npm run rehearse`: where everything is and who can sign in.
import { Demo } from "@rehome/core/demo";

export interface BannerOptions {
  title: string;
  startedAt: number;
  seeded: boolean;
  url: string;
  /** What a browser opens, when not `url` itself (the rehearsal's bucket has no index document). */
  webUrl?: string;
  mailUrl: string;
  wsUrl: string;
  /** Lines after the logins (where data lives, how to stop). */
  footer: string[];
}

export function banner(o: BannerOptions) {
  const seconds = ((Date.now() - o.startedAt) / 1000).toFixed(1);
  return `
  ${o.title} (ready in ${seconds}s${o.seeded ? ", demo data seeded" : ", data kept from last run"})

    App        ${o.webUrl ?? o.url}
    Health     ${o.url}/health
    API docs   ${o.url}/api/docs
    Mail       ${o.mailUrl}
    WebSocket  ${o.wsUrl}

  Demo logins (password: ${Demo.PASSWORD})
${Demo.LOGINS.map((l) => `    ${l.email.padEnd(32)} ${l.role.padEnd(11)} ${l.workspace}`).join("\n")}

${o.footer.map((line) => `  ${line}`).join("\n")}
`;
}
