/**
 * Runs `fn` at most once at a time: callers that arrive while it runs share its promise (a token refresh
 * triggered by ten concurrent calls logs in once). The next call after it settles starts a new run.
 */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= fn().finally(() => {
      running = null;
    });
    return running;
  };
}
