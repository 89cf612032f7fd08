import type { DraftContent } from "@/lib/schemas/drafts";
import { EmailView } from "./email";
import { GoogleRsaView } from "./google-rsa";
import { MetaAdView } from "./meta-ad";
import { SeoPageView } from "./seo-page";

/** The draft's copy, laid out the way its channel shows it. */
export function DraftContentView({ content }: { content: DraftContent }) {
  switch (content.format) {
    case "google_rsa":
      return <GoogleRsaView content={content} />;
    case "meta_ad":
      return <MetaAdView content={content} />;
    case "email":
      return <EmailView content={content} />;
    case "seo_page":
      return <SeoPageView content={content} />;
  }
}
