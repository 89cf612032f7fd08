import { ApiKeysPanel } from "@/components/settings/api-keys-panel";

export const metadata = { title: "API · Settings · Lectern" };

export default function ApiSettingsPage() {
  return <ApiKeysPanel />;
}
