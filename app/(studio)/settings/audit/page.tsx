import { AuditPanel } from "@/components/settings/audit-panel";

export const metadata = { title: "Audit trail · Settings · Lectern" };

export default function AuditSettingsPage() {
  return <AuditPanel />;
}
