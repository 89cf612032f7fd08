"use client";

import { ChevronRight, Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { NotificationBell } from "@/components/review/notifications/notification-bell";
import { Logo } from "@/components/shell/logo";
import { MobileNavDrawer } from "@/components/shell/mobile-nav-drawer";
import { isActivePath, NAV_ITEMS } from "@/components/shell/nav-items";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

export type ShellWorkspace = { id: string; name: string; slug: string; role: "admin" | "editor" | "marketer" };

export type StudioShellProps = {
  user: { id: string; name: string; email: string };
  /** All the user's workspaces. */
  workspaces: ShellWorkspace[];
  activeWorkspaceId: string;
  /** Role in the active workspace. */
  role: "admin" | "editor" | "marketer";
  /** Shows a small "Demo workspace" indicator when true. */
  demoMode: boolean;
  /** e.g. "Offline engine (deterministic composer, not an LLM)"; shown in the sidebar footer. */
  engineLabel: string;
  children: ReactNode;
};

const DRAWER_ID = "studio-mobile-nav";

/**
 * Authenticated studio chrome: skip link, fixed sidebar (drawer below `md`),
 * top bar with workspace/section context and the user menu, and `<main id="main">`.
 */
export function StudioShell({
  user,
  workspaces,
  activeWorkspaceId,
  role,
  demoMode,
  engineLabel,
  children,
}: StudioShellProps) {
  const pathname = usePathname();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Close the drawer whenever the route changes (adjusting state during render,
  // as recommended over an effect).
  const [lastPathname, setLastPathname] = useState(pathname);
  if (pathname !== lastPathname) {
    setLastPathname(pathname);
    setDrawerOpen(false);
  }

  const activeWorkspace = workspaces.find((w) => w.id === activeWorkspaceId);
  const section = NAV_ITEMS.find((item) => isActivePath(pathname, item.href));

  // Return focus to the menu button after an explicit close (Escape, close
  // button, backdrop), once the page is no longer `inert`.
  const restoreFocusRef = useRef(false);
  useEffect(() => {
    if (!drawerOpen && restoreFocusRef.current) {
      restoreFocusRef.current = false;
      menuButtonRef.current?.focus();
    }
  }, [drawerOpen]);

  function closeDrawer() {
    restoreFocusRef.current = true;
    setDrawerOpen(false);
  }

  const sidebarProps = { workspaces, activeWorkspaceId, role, engineLabel };

  return (
    <div className="bg-background text-foreground min-h-dvh">
      <a
        href="#main"
        inert={drawerOpen}
        className="focus:bg-primary focus:text-primary-foreground focus:shadow-popover sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[100] focus:rounded-md focus:px-3 focus:py-2 focus:text-sm focus:font-medium"
      >
        Skip to content
      </a>

      <aside className="border-sidebar-border fixed inset-y-0 left-0 z-40 hidden w-60 border-r md:block">
        <Sidebar {...sidebarProps} />
      </aside>

      <MobileNavDrawer id={DRAWER_ID} open={drawerOpen} onClose={closeDrawer}>
        {(closeButtonRef) => (
          <Sidebar
            {...sidebarProps}
            onNavigate={() => setDrawerOpen(false)}
            headerAction={
              <Button
                ref={closeButtonRef}
                variant="ghost"
                size="icon-sm"
                aria-label="Close navigation"
                onClick={closeDrawer}
              >
                <X aria-hidden="true" />
              </Button>
            }
          />
        )}
      </MobileNavDrawer>

      <div inert={drawerOpen} className="flex min-h-dvh flex-col md:pl-60">
        <header className="border-border bg-background/90 sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b px-3 backdrop-blur-md sm:px-4 md:px-8">
          <Button
            ref={menuButtonRef}
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label="Open navigation"
            aria-haspopup="dialog"
            aria-expanded={drawerOpen}
            aria-controls={DRAWER_ID}
            onClick={() => setDrawerOpen(true)}
          >
            <Menu aria-hidden="true" />
          </Button>
          <Link href="/drafts" className="rounded-md md:hidden" aria-label="Lectern, go to Drafts">
            <Logo />
          </Link>

          <p className="hidden min-w-0 items-center gap-1.5 text-sm md:flex">
            <span className="text-muted-foreground truncate">{activeWorkspace?.name ?? "Workspace"}</span>
            {section ? (
              <>
                <ChevronRight aria-hidden="true" className="text-muted-foreground size-3.5 shrink-0" />
                <span className="text-foreground truncate font-medium">{section.label}</span>
              </>
            ) : null}
          </p>

          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            {demoMode ? (
              <Badge tone="brand" title="This workspace is a demo loaded with sample data.">
                <span aria-hidden="true" className="bg-primary size-1.5 rounded-full" />
                <span className="sm:hidden">Demo</span>
                <span className="hidden sm:inline">Demo workspace</span>
              </Badge>
            ) : null}
            <NotificationBell workspaceId={activeWorkspaceId} />
            <UserMenu user={user} role={role} />
          </div>
        </header>

        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 md:px-8 md:py-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
