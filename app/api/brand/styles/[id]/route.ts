import { z } from "zod";
import { ImportedStyleOut, StylePatchBody } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { removeStyle, setStyleEnabled } from "@/server/features/governor/styles/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const PATCH = withRoute(
  { auth: "session", role: "admin", params: Params, body: StylePatchBody, response: ImportedStyleOut },
  ({ ws, params, body }) => setStyleEnabled(ws, params.id, body),
);

export const DELETE = withRoute({ auth: "session", role: "admin", params: Params, status: 204 }, ({ ws, params }) =>
  removeStyle(ws, params.id),
);
