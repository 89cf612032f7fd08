import { BrandVersionList } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { listBrandVersions } from "@/server/features/governor/service";

export const GET = withRoute({ auth: "session", role: "marketer", response: BrandVersionList }, ({ ws }) =>
  listBrandVersions(ws),
);
