"use client";

import { X } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { controlClassName } from "@/components/ui/input";

/**
 * Tags typed into one box: Enter or a comma adds the typed tag, Backspace in an empty box removes
 * the last one, and each tag has its own remove button.
 */
export function TagInput({
  id,
  tags,
  onTagsChange,
  pending,
  onPendingChange,
  invalid,
  describedBy,
  placeholder,
}: {
  id: string;
  tags: string[];
  onTagsChange: (tags: string[]) => void;
  pending: string;
  onPendingChange: (v: string) => void;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}) {
  function commit() {
    const t = pending.trim().replace(/,$/, "").trim();
    if (t && !tags.includes(t)) onTagsChange([...tags, t]);
    onPendingChange("");
  }
  return (
    <div
      className={cn(
        controlClassName,
        "flex min-h-9 flex-wrap items-center gap-1.5 py-1.5 focus-within:outline-2 focus-within:-outline-offset-1",
        "focus-within:outline-ring",
        invalid && "border-danger",
      )}
    >
      {tags.map((t) => (
        <span
          key={t}
          className="bg-accent text-accent-foreground inline-flex items-center gap-1 rounded-full pr-1 pl-2 text-xs"
        >
          {t}
          <button
            type="button"
            aria-label={`Remove ${t}`}
            className="hover:bg-background/60 rounded-full p-0.5"
            onClick={() => onTagsChange(tags.filter((x) => x !== t))}
          >
            <X aria-hidden="true" className="size-3" />
          </button>
        </span>
      ))}
      <input
        id={id}
        value={pending}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={tags.length ? undefined : placeholder}
        className="min-w-24 flex-1 bg-transparent outline-none"
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(",")) {
            const t = v.slice(0, -1).trim();
            if (t && !tags.includes(t)) onTagsChange([...tags, t]);
            onPendingChange("");
          } else onPendingChange(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Backspace" && !pending && tags.length) {
            onTagsChange(tags.slice(0, -1));
          }
        }}
        onBlur={commit}
      />
    </div>
  );
}
