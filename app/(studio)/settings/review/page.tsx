import { ReviewSettingsCard } from "@/components/review/settings/review-settings-card";

export const metadata = { title: "Review · Settings · Lectern" };

/** The settings layout already limits this page to admins. */
export default function ReviewSettingsPage() {
  return <ReviewSettingsCard />;
}
