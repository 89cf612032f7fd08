"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/client";
import type {
  DeliveryDetail,
  DeliveryPage,
  EndpointBody,
  EndpointList,
  EndpointOut,
  EndpointPatch,
  EndpointWithSecret,
  PublishedPageList,
  ReplayBody,
  ReplayResult,
  RevealedSecret,
  RotateSecretBody,
  TestEventResult,
} from "@/lib/schemas/publishing";
import { deliveriesQueryString, type DeliveryFilters } from "./filters";
import { isInFlight } from "./format";

/**
 * The Publishing page's queries and mutations. Every key starts with "publishing", so one
 * invalidation can refresh the whole page; the narrower prefixes below refresh a part of it.
 */
export const publishingKeys = {
  all: ["publishing"] as const,
  endpoints: ["publishing", "endpoints"] as const,
  /** Prefix of every log page and delivery detail. */
  deliveries: ["publishing", "deliveries"] as const,
  deliveryList: (query: string, cursor?: string) =>
    ["publishing", "deliveries", "list", query, cursor ?? "first"] as const,
  delivery: (id: string) => ["publishing", "deliveries", "detail", id] as const,
  pages: (cursor?: string) => ["publishing", "pages", cursor ?? "first"] as const,
};

const POLL_MS = 5_000;
const enc = encodeURIComponent;

export const DELIVERY_PAGE_SIZE = 25;

/** The endpoints (admins only: the API answers 403 to everyone else, so do not ask). */
export function useEndpoints(enabled: boolean) {
  return useQuery({
    queryKey: publishingKeys.endpoints,
    queryFn: () => api<EndpointList>("/api/publishing/endpoints"),
    enabled,
    // The pending and dead counts move while deliveries are retried.
    refetchInterval: (q) => (q.state.data?.items.some((e) => e.stats.pending > 0) ? POLL_MS : false),
  });
}

/** One page of the delivery log; polls every 5 s while a delivery on it is pending or being sent. */
export function useDeliveries(filters: DeliveryFilters, cursor: string | undefined) {
  const query = deliveriesQueryString(filters);
  return useQuery({
    queryKey: publishingKeys.deliveryList(query, cursor),
    queryFn: () =>
      api<DeliveryPage>(
        `/api/publishing/deliveries${deliveriesQueryString(filters, { limit: String(DELIVERY_PAGE_SIZE), cursor })}`,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isInFlight) ? POLL_MS : false),
  });
}

export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: publishingKeys.delivery(id ?? ""),
    queryFn: () => api<DeliveryDetail>(`/api/publishing/deliveries/${enc(id ?? "")}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && isInFlight(q.state.data) ? POLL_MS : false),
  });
}

export function usePublishedPages(cursor: string | undefined) {
  return useQuery({
    queryKey: publishingKeys.pages(cursor),
    queryFn: () => api<PublishedPageList>(`/api/publishing/pages${cursor ? `?cursor=${enc(cursor)}` : ""}`),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return {
    endpoints: () => qc.invalidateQueries({ queryKey: publishingKeys.endpoints }),
    deliveries: () => qc.invalidateQueries({ queryKey: publishingKeys.deliveries }),
  };
}

/** Puts a changed endpoint into the cached list at once (the refetch that follows confirms it). */
function useReplaceEndpoint() {
  const qc = useQueryClient();
  return (e: EndpointOut, mode: "upsert" | "remove" = "upsert") =>
    qc.setQueryData<EndpointList>(publishingKeys.endpoints, (old) => {
      if (!old) return old;
      if (mode === "remove") return { items: old.items.filter((x) => x.id !== e.id) };
      const at = old.items.findIndex((x) => x.id === e.id);
      if (at < 0) return { items: [e, ...old.items] };
      return { items: old.items.map((x, i) => (i === at ? e : x)) };
    });
}

/** Drops the secret before a response goes into the cache: it is shown once, from component state. */
function withoutSecret({ secret: _secret, ...e }: EndpointWithSecret): EndpointOut {
  return e;
}

export function useCreateEndpoint() {
  const inv = useInvalidate();
  const put = useReplaceEndpoint();
  return useMutation({
    mutationFn: (body: EndpointBody) => api<EndpointWithSecret>("/api/publishing/endpoints", { method: "POST", body }),
    onSuccess: (e) => {
      put(withoutSecret(e));
      return inv.endpoints();
    },
  });
}

export function useUpdateEndpoint() {
  const inv = useInvalidate();
  const put = useReplaceEndpoint();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: EndpointPatch }) =>
      api<EndpointOut>(`/api/publishing/endpoints/${enc(id)}`, { method: "PATCH", body: patch }),
    onSuccess: (e) => {
      put(e);
      return inv.endpoints();
    },
  });
}

export function useDeleteEndpoint() {
  const inv = useInvalidate();
  const put = useReplaceEndpoint();
  return useMutation({
    mutationFn: (e: EndpointOut) => api<void>(`/api/publishing/endpoints/${enc(e.id)}`, { method: "DELETE" }),
    onSuccess: (_, e) => {
      put(e, "remove");
      // Its pending deliveries were dead-lettered: the log changed too.
      return Promise.all([inv.endpoints(), inv.deliveries()]);
    },
  });
}

export function useRotateSecret() {
  const inv = useInvalidate();
  const put = useReplaceEndpoint();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RotateSecretBody }) =>
      api<EndpointWithSecret>(`/api/publishing/endpoints/${enc(id)}/rotate`, { method: "POST", body }),
    onSuccess: (e) => {
      put(withoutSecret(e));
      return inv.endpoints();
    },
  });
}

export function useRevealSecret() {
  return useMutation({
    mutationFn: (id: string) => api<RevealedSecret>(`/api/publishing/endpoints/${enc(id)}/reveal`, { method: "POST" }),
  });
}

export function useSendTestEvent() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<TestEventResult>(`/api/publishing/endpoints/${enc(id)}/test`, { method: "POST" }),
    onSuccess: () => Promise.all([inv.endpoints(), inv.deliveries()]),
  });
}

export function useReplay() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (body: ReplayBody) => api<ReplayResult>("/api/publishing/deliveries/replay", { method: "POST", body }),
    // The endpoints' pending and dead counts change too (a query that is not in use is not refetched).
    onSuccess: () => Promise.all([inv.deliveries(), inv.endpoints()]),
  });
}
