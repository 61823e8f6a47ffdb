import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_SIZES } from '../../../main/api/connections.js';
import { Button } from '../../components/button.js';
import { SelectField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { toast } from '../../state/toast-store.js';
import type { Shipment } from './booking-rules.js';

/** The carrier's label in another size: one kept on disk is used at once, another is downloaded (then kept). */
export function LabelSizePicker({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation('shipping');
  const sizes = LABEL_SIZES[s.carrier];
  const [size, setSize] = useState<string>(sizes.find((x) => x !== s.labelSize) ?? sizes[0]);
  const relabel = useAction('shipping.relabel');
  const run = async () => {
    const r = await relabel.run({ id: s.id, size: size as (typeof sizes)[number] });
    if (r) toast('info', t(r.source === 'stored' ? 'labelSize.fromDisk' : 'labelSize.queued', { size: t(`labelSize.${size}`) }));
  };
  return (
    <div className="label-size-picker">
      <SelectField
        label={t('labelSize.pick')}
        value={size}
        onChange={setSize}
        options={sizes.map((x) => ({ value: x, label: `${t(`labelSize.${x}`)}${s.labelSizes.includes(x) ? ` ${t('labelSize.stored')}` : ''}` }))}
      />
      <Button size="sm" busy={relabel.pending} disabled={size === s.labelSize} onClick={() => void run()}>{t('labelSize.use')}</Button>
      <ErrorBanner error={relabel.error} />
    </div>
  );
}
