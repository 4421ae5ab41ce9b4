"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export interface ProjectNavProps {
  id: string;
  /** Prefetch the tabs' pages when shown (Next's default); a page busy loading its own data says false. */
  prefetch?: boolean;
}

/** Overview / Alerts / Alerting / SLOs / Settings / History tabs of one project. */
export function ProjectNav({ id, prefetch }: ProjectNavProps): ReactNode {
  const pathname = usePathname();
  const base = `/projects/${id}`;
  const tabs = [
    { href: base, label: "Overview", active: pathname === base },
    { href: `${base}/alerts`, label: "Alerts", active: pathname.startsWith(`${base}/alerts`) },
    { href: `${base}/alerting`, label: "Alerting", active: pathname.startsWith(`${base}/alerting`) },
    { href: `${base}/slos`, label: "SLOs", active: pathname.startsWith(`${base}/slos`) },
    { href: `${base}/settings`, label: "Settings", active: pathname === `${base}/settings` },
    { href: `${base}/history`, label: "History", active: pathname.startsWith(`${base}/history`) },
  ];
  return (
    <nav className="tabs" aria-label="Project">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          prefetch={prefetch === false ? false : undefined}
          className={tab.active ? "tab active" : "tab"}
          aria-current={tab.active ? "page" : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
