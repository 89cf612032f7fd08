import { ChevronRight } from "lucide-react";
import { Playground } from "@/components/inference/playground";

/** The inference playground, folded away under the Drafts list. */
export function PlaygroundDetails({ workspaceName }: { workspaceName: string }) {
  return (
    <details className="group mt-8" data-testid="playground-details">
      <summary className="text-muted-foreground hover:text-foreground focus-visible:outline-ring mb-4 flex w-fit cursor-pointer list-none items-center gap-1.5 rounded-md text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
        Model playground
      </summary>
      <Playground workspaceName={workspaceName} />
    </details>
  );
}
