import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { SelectField } from '../../components/field.js';
import { KeyValues, Section } from '../../components/layout.js';
import { call, useAction, useCommand, type Output } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

type Params = Output<'shopeeLogistics.parameters'>;
type Method = 'auto' | 'pickup' | 'dropoff';

/**
 * "Giao hàng Shopee" on the order page of a Shopee order: what Shopee offers (pickup address and time
 * slot, or drop-off branch), arrange, the tracking number(s), and the AWB kept on this machine.
 */
export function ShopeeLogisticsPanel({ orderId }: { orderId: number }) {
  const { t } = useTranslation('shopee-logistics');
  const { data: status, error } = useCommand('shopeeLogistics.status', { orderId });
  const arrange = useAction('shopeeLogistics.arrange');
  const print = useAction('packing.reprintLabel');
  const [params, setParams] = useState<Params | null>(null);
  const [paramsError, setParamsError] = useState<unknown>(null);
  const [loadingParams, setLoadingParams] = useState(false);
  const [method, setMethod] = useState<Method>('auto');
  const [slot, setSlot] = useState('');
  const [branch, setBranch] = useState('');

  const loadParams = async () => {
    setLoadingParams(true);
    setParamsError(null);
    try {
      setParams(await call('shopeeLogistics.parameters', { orderId }));
    } catch (e) {
      setParamsError(e);
    } finally {
      setLoadingParams(false);
    }
  };

  const slots = (params?.pickup ?? []).flatMap((a) => a.timeSlots.map((s) => ({ value: `${a.addressId}|${s.pickupTimeId}`, label: `${a.address} — ${s.text || new Date(s.date * 1000).toLocaleDateString('vi-VN')}` })));
  const branches = (params?.dropoff ?? []).map((b) => ({ value: b.branchId, label: b.address }));
  const s = status?.shipment ?? null;

  const doArrange = () => {
    const [addressId, pickupTimeId] = slot.split('|');
    return arrange.run(method === 'pickup' ? { orderId, method, addressId, pickupTimeId } : method === 'dropoff' ? { orderId, method, ...(branch ? { branchId: branch } : {}) } : { orderId, method });
  };

  return (
    <Section title={t('title')}>
      <ErrorBanner error={error} />
      {s ? (
        <KeyValues
          items={[
            { label: t('shipment'), value: `${s.code} · ${t(`step.${s.step}`)}` },
            { label: t('channel'), value: s.channel || '—' },
            { label: t('tracking'), value: <span className="num">{s.packages.length > 1 ? s.packages.map((p) => `${p.packageNumber}: ${p.trackingNumber ?? t('trackingPending')}`).join(' · ') : s.trackingNumber ?? t('trackingPending')}</span> },
            { label: t('awb'), value: t(`awbState.${s.awb}`) },
          ]}
        />
      ) : null}
      {s?.error ? <p className="field-error">{s.error.message}{s.error.hint ? ` — ${s.error.hint}` : ''}</p> : null}
      {s?.awb === 'stored' ? (
        <Button size="sm" busy={print.pending} onClick={() => print.run({ orderId })}>{t('print')}</Button>
      ) : null}
      {print.error ? <span className="field-error">{errorMessage(t, print.error)}</span> : null}
      {status?.arrangeable ? (
        <div className="form-row">
          <SelectField label={t('method')} value={method} onChange={setMethod} options={(['auto', 'pickup', 'dropoff'] as const).map((m) => ({ value: m, label: t(`methods.${m}`) }))} />
          {method === 'pickup' ? <SelectField label={t('slot')} value={slot} onChange={setSlot} options={[{ value: '', label: t('choose') }, ...slots]} /> : null}
          {method === 'dropoff' && branches.length ? <SelectField label={t('branch')} value={branch} onChange={setBranch} options={[{ value: '', label: t('choose') }, ...branches]} /> : null}
          <Button size="sm" busy={loadingParams} onClick={loadParams}>{t('loadParams')}</Button>
          <Button size="sm" variant="primary" busy={arrange.pending} disabled={method === 'pickup' && !slot} onClick={doArrange}>{t('arrange')}</Button>
        </div>
      ) : status && !s ? <p>{t(`blocked.${status.blockedBy ?? 'unknown'}`, { defaultValue: status.blockedBy ?? '' })}</p> : null}
      {paramsError ? <ErrorBanner error={paramsError as never} /> : null}
      {arrange.error ? <span className="field-error">{errorMessage(t, arrange.error)}</span> : null}
    </Section>
  );
}
