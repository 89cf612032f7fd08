import { z } from "zod";
import { AcceptInvitationBody } from "@/lib/schemas/auth";
import { db } from "@/server/db";
import { withRoute } from "@/server/http/route";
import { acceptInvitation } from "@/server/features/members/service";

/** A new person accepts an invitation by choosing a name and password; the token is the credential. */
export const POST = withRoute(
  { auth: "public", body: AcceptInvitationBody, response: z.object({ email: z.string() }), status: 201 },
  async ({ body, requestId }) => ({ email: (await acceptInvitation(db(), body, requestId)).email }),
);
