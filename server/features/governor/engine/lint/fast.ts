/**
 * Switch for the engine's fast paths (precompiled run matchers, shared token streams...). They
 * never change results; turning them off runs the plain reference path, which tests compare
 * against. Not part of the public API.
 */
let enabled = true;

export function fastPathsEnabled(): boolean {
  return enabled;
}

/** For tests: runs `fn` with the fast paths on or off, then restores the previous setting. */
export function withFastPaths<T>(on: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = on;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}
