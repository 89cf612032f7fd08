"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatDay } from "./format";

const subscribe = () => () => {};

/**
 * A date in the reader's locale and time zone. The server renders the plain ISO day, so the HTML it
 * sends matches the first client render; the local format follows right after hydration.
 */
export function LocalDate({ value, kind = "datetime" }: { value: string | null; kind?: "day" | "datetime" }) {
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!value) return <>—</>;
  const text = !mounted ? value.slice(0, 10) : kind === "day" ? formatDay(value) : formatDateTime(value);
  return <time dateTime={value}>{text}</time>;
}
