// Section tabs that are links, so every tab has a URL to share and the back button works. On a
// phone they scroll sideways, with faded edges that say so.
import { NavLink } from "react-router";

export function Tabs({ label, tabs }: { label: string; tabs: { to: string; name: string }[] }) {
  return (
    <nav
      aria-label={label}
      className="scroll-hint mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 sm:[mask-image:none]"
    >
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${
              isActive
                ? "border-emerald-700 font-medium text-emerald-800"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`
          }
        >
          {tab.name}
        </NavLink>
      ))}
    </nav>
  );
}
