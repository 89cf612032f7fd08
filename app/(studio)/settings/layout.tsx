import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requirePageAccess } from "@/server/auth/context";

/** Settings are for admins: everyone else gets the 403 page (and the APIs refuse too). */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const s = await requirePageAccess("admin");
  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader title="Settings" description={`Members, API access and the audit trail of ${s.active.name}.`} />
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </div>
  );
}
