import { ModelsPanel } from "@/components/inference/models-panel";

export const metadata = { title: "Models · Settings · Lectern" };

export default function ModelsSettingsPage() {
  return <ModelsPanel />;
}
