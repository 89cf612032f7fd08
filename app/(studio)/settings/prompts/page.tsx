import { PromptsPanel } from "@/components/prompts/prompts-panel";

export const metadata = { title: "Prompts · Settings · Lectern" };

export default function PromptsSettingsPage() {
  return <PromptsPanel />;
}
