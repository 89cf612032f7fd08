"use client";

import { Cpu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";
import { Logo } from "@/components/shell/logo";
import { isActivePath, navItemsForRole, type NavItem, type StudioRole } from "@/components/shell/nav-items";
import { WorkspaceSwitcher, type SwitcherWorkspace } from "@/components/shell/workspace-switcher";

export type SidebarProps = {
  workspaces: SwitcherWorkspace[];
  activeWorkspaceId: string;
  role: StudioRole;
  engineLabel: string;
  /** Rendered at the right of the logo row (the drawer's close button). */
  headerAction?: ReactNode;
  /** Called when a nav link is clicked (the drawer closes itself). */
  onNavigate?: () => void;
};

function NavLink({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate?: () => void }) {
  const Icon = item.icon;
  return (
    <li>
      <Link
        href={item.href}
        aria-current={active ? "page" : undefined}
        onClick={onNavigate}
        className={cn(
          "group text-sidebar-foreground flex h-8 items-center gap-2.5 rounded-md px-2 text-[13px] font-medium transition-colors",
          "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
          active && "bg-sidebar-accent text-sidebar-accent-foreground",
        )}
      >
        <Icon
          aria-hidden="true"
          className={cn(
            "size-4 shrink-0",
            active ? "text-primary" : "text-sidebar-muted-foreground group-hover:text-sidebar-accent-foreground",
          )}
          strokeWidth={active ? 2.25 : 2}
        />
        <span className="truncate">{item.label}</span>
      </Link>
    </li>
  );
}

/** Sidebar body shared by the fixed desktop sidebar and the mobile drawer. */
export function Sidebar({ workspaces, activeWorkspaceId, role, engineLabel, headerAction, onNavigate }: SidebarProps) {
  const pathname = usePathname();
  const items = navItemsForRole(role);
  const main = items.filter((item) => item.href !== "/settings");
  const settings = items.find((item) => item.href === "/settings");

  return (
    <div className="bg-sidebar text-sidebar-foreground flex h-full flex-col">
      <div className="flex h-14 shrink-0 items-center justify-between gap-2 px-4">
        <Link href="/drafts" onClick={onNavigate} className="rounded-md" aria-label="Lectern, go to Drafts">
          <Logo />
        </Link>
        {headerAction}
      </div>

      <div className="px-2 pb-2">
        <WorkspaceSwitcher workspaces={workspaces} activeWorkspaceId={activeWorkspaceId} role={role} />
      </div>

      <nav aria-label="Primary" className="flex min-h-0 flex-1 flex-col overflow-y-auto px-2 pt-2 pb-3">
        <ul className="space-y-0.5">
          {main.map((item) => (
            <NavLink key={item.href} item={item} active={isActivePath(pathname, item.href)} onNavigate={onNavigate} />
          ))}
        </ul>
        {settings ? (
          <ul className="mt-auto space-y-0.5 pt-4">
            <NavLink item={settings} active={isActivePath(pathname, settings.href)} onNavigate={onNavigate} />
          </ul>
        ) : null}
      </nav>

      <div className="border-sidebar-border shrink-0 border-t px-4 py-3">
        <p className="text-sidebar-muted-foreground flex items-start gap-2 text-xs leading-4" title={engineLabel}>
          <Cpu aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          <span className="line-clamp-2">{engineLabel}</span>
        </p>
      </div>
    </div>
  );
}
