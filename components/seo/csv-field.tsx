"use client";

import { FileSpreadsheet } from "lucide-react";
import { useRef, useState } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/inference/fields";
import { formatBytes } from "@/components/knowledge/format";

/**
 * The CSV chooser: a drop zone with a "Choose" button (the focus target for errors) opening the
 * real, labelled file input.
 */
export function CsvField({
  id,
  file,
  reading,
  error,
  onFile,
}: {
  id: string;
  file: File | null;
  reading: boolean;
  error?: string;
  onFile: (f: File) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const describedBy = error ? `${id}-error` : `${id}-hint`;

  return (
    <div className="space-y-2">
      <Label htmlFor={`${id}-input`}>CSV file</Label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        tabIndex={-1}
        className="sr-only"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onFile(f);
          e.currentTarget.value = "";
        }}
      />
      <div
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
        className={cn(
          "border-input bg-muted/40 flex flex-col gap-3 rounded-lg border-2 border-dashed p-4 sm:flex-row sm:items-center",
          over && "border-primary bg-accent",
          error && "border-danger",
        )}
      >
        <FileSpreadsheet aria-hidden="true" className="text-primary size-7 shrink-0" strokeWidth={1.75} />
        <div className="min-w-0 flex-1 text-sm">
          {file ? (
            <p className="truncate font-medium" data-testid="seo-file-name">
              {file.name} <span className="text-muted-foreground font-normal">· {formatBytes(file.size)}</span>
            </p>
          ) : (
            <p className="font-medium">Drop a CSV here or choose one</p>
          )}
          <p id={`${id}-hint`} className="text-muted-foreground text-xs leading-5">
            UTF-8, the first row names the columns (comma, semicolon or tab separated). One page per row.
          </p>
        </div>
        <Button id={id} variant="secondary" aria-describedby={describedBy} onClick={() => inputRef.current?.click()}>
          {reading ? <Spinner /> : null}
          {file ? "Choose another file" : "Choose a CSV file"}
        </Button>
      </div>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}
