import { useEffect, useState } from 'react';

/**
 * The value after it stopped changing for `ms`. Search boxes query the core through this so a
 * burst of typing (or a scanner) costs one query, not one per key.
 */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
