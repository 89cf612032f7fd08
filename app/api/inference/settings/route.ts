import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { getSettings, setSettings, SettingsBody } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: SettingsBody }, ({ ws }) => getSettings(ws));

export const PUT = withRoute({ auth: "session", role: "admin", body: SettingsBody, status: 204 }, ({ ws, body }) =>
  setSettings(ws, adminDeps(), body),
);
