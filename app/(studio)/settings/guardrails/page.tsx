import { GuardrailsPanel } from "@/components/guardrails/guardrails-panel";

export const metadata = { title: "Guardrails · Settings · Lectern" };

export default function GuardrailsSettingsPage() {
  return <GuardrailsPanel />;
}
