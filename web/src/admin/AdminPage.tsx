// The admin area, shown only to workspace admins (anyone else gets not-found, by URL too):
// a tab per admin tool.
import { Outlet } from "react-router";
import { NotFound } from "../components/States";
import { Tabs } from "../components/Tabs";
import { useSession } from "../session";

const TABS = [
  { to: "people", name: "People" },
  { to: "projects", name: "Projects" },
  { to: "agent", name: "Admin agent" },
  { to: "digest", name: "Weekly digest" },
  { to: "risks", name: "Risks & Blockers" },
  { to: "cost", name: "Cost & budgets" },
  { to: "audit", name: "Audit log" },
];

export function AdminPage() {
  const user = useSession();
  if (user?.role !== "admin") return <NotFound />;
  return (
    <section>
      <h1 className="mb-4 text-xl font-semibold">Admin</h1>
      <Tabs label="Admin sections" tabs={TABS} />
      <Outlet />
    </section>
  );
}
