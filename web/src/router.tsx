// Every screen and its URL. The agent and admin screens (markdown rendering included) load
// on first visit, so signing in and the board stay light. Routes live in the URL fragment
// (`…/index.html#/projects/…`): the S3 REST endpoint serving the SPA over HTTPS answers only
// existing files, with no fallback a path-based route could reload through (infra/README.md).
import { createHashRouter, Navigate } from "react-router";
import { ActivityTab } from "./activity/ActivityTab";
import { AcceptInvite } from "./auth/AcceptInvite";
import { ForgotPassword } from "./auth/ForgotPassword";
import { Login } from "./auth/Login";
import { ResetPassword } from "./auth/ResetPassword";
import { Board } from "./board/Board";
import { ChangesTab } from "./changes/ChangesTab";
import { Layout } from "./components/Layout";
import { RouteError } from "./components/RouteError";
import { NotFound } from "./components/States";
import { FilesTab } from "./files/FilesTab";
import { MessagesTab } from "./messages/MessagesTab";
import { ProjectPage } from "./pages/ProjectPage";
import { Projects } from "./pages/Projects";
import { SiteLogTab } from "./sitelog/SiteLogTab";

export const router = createHashRouter([
  { path: "/login", element: <Login /> },
  { path: "/forgot-password", element: <ForgotPassword /> },
  { path: "/reset-password", element: <ResetPassword /> },
  { path: "/accept-invite", element: <AcceptInvite /> },
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Projects /> },
      {
        path: "projects/:projectId",
        element: <ProjectPage />,
        children: [
          { index: true, element: <Navigate to="board" replace /> },
          { path: "board", element: <Board /> },
          { path: "messages", element: <MessagesTab /> },
          { path: "files", element: <FilesTab /> },
          { path: "changes", element: <ChangesTab /> },
          {
            path: "schedule",
            lazy: () => import("./schedule/Schedule").then((m) => ({ Component: m.Schedule })),
          },
          { path: "site-log", element: <SiteLogTab /> },
          { path: "activity", element: <ActivityTab /> },
          {
            path: "agent/:threadId?",
            lazy: () => import("./agent/ProjectAgent").then((m) => ({ Component: m.ProjectAgent })),
          },
        ],
      },
      {
        path: "admin",
        lazy: () => import("./admin/AdminPage").then((m) => ({ Component: m.AdminPage })),
        children: [
          { index: true, element: <Navigate to="people" replace /> },
          { path: "people", lazy: () => import("./admin/People").then((m) => ({ Component: m.People })) },
          {
            path: "projects",
            lazy: () => import("./admin/ProjectsAdmin").then((m) => ({ Component: m.ProjectsAdmin })),
          },
          { path: "audit", lazy: () => import("./admin/AuditLog").then((m) => ({ Component: m.AuditLog })) },
          {
            path: "agent/:threadId?",
            lazy: () => import("./admin/AdminAgent").then((m) => ({ Component: m.AdminAgent })),
          },
          {
            path: "digest",
            lazy: () => import("./admin/WeeklyDigest").then((m) => ({ Component: m.WeeklyDigest })),
          },
          {
            path: "risks",
            lazy: () => import("./admin/RisksTab").then((m) => ({ Component: m.RisksTab })),
          },
          {
            path: "cost",
            lazy: () => import("./admin/cost/CostPage").then((m) => ({ Component: m.CostPage })),
          },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
