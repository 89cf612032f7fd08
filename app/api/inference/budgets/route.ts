import { z } from "zod";
import { BudgetBody, BudgetRow } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { createBudget, listBudgets } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: z.array(BudgetRow) }, ({ ws }) =>
  listBudgets(ws, adminDeps()),
);

export const POST = withRoute({ auth: "session", role: "admin", body: BudgetBody, status: 201 }, ({ ws, body }) =>
  createBudget(ws, adminDeps(), body),
);
