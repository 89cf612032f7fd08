import { GuardrailPolicyBody, GuardrailPolicyOut } from "@/lib/schemas/guardrails";
import { withRoute } from "@/server/http/route";
import { getPolicy, savePolicy } from "@/server/features/guardrails/policy";

export const GET = withRoute({ auth: "session", role: "admin", response: GuardrailPolicyOut }, ({ ws }) =>
  getPolicy(ws),
);

export const PUT = withRoute(
  { auth: "session", role: "admin", body: GuardrailPolicyBody, response: GuardrailPolicyOut },
  ({ ws, body }) => savePolicy(ws, body),
);
