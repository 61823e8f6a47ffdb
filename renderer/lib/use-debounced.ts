import { useEffect, useState } from 'react';

/** `value`, but only after it stopped changing for `ms`: search-as-you-type without a query per key. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setOut(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return out;
}
