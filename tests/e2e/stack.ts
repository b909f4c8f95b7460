// Where the browser tests' local stack listens: the API and SPA on PORT, and the stand-ins on
// the next ports (the mail capture, with its JSON at /api/messages, on PORT + 4).
// E2E_PORT lets two checkouts run the browser suite side by side.
export const PORT = Number(process.env.E2E_PORT ?? 4300);
export const MAIL_URL = `http://127.0.0.1:${PORT + 4}`;
