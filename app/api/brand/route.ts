import { BrandVoiceBody, BrandVoiceOut } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { getBrand, saveBrand } from "@/server/features/governor/service";

export const GET = withRoute({ auth: "session", role: "marketer", response: BrandVoiceOut }, ({ ws }) => getBrand(ws));

export const PUT = withRoute(
  { auth: "session", role: "admin", body: BrandVoiceBody, response: BrandVoiceOut },
  ({ ws, body }) => saveBrand(ws, body),
);
