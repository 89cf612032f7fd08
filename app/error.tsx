"use client";

import { TriangleAlert } from "lucide-react";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

/** Shown when a page fails on the server; the details stay in the logs, the digest joins the two. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      icon={TriangleAlert}
      title="Something went wrong"
      description={
        <>
          This page could not be loaded. Try again; if it keeps happening, give your admin this reference:{" "}
          <code className="font-mono">{error.digest ?? "none"}</code>.
        </>
      }
      actions={<Button onClick={reset}>Try again</Button>}
    />
  );
}
