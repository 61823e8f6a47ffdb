import { useState } from 'react';

/**
 * A product image, or the product's first letter when there is none or it cannot load (offline,
 * a dead link, or a URL the app's content policy does not allow).
 */
export function ProductThumb({ src, name, large }: { src: string | null | undefined; name: string; large?: boolean }) {
  const [failed, setFailed] = useState<string | null>(null);
  const className = `thumb ${large ? 'thumb-lg' : ''}`;
  if (!src || failed === src) {
    return <span className={className} aria-hidden="true">{name.trim().charAt(0).toUpperCase() || '?'}</span>;
  }
  return <img className={className} src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(src)} />;
}
