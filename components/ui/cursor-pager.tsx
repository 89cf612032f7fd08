"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Newest-first cursor pagination: a stack of cursors, so "Newer" walks back
 * exactly the pages "Older" walked forward.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    hasNewer: cursors.length > 1,
    newer: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    older: (next: string) => setCursors((c) => [...c, next]),
    reset: () => setCursors([undefined]),
  };
}

export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <Button variant="secondary" size="sm" disabled={!pages.hasNewer} onClick={pages.newer}>
        Newer
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.older(nextCursor)}
      >
        Older
      </Button>
    </div>
  );
}
