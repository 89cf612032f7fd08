"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryKeys } from "@/lib/query/client";
import type { CampaignBody, CampaignOut } from "@/lib/schemas/drafts";

/** The workspace's campaigns, newest first (the list page, the Drafts filter and the new-draft form). */
export function useCampaigns() {
  return useQuery({
    queryKey: queryKeys.campaigns,
    queryFn: () => api<{ items: CampaignOut[] }>("/api/campaigns"),
    select: (d) => d.items,
  });
}

/** Creates a campaign and refreshes the lists that show campaigns. */
export function useCreateCampaign(onCreated?: (c: CampaignOut) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignBody) => api<CampaignOut>("/api/campaigns", { method: "POST", body }),
    onSuccess: async (c) => {
      qc.setQueryData<{ items: CampaignOut[] }>(queryKeys.campaigns, (old) =>
        old ? { items: [c, ...old.items.filter((x) => x.id !== c.id)] } : old,
      );
      onCreated?.(c);
      await qc.invalidateQueries({ queryKey: queryKeys.campaigns });
    },
  });
}
