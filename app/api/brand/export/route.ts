import { withRoute } from "@/server/http/route";
import { exportBrandStyle } from "@/server/features/governor/service";

/** The brand voice as a Vale style folder, to run in Vale or any Vale-compatible tool. */
export const GET = withRoute({ auth: "session", role: "marketer" }, async ({ ws }) => {
  const zip = await exportBrandStyle(ws);
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": 'attachment; filename="brand-vale-style.zip"',
    },
  });
});
