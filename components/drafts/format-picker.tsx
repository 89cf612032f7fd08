import { cn } from "@/components/lib/cn";
import { FieldError } from "@/components/ui/field-error";
import { DRAFT_FORMATS, FORMAT_LABELS, type DraftFormat } from "@/lib/schemas/drafts";

const FORMAT_HINTS: Record<DraftFormat, string> = {
  google_rsa: "Up to 15 headlines (30 characters) and 4 descriptions (90), with display paths.",
  meta_ad: "Primary text, headline and description; up to 5 variants.",
  email: "Subject, preheader, an email-safe HTML part and a plain-text part.",
  seo_page: "Title, meta description, sections, FAQ and JSON-LD.",
};

/** The draft's format as a native radio group (arrow keys move between formats); radio ids are `<id>-<format>`. */
export function FormatPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: DraftFormat;
  onChange: (f: DraftFormat) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-foreground mb-2 text-sm font-medium">Format</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {DRAFT_FORMATS.map((f) => (
          <label
            key={f}
            className={cn(
              "border-border hover:bg-muted/50 flex cursor-pointer gap-3 rounded-md border p-3 text-sm",
              "has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:outline-ring has-[:focus-visible]:outline-2",
            )}
          >
            <input
              type="radio"
              id={`${id}-${f}`}
              name="format"
              value={f}
              checked={value === f}
              onChange={() => onChange(f)}
              className="accent-primary mt-0.5 size-4 shrink-0 outline-none"
            />
            <span>
              <span className="block font-medium">{FORMAT_LABELS[f]}</span>
              <span className="text-muted-foreground block text-xs leading-5">{FORMAT_HINTS[f]}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} className="mt-2">
        {error}
      </FieldError>
    </fieldset>
  );
}
