import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../main/api/listing-publish.js';
import { CheckboxField } from '../../../components/field.js';
import { ProductThumb } from '../../catalog/product-thumb.js';

/**
 * The product's catalogue images, ticked in the order Shopee will show them (the first is the cover).
 * Each shows whether it is uploaded to Shopee yet; an image Shopee or Packdesk could not use shows why.
 */
export function ImagesField({ images, chosen, uploaded, name, onChange, error, errorFor, max }: {
  images: readonly string[]; chosen: readonly string[]; uploaded: Publication['images'] | undefined; name: string; max: number;
  onChange: (next: string[]) => void; error?: string; errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('publish');
  const idOf = new Map((uploaded ?? []).map((i) => [i.url, i.imageId]));
  if (images.length === 0) return <p className="banner banner-warn" role="alert">{error ?? t('images.none')}</p>;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <ul className="publish-images" aria-label={t('images.label')}>
        {images.map((src, i) => {
          const at = chosen.indexOf(src);
          const own = errorFor(`image:${src}`);
          return (
            <li key={src} className="publish-image">
              <ProductThumb src={src} name={name} large />
              <CheckboxField label={t('images.use', { n: i + 1 })} checked={at >= 0}
                onChange={(on) => onChange(on ? [...chosen, src] : chosen.filter((x) => x !== src))} />
              <span className="muted">{at === 0 ? t('images.cover') : at > 0 ? t('images.position', { n: at + 1 }) : ''}</span>
              {idOf.get(src) ? <span className="tag tag-ok">{t('images.uploaded')}</span> : at >= 0 ? <span className="tag">{t('images.toUpload')}</span> : null}
              <span className="image-url mono" title={src}>{src.startsWith('data:') ? t('images.embedded') : src}</span>
              {own ? <div className="field-error" role="alert">{own}</div> : null}
            </li>
          );
        })}
      </ul>
      <div className="field-hint">{t('images.hint', { max })}</div>
      {error ? <div className="field-error" role="alert">{error}</div> : null}
    </div>
  );
}
