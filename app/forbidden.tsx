import { ForbiddenPage } from "@/components/shell/forbidden-page";

/** 403 UI rendered by `forbidden()` outside the studio (requires `experimental.authInterrupts`). */
export default function Forbidden() {
  return <ForbiddenPage standalone />;
}
