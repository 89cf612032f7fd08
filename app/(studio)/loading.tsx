/** Shown while a studio page renders on the server. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="mx-auto w-full max-w-5xl animate-pulse space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="bg-muted h-8 w-48 rounded" />
      <div className="bg-muted h-4 w-96 max-w-full rounded" />
      <div className="bg-muted h-48 rounded-lg" />
    </div>
  );
}
