"use client";

import { ThemeProvider as NextThemesProvider, type ThemeProviderProps } from "next-themes";

/*
 * next-themes renders an inline <script> that applies the theme class before
 * first paint. Only the copy in the server HTML matters. When the provider is
 * (re)mounted on the client, e.g. after `forbidden()` or `notFound()`, React 19
 * logs "Encountered a script tag while rendering React component" (next-themes
 * issue #385). Marking the client-rendered copy as a data block silences that
 * false positive; the server copy is untouched. The script element carries
 * suppressHydrationWarning, so the differing `type` does not cause a mismatch.
 */
const clientScriptProps = typeof window === "undefined" ? undefined : { type: "application/json" };

/**
 * App-wide theme context. Puts `light`/`dark` as a class on <html> and follows
 * the OS by default. The root layout must set `suppressHydrationWarning` on <html>.
 */
export function ThemeProvider({ children, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={clientScriptProps}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
