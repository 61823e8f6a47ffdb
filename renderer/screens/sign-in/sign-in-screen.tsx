import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/sidebar.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { useSession } from '../../state/session-store.js';
import { AdminSetupForm } from './admin-setup-form.js';
import { PinSignInForm } from './pin-sign-in-form.js';

/** First run: demo shop or first admin. Afterwards: pick an operator and type the PIN. */
export function SignInScreen() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const [mode, setMode] = useState<'choose' | 'admin'>('choose');
  const startDemo = useAction('session.startDemo');
  const { setDemoOperators, load } = useSession.getState();

  const onDemo = async () => {
    const res = await startDemo.run({});
    if (!res) return;
    setDemoOperators(res.operators);
    await load();
  };

  let body;
  if (!session?.firstRun) body = <PinSignInForm />;
  else if (mode === 'admin') body = <AdminSetupForm onBack={() => setMode('choose')} />;
  else
    body = (
      <>
        <p className="sign-in-lead">{t('signIn.firstRunLead')}</p>
        <div className="choice-list">
          <Button variant="primary" autoFocus busy={startDemo.pending} onClick={() => void onDemo()}>{t('signIn.startDemo')}</Button>
          <p className="field-hint">{t('signIn.startDemoHint')}</p>
          <Button onClick={() => setMode('admin')}>{t('signIn.setupAdmin')}</Button>
          <p className="field-hint">{t('signIn.setupAdminHint')}</p>
        </div>
        <ErrorBanner error={startDemo.error} />
      </>
    );

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <header>
          <h1 className="sign-in-brand">{session?.firstRun ? t('signIn.welcome') : t('signIn.title')}</h1>
          <LanguageSwitch />
        </header>
        <div className="sign-in-body">{body}</div>
      </div>
    </main>
  );
}
