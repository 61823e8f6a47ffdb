import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredAddress } from '../../../main/api/common.js';
import { Button } from '../../components/button.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { Tag } from '../../components/status-badge.js';
import { useAction, type Output } from '../../lib/api.js';
import { PlacePicker } from './place-picker.js';

type Resolution = Output<'shipping.resolveAddress'>;

/** "Phường Bến Thành, Hồ Chí Minh" from the carrier's units, newest form first. */
export function resolvedText(r: Resolution): string {
  const a = r.address;
  if (a?.current) return `${a.current.ward.name}, ${a.current.province.name}`;
  if (a?.legacy) return `${a.legacy.ward.name}, ${a.legacy.district.name}, ${a.legacy.province.name}`;
  return '';
}

export interface AddressCheckProps {
  orderId: number;
  accountId: number;
  address: StoredAddress;
  /** Called with true once the address matches the carrier's units, false while it does not. */
  onResolved: (ok: boolean) => void;
}

/**
 * Matches the order's address to the chosen carrier's places (shipping.resolveAddress). When it does
 * not match, says why and lets the operator pick the units by hand; the pick is saved with
 * shipping.confirmAddress. Nothing is matched by guess.
 */
export function AddressCheck({ orderId, accountId, address, onResolved }: AddressCheckProps) {
  const { t } = useTranslation('shipping');
  const resolve = useAction('shipping.resolveAddress');
  const confirm = useAction('shipping.confirmAddress');
  const [result, setResult] = useState<Resolution | null>(null);
  const [picking, setPicking] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { run } = resolve;

  useEffect(() => {
    let live = true;
    setResult(null);
    setPicking(false);
    onResolved(false);
    void run({ orderId, accountId }).then((r) => {
      if (!live || !r) return;
      setResult(r);
      onResolved(r.ok);
    });
    return () => {
      live = false;
    };
    // onResolved is the parent's setter; a new one must not re-run the carrier lookup.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderId, accountId, attempt, run]);

  const given = {
    province: address.current?.provinceName || address.legacy?.provinceName,
    district: address.legacy?.districtName,
    ward: address.current?.wardName || address.legacy?.wardName,
  };

  if (resolve.pending && !result) return <Loading label={t('address.checking')} />;
  if (resolve.error) {
    return (
      <div className="address-check">
        <ErrorBanner error={resolve.error} />
        <Button size="sm" onClick={() => setAttempt((n) => n + 1)}>{t('common:actions.retry')}</Button>
      </div>
    );
  }
  if (!result) return null;

  const showPicker = picking || !result.ok;
  return (
    <div className="address-check">
      {result.ok ? (
        <div className="address-ok">
          <span className="address-ok-mark" aria-hidden="true">✓</span>
          <span>{t('address.matched')}</span>
          <strong>{resolvedText(result)}</strong>
          {result.matchKind ? <Tag tone={result.matchKind === 'exact' ? 'ok' : 'info'}>{t(`address.match.${result.matchKind}`)}</Tag> : null}
          {!picking ? <Button size="sm" variant="ghost" onClick={() => setPicking(true)}>{t('address.change')}</Button> : null}
        </div>
      ) : (
        <div className="banner banner-warn" role="alert">{problemText(t, result.problem)}</div>
      )}
      {showPicker ? (
        <PlacePicker
          accountId={accountId}
          scheme={result.problem?.scheme ?? (address.scheme === 'legacy3' ? 'legacy3' : 'new2')}
          given={given}
          pending={confirm.pending}
          error={confirm.error}
          onCancel={result.ok ? () => setPicking(false) : undefined}
          onConfirm={async (choice) => {
            const r = await confirm.run({ orderId, accountId, address: choice });
            if (!r) return;
            setResult(r);
            setPicking(false);
            onResolved(r.ok);
          }}
        />
      ) : null}
    </div>
  );
}

function problemText(t: (k: string, o?: Record<string, unknown>) => string, p: Resolution['problem']): string {
  if (!p) return t('address.problem.unknown');
  const level = t(`address.level.${p.level}`, { defaultValue: p.level });
  if (p.reason === 'no_address') return t('address.problem.no_address');
  if (p.reason === 'not_downloaded') return t('address.problem.not_downloaded');
  if (p.level === 'address') return t('address.problem.unmatched');
  return t(`address.problem.${p.reason}`, { level: level.toLowerCase(), given: p.given, count: p.candidates.length });
}
