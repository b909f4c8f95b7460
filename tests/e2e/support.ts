// Helpers of the browser tests: demo people, signing in, opening a project or a fresh agent
// conversation, screenshots for a human to look at (tests/e2e/screenshots, ignored by git), and
// the fit-and-axe check of a screen.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page, WebSocketRoute } from "@playwright/test";
import { expect } from "@playwright/test";
import { MAIL_URL } from "./stack";

export const PASSWORD = "rehome-demo";
export const KITCHEN = /Kitchen remodel/;
export const LOFT = /Loft conversion/;

/**
 * Opens an app route. The SPA routes in the URL fragment (`/#/admin/cost`), as on AWS where it
 * is served as `…/index.html`: pass `file` to open it that way.
 */
export const visit = (page: Page, route: string, file = "/") => page.goto(`${file}#${route}`);

/** The app route a page shows, as a URL (pathname and searchParams are the route's). */
export const routeOf = (page: Page) => new URL(new URL(page.url()).hash.slice(1) || "/", "http://route");

export async function signIn(page: Page, email: string, file = "/") {
  await visit(page, "/login", file);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
}

/** A signed-in page in its own browser context, as a second person on another machine. */
export async function personIn(browser: Browser, email: string, file = "/") {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, file);
  return page;
}

export async function openProject(page: Page, name: RegExp, tab = "Board") {
  await page.getByRole("link", { name }).click();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: tab }).click();
  await expect(page.getByTestId("connection")).toHaveText("Live");
}

/** Opens a fresh agent conversation; the person's earlier threads may already be listed. */
export async function startConversation(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: /Start a conversation|New conversation/ }).click();
  // The new thread's own URL: `.../agent/{id}`, not where the page was (a thread, or the tab).
  const threadUrl = /\/agent\/([^/?]+)$/;
  await expect.poll(() => page.url() !== before && threadUrl.test(routeOf(page).pathname)).toBe(true);
  // The URL changes a render before the new conversation replaces the old one, which may be
  // empty too: wait for the log of the thread the URL names, or a click lands in the old one.
  const threadId = threadUrl.exec(routeOf(page).pathname)?.[1] ?? "";
  const log = page.getByRole("log", { name: "Conversation" });
  await expect(log).toHaveAttribute("data-thread-id", threadId);
  await expect(log).toContainText("Pick a quick prompt");
}

/** A full-page screenshot from the top, so the sticky header sits where a person sees it. */
export async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}

/**
 * The path and fragment (`/#/accept-invite?token=…`) of the newest emailed link to `route` sent
 * to `to`, from the mail capture. Emails link to PUBLIC_URL (localhost), the browser runs on
 * 127.0.0.1: only the host differs.
 */
export async function emailedLink(to: string, route: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mails = (await (await fetch(`${MAIL_URL}/api/messages`)).json()) as {
      to: string[];
      text?: string;
    }[];
    const link = mails
      .find((m) => m.to.includes(to) && m.text?.includes(`/#${route}`))
      ?.text?.match(/https?:\/\/\S+/)?.[0];
    if (link) return link.replace(/^https?:\/\/[^/]+/, "");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${route} email to ${to}`);
}

/** Nothing wider than the screen, and no serious or critical axe finding. */
export async function fitsAndPassesAxe(page: Page, name: string) {
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(width.scroll, `${name} is wider than the screen`).toBeLessThanOrEqual(width.client);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `${name} has accessibility violations`).toEqual([]);
}

/** The route a project's messages are posted to and listed from. */
export const MESSAGES = "**/api/projects/*/messages";

/**
 * Holds the server's answers to new messages (POSTs) until `release()`: the server posts a message
 * to the thread's sockets before it answers the sender, so the thread shows it meanwhile.
 */
export async function holdMessageAnswers(page: Page) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(MESSAGES, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return {
    release,
    stop: () => page.unroute(MESSAGES),
  };
}

/**
 * Routes the page's sockets through the test. A frame from the page that `held` picks (given the
 * socket's number, from 0) waits until `release()`, as on a slow link; one never released is lost,
 * as on a socket that died unseen. Everything else goes through.
 */
export async function holdFrames(page: Page, held: (frame: string, socket: number) => boolean) {
  const sockets: WebSocketRoute[] = [];
  const waiting: (() => void)[] = [];
  await page.routeWebSocket(/.*/, (socket) => {
    const number = sockets.push(socket) - 1;
    const server = socket.connectToServer();
    socket.onMessage((frame) => {
      if (held(String(frame), number)) waiting.push(() => server.send(frame));
      else server.send(frame);
    });
  });
  return {
    sockets,
    /** Frames waiting. */
    waiting: () => waiting.length,
    release: () => {
      for (const send of waiting.splice(0)) send();
    },
  };
}
