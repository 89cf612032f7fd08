import {
  BookOpen,
  ChartColumn,
  FileText,
  FlaskConical,
  Globe,
  Inbox,
  Megaphone,
  Palette,
  Send,
  Settings,
  Split,
  type LucideIcon,
} from "lucide-react";

export type StudioRole = "admin" | "editor" | "marketer";

export type NavItem = {
  label: string;
  href: string;
  icon: LucideIcon;
  /** Roles that see the item; omitted means everyone. */
  roles?: readonly StudioRole[];
};

/** Primary navigation, in display order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Drafts", href: "/drafts", icon: FileText },
  { label: "Review", href: "/review", icon: Inbox },
  { label: "Knowledge", href: "/knowledge", icon: BookOpen },
  { label: "Brand", href: "/brand", icon: Palette },
  { label: "Campaigns", href: "/campaigns", icon: Megaphone },
  { label: "SEO", href: "/seo", icon: Globe },
  { label: "Publishing", href: "/publishing", icon: Send },
  // What people spend and the eval suites are for editors and admins (marketers get a 403 there).
  { label: "Usage", href: "/usage", icon: ChartColumn, roles: ["editor", "admin"] },
  { label: "Evals", href: "/evals", icon: FlaskConical, roles: ["editor", "admin"] },
  { label: "Experiments", href: "/experiments", icon: Split },
  { label: "Settings", href: "/settings", icon: Settings, roles: ["admin"] },
];

export const ROLE_LABELS: Record<StudioRole, string> = {
  admin: "Admin",
  editor: "Editor",
  marketer: "Marketer",
};

export function navItemsForRole(role: StudioRole): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function initials(name: string, fallback = "?"): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  const result = (first + last).toUpperCase();
  return result || fallback.slice(0, 1).toUpperCase() || "?";
}
