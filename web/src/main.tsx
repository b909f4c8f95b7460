// Entry: loads the runtime config, then renders the router inside TanStack Query.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import { Layout } from "./components/Layout";
import { Login } from "./pages/Login";
import { ProjectPage } from "./pages/Project";
import { Projects } from "./pages/Projects";
import { loadConfig } from "./session";
import "./styles.css";

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } });

const router = createBrowserRouter([
  { path: "/login", element: <Login /> },
  {
    element: <Layout />,
    children: [
      { path: "/", element: <Projects /> },
      { path: "/projects/:projectId", element: <ProjectPage /> },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
]);

await loadConfig();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
