import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { GatewaySettings } from "@/lib/schemas/inference";
import { getSettings, setSettings } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: GatewaySettings }, ({ ws }) =>
  getSettings(ws),
);

export const PUT = withRoute({ auth: "session", role: "admin", body: GatewaySettings, status: 204 }, ({ ws, body }) =>
  setSettings(ws, adminDeps(), body),
);
