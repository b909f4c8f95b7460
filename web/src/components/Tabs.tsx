// Section tabs that are links, so every tab has a URL to share and the back button works. On a
// phone they scroll sideways, with faded edges that say so, and the open tab is scrolled into
// the strip (a link to the eighth tab would otherwise open with its own tab out of sight).
import { useEffect, useRef } from "react";
import { NavLink } from "react-router";

/** Room left beside a tab scrolled into view, past the strip's faded edge. */
const EDGE_PX = 24;

export function Tabs({ label, tabs }: { label: string; tabs: { to: string; name: string }[] }) {
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = strip.current;
    const open = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !open) return;
    // The strip scrolls, not the page: scrollIntoView would also move the page to the tabs.
    const box = nav.getBoundingClientRect();
    const tab = open.getBoundingClientRect();
    if (tab.left < box.left) nav.scrollLeft -= box.left - tab.left + EDGE_PX;
    else if (tab.right > box.right) nav.scrollLeft += tab.right - box.right + EDGE_PX;
  });
  return (
    <nav
      ref={strip}
      aria-label={label}
      // The end padding lets the last tab scroll clear of the faded edge.
      className="scroll-hint mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 pr-8 sm:pr-0 sm:[mask-image:none]"
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
