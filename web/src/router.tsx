// Every screen and its URL. The agent and admin screens (markdown rendering included) load
// on first visit, so signing in and the board stay light.
import { createBrowserRouter, Navigate } from "react-router";
import { Board } from "./board/Board";
import { Layout } from "./components/Layout";
import { RouteError } from "./components/RouteError";
import { NotFound } from "./components/States";
import { Login } from "./pages/Login";
import { ProjectPage } from "./pages/ProjectPage";
import { Projects } from "./pages/Projects";

export const router = createBrowserRouter([
  { path: "/login", element: <Login /> },
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
          { index: true, element: <Navigate to="agent" replace /> },
          {
            path: "agent/:threadId?",
            lazy: () => import("./admin/AdminAgent").then((m) => ({ Component: m.AdminAgent })),
          },
          {
            path: "digest",
            lazy: () => import("./admin/WeeklyDigest").then((m) => ({ Component: m.WeeklyDigest })),
          },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
