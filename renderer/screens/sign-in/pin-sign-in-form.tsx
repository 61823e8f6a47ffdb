import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { useAction, useCommand } from '../../lib/api.js';
import { useSession } from '../../state/session-store.js';

/** Operator list (radio buttons: ↑/↓ to choose) and the PIN box; Enter signs in. */
export function PinSignInForm() {
  const { t } = useTranslation();
  const operators = useCommand('session.operators', {});
  const demo = useSession((s) => s.session?.demo ?? false);
  const demoOperators = useSession((s) => s.demoOperators);
  const [operatorId, setOperatorId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const signIn = useAction('session.signIn');

  useEffect(() => {
    if (operatorId === null && operators.data?.length) setOperatorId(operators.data[0].id);
  }, [operators.data, operatorId]);

  const submit = async () => {
    if (operatorId === null || pin === '') return;
    const res = await signIn.run({ operatorId, pin });
    if (res) await useSession.getState().load();
    else setPin('');
  };

  if (operators.loading && !operators.data) return <Loading />;
  const list = operators.data ?? [];
  const pinFor = (id: number) => demoOperators.find((d) => d.id === id)?.pin;

  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {demo && demoOperators.length ? <p className="banner banner-info demo-pins">{t('signIn.demoPinsHint')}</p> : null}
      <fieldset className="radio-group">
        <legend className="field-label">{t('signIn.operator')}</legend>
        {list.length === 0 ? <p className="muted">{t('signIn.noOperators')}</p> : null}
        <div className="operator-list">
          {list.map((op, i) => (
            <label key={op.id} className={`operator-option ${operatorId === op.id ? 'is-checked' : ''}`}>
              <input type="radio" name="operator" value={op.id} checked={operatorId === op.id} autoFocus={i === 0} onChange={() => setOperatorId(op.id)} />
              <span>{op.name}</span>
              <span className="muted">
                {t(`roles.${op.role}`)}
                {demo && pinFor(op.id) ? <> · PIN <span className="mono">{pinFor(op.id)}</span></> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('signIn.pin')}
        type="password"
        inputMode="numeric"
        className="pin-field"
        value={pin}
        onChange={setPin}
        autoComplete="off"
        required
      />
      <ErrorBanner error={signIn.error} />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={signIn.pending} disabled={operatorId === null || pin === ''}>{t('signIn.submit')}</Button>
      </div>
    </form>
  );
}
