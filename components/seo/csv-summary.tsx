import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { plural } from "@/components/knowledge/format";
import type { CsvPreview } from "@/lib/schemas/batches";

/** What the server read from the CSV: columns, row count, the first rows and the rows that will fail. */
export function CsvSummary({ fileName, preview }: { fileName: string; preview: CsvPreview }) {
  return (
    <div className="space-y-3" data-testid="seo-csv-preview">
      <p className="text-sm">
        <span className="font-medium">{plural(preview.rowCount, "row")}</span>
        {" · "}
        {plural(preview.columns.length, "column")}:{" "}
        {preview.columns.map((c, i) => (
          <span key={c}>
            {i ? ", " : ""}
            <code className="bg-muted rounded px-1 py-0.5 text-xs">{c}</code>
          </span>
        ))}
      </p>
      <div className="border-border rounded-md border px-3">
        <DataTable caption={`First rows of ${fileName}`} columns={["Row", ...preview.columns]}>
          {preview.sample.map((row, i) => (
            <tr key={i}>
              <td className="text-muted-foreground py-2 pr-4 tabular-nums">{i + 1}</td>
              {preview.columns.map((c, j) => (
                <td key={c} className={j < preview.columns.length - 1 ? "py-2 pr-4" : "py-2"}>
                  {row[c] ? (
                    <span className="line-clamp-2 break-words">{row[c]}</span>
                  ) : (
                    <span className="text-muted-foreground italic">empty</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </div>
      {preview.problems.length ? (
        <Alert tone="warning" title="Rows that will fail" data-testid="seo-csv-problems">
          <p>These rows are skipped with an error; the others run.</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {preview.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
