// The one Hono app behind API Gateway (functions/http.ts) and `npm start` (packages/local).
// Never imports Lambda or Node-server types: adapters wrap it.

import { VisibleError } from "@rehome/core/error";
import { requestId } from "hono/request-id";
import { router } from "./context";
import { renderDocs } from "./docs";
import { errorResponse } from "./errors";
import { accessLog, actor, corsFromAllowlist, limitBody, rateLimit, security } from "./middleware";
import { activity } from "./routes/activity";
import { agent } from "./routes/agent";
import { assignments } from "./routes/assignments";
import { auth } from "./routes/auth";
import { calendar } from "./routes/calendar";
import { changeOrders } from "./routes/change-orders";
import { drafts } from "./routes/drafts";
import { files } from "./routes/files";
import { health } from "./routes/health";
import { invites } from "./routes/invites";
import { messages } from "./routes/messages";
import { notifications } from "./routes/notifications";
import { projects } from "./routes/projects";
import { realtime } from "./routes/realtime";
import { risks } from "./routes/risks";
import { siteLog } from "./routes/site-log";
import { summaries } from "./routes/summaries";
import { tasks } from "./routes/tasks";
import { tokens } from "./routes/tokens";
import { usage } from "./routes/usage";
import { users } from "./routes/users";

export function createApp() {
  const app = router();
  app.use(requestId({ headerName: "X-Request-ID", limitLength: 128 }));
  app.use(security());
  app.use("/api/*", corsFromAllowlist());
  app.use(accessLog);
  app.use("/api/*", limitBody());
  app.use("/api/*", actor);
  app.use("/api/*", rateLimit);
  app.onError((error, c) => errorResponse(c, error));

  app.route("/", health);
  app.route("/", auth);
  app.route("/", projects);
  app.route("/", tasks);
  app.route("/", assignments);
  app.route("/", messages);
  app.route("/", files);
  app.route("/", changeOrders);
  app.route("/", calendar);
  app.route("/", siteLog);
  app.route("/", activity);
  app.route("/", notifications);
  app.route("/", users);
  app.route("/", invites);
  app.route("/", tokens);
  app.route("/", realtime);
  app.route("/", agent);
  app.route("/", summaries);
  app.route("/", drafts);
  app.route("/", risks);
  app.route("/", usage);

  const documentConfig = { openapi: "3.1.0", info: { title: "ReHome API", version: "1" } };
  app.doc31("/api/openapi.json", documentConfig);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "`<id>.<secret>` from POST /api/login or a personal API token",
  });
  app.get("/api/docs", (c) =>
    c.html(renderDocs(app.getOpenAPI31Document(documentConfig), "/api/openapi.json")),
  );
  // Every path of the API's host reaches this function on AWS, not only /api/*.
  app.notFound((c) => errorResponse(c, new VisibleError("not_found", "No such endpoint.", 404)));
  return app;
}

export type App = ReturnType<typeof createApp>;
