import { GoldenSetBody, GoldenSetList, GoldenSetOut } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { createSet, listSets } from "@/server/features/evals/sets";

export const GET = withRoute({ auth: "session", role: "editor", response: GoldenSetList }, ({ ws }) => listSets(ws));

export const POST = withRoute(
  { auth: "session", role: "editor", body: GoldenSetBody, response: GoldenSetOut, status: 201 },
  ({ ws, body }) => createSet(ws, body),
);
