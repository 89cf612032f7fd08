import { ForbiddenPage } from "@/components/shell/forbidden-page";

/** 403 UI inside the studio shell, which already provides <main>. */
export default function Forbidden() {
  return <ForbiddenPage standalone={false} />;
}
