import { z } from "zod";
import { PriceBody, PriceRow } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { listPrices, setPrice } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: z.array(PriceRow) }, ({ ws }) =>
  listPrices(ws),
);

export const PUT = withRoute({ auth: "session", role: "admin", body: PriceBody, status: 204 }, ({ ws, body }) =>
  setPrice(ws, adminDeps(), body),
);
