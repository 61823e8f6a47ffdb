import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../components/dialog.js';
import { SelectField, TextField } from '../../components/field.js';
import { useAction, useCommand } from '../../lib/api.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import type { PackStation, Session } from './use-pack-station.js';

/**
 * A manager's override of the scan check, audited. A signed-in manager just gives the reason; at a
 * packer's desk a manager picks their name and types their PIN here (the packer stays signed in).
 */
export function PackOverrideDialog({ st, session, open, onClose }: { st: PackStation; session: Session; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('packing');
  const op = useOperator();
  const needsPin = !hasRole('manager', op?.role);
  const override = useAction('packing.override');
  const operators = useCommand('session.operators', open && needsPin ? {} : null);
  const managers = (operators.data ?? []).filter((o) => hasRole('manager', o.role));
  const [managerId, setManagerId] = useState('');
  const [pin, setPin] = useState('');
  useEffect(() => {
    if (!open) return;
    setPin('');
    override.reset();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps -- reset on each opening only
  useEffect(() => {
    if (!managerId && managers[0]) setManagerId(String(managers[0].id));
  }, [managerId, managers]);

  return (
    <ReasonDialog
      open={open}
      onClose={onClose}
      title={t('overrideTitle', { number: session.order.number })}
      description={t('overrideBody', { verified: session.verifiedUnits, total: session.totalUnits })}
      reasonLabel={t('overrideReason')}
      confirmLabel={t('override')}
      danger
      pending={override.pending}
      error={override.error}
      onConfirm={async (why) => {
        const approval = needsPin ? { managerId: Number(managerId), pin } : {};
        const r = await override.run({ sessionId: session.id, reason: why, ...approval });
        if (!r) return;
        onClose();
        st.setSession(r);
        st.say('info', t('overrideDone', { number: session.order.number, by: r.override?.by ?? '' }));
      }}
    >
      {needsPin ? (
        <div className="pack-override-approver">
          <SelectField label={t('overrideManager')} value={managerId} onChange={setManagerId}
            options={managers.map((m) => ({ value: String(m.id), label: m.name }))} />
          <TextField label={t('overridePin')} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin}
            onChange={(v) => setPin(v.replace(/\D/g, ''))} />
        </div>
      ) : null}
    </ReasonDialog>
  );
}
