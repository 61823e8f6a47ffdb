import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../components/dialog.js';
import { RadioGroup } from '../../components/field.js';
import { useAction } from '../../lib/api.js';
import { PackOverrideDialog } from './pack-override-dialog.js';
import type { PackStation, Session } from './use-pack-station.js';

export type DialogKind = 'pause' | 'override' | null;
type PauseReason = 'missing_item' | 'damaged' | 'other';

/** Pause (with a reason, to the exceptions list) and a manager's override (audited, see pack-override-dialog). */
export function PackDialogs({ st, session, dialog, onClose }: { st: PackStation; session: Session; dialog: DialogKind; onClose: () => void }) {
  const { t } = useTranslation('packing');
  const pause = useAction('packing.pause');
  const [reason, setReason] = useState<PauseReason>('missing_item');
  return (
    <>
      <ReasonDialog
        open={dialog === 'pause'}
        onClose={onClose}
        title={t('pauseTitle', { number: session.order.number })}
        description={t('pauseBody')}
        reasonLabel={t('pauseNote')}
        reasonRequired={reason === 'other'}
        confirmLabel={t('pause')}
        pending={pause.pending}
        error={pause.error}
        onConfirm={async (note) => {
          const r = await pause.run({ sessionId: session.id, reason, note });
          if (!r) return;
          onClose();
          st.setSession(null);
          st.say('info', t('paused', { number: session.order.number }));
        }}
      >
        <RadioGroup label={t('pauseReason')} value={reason} onChange={setReason}
          options={(['missing_item', 'damaged', 'other'] as const).map((v) => ({ value: v, label: t(`pauseReasons.${v}`) }))} />
      </ReasonDialog>
      <PackOverrideDialog st={st} session={session} open={dialog === 'override'} onClose={onClose} />
    </>
  );
}
