"use client";

import { Dialog } from "./dialog";
import { SHORTCUTS } from "./shortcuts";

export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="border-border bg-muted text-foreground inline-flex h-5 min-w-5 items-center justify-center rounded border px-1 font-mono text-[11px] leading-none font-medium">
      {children}
    </kbd>
  );
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="They work on the queue while you are not typing in a field."
    >
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts of the review queue</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody className="divide-border divide-y">
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td className="py-2 pr-4 whitespace-nowrap">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span className="text-muted-foreground px-1 text-xs">or</span> : null}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </td>
              <td className="py-2">{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
