"use client";

import { Monitor, Smartphone } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

const WIDTHS = { desktop: 600, mobile: 375 } as const;
type Width = keyof typeof WIDTHS;

/**
 * The email's HTML part in a sandboxed frame (no scripts, no navigation of the studio), at a
 * desktop (600 px) or mobile (375 px) width; the frame grows to the message's height.
 */
export function EmailPreview({ html, subject }: { html: string; subject: string }) {
  const [width, setWidth] = useState<Width>("desktop");
  const [height, setHeight] = useState(480);
  const frame = useRef<HTMLIFrameElement>(null);

  function measure() {
    const body = frame.current?.contentDocument?.body;
    if (body) setHeight(Math.max(160, Math.ceil(body.scrollHeight)));
  }
  useEffect(() => {
    const raf = requestAnimationFrame(measure);
    return () => cancelAnimationFrame(raf);
  }, [width, html]);

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Preview width" className="flex gap-2">
        {(Object.keys(WIDTHS) as Width[]).map((w) => (
          <Button
            key={w}
            size="sm"
            variant={width === w ? "primary" : "secondary"}
            aria-pressed={width === w}
            onClick={() => setWidth(w)}
          >
            {w === "desktop" ? <Monitor aria-hidden="true" /> : <Smartphone aria-hidden="true" />}
            {w === "desktop" ? "Desktop" : "Mobile"} ({WIDTHS[w]} px)
          </Button>
        ))}
      </div>
      <div className="bg-muted border-border -mx-5 overflow-x-auto border-y px-2 py-4">
        <iframe
          ref={frame}
          title={`Email preview: ${subject} (${width}, ${WIDTHS[width]} px)`}
          sandbox="allow-same-origin"
          srcDoc={html}
          onLoad={measure}
          width={WIDTHS[width]}
          height={height}
          data-testid="email-preview"
          data-width={WIDTHS[width]}
          className="mx-auto block max-w-none rounded-sm border-0 bg-white"
          style={{ width: WIDTHS[width], height }}
        />
      </div>
    </div>
  );
}
