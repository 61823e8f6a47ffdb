import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { Section } from '../../components/layout.js';
import { ProductThumb } from './product-thumb.js';
import type { ProductErrors } from './use-product-errors.js';
import type { ProductForm } from './use-product-form.js';

const MAX_IMAGES = 20;

/** Image URLs with a preview (the first one is the list thumbnail) and a video link. */
export function ProductMediaSection({ form, errors }: { form: ProductForm; errors: ProductErrors }) {
  const { t } = useTranslation('catalog');
  const { images, videoUrl, name } = form.draft;
  const [url, setUrl] = useState('');
  const setImages = (next: string[]) => {
    form.setField('images', next);
    errors.touch('images');
  };
  const add = () => {
    const clean = url.trim();
    if (clean === '' || images.length >= MAX_IMAGES) return;
    if (!images.includes(clean)) setImages([...images, clean]);
    setUrl('');
  };

  return (
    <Section title={t('form.media')}>
      <div className="form">
        <div className="inline-form">
          <TextField
            label={t('media.imageUrl')}
            type="url"
            placeholder="https://…"
            maxLength={2000}
            value={url}
            onChange={setUrl}
            hint={t('media.imageHint', { max: MAX_IMAGES })}
            error={errors.errorFor('images')}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                add();
              }
            }}
          />
          <Button disabled={url.trim() === '' || images.length >= MAX_IMAGES} onClick={add}>{t('media.addImage')}</Button>
        </div>
        {images.length > 0 ? (
          <ul className="image-list" aria-label={t('media.images')}>
            {images.map((src, i) => (
              <li key={src} className="image-item">
                <ProductThumb src={src} name={name} large />
                <span className="image-url mono" title={src}>{src}</span>
                {i === 0 ? <span className="tag tag-info">{t('media.main')}</span> : (
                  <Button size="sm" variant="ghost" aria-label={t('media.makeMainNamed', { n: i + 1 })} onClick={() => setImages([src, ...images.filter((x) => x !== src)])}>{t('media.makeMain')}</Button>
                )}
                <Button size="sm" variant="ghost" aria-label={t('media.removeNamed', { n: i + 1 })} onClick={() => setImages(images.filter((x) => x !== src))}>×</Button>
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('media.noImages')}</p>}
        <TextField
          label={t('field.videoUrl')}
          type="url"
          placeholder="https://…"
          maxLength={500}
          value={videoUrl}
          onChange={(v) => {
            form.setField('videoUrl', v);
            errors.touch('videoUrl');
          }}
          error={errors.errorFor('videoUrl')}
        />
      </div>
    </Section>
  );
}
