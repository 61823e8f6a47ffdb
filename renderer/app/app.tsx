import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.js';
import { ErrorBanner, Loading } from '../components/feedback.js';
import { SignInScreen } from '../screens/sign-in/sign-in-screen.js';
import { watchConnection } from '../state/connection-store.js';
import { useSession, watchSession } from '../state/session-store.js';
import { Shell } from './shell.js';

/** Loads the session, then shows either the sign-in screen or the signed-in shell. */
export function App() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session);
  const error = useSession((s) => s.error);
  const load = useSession((s) => s.load);

  useEffect(() => {
    void load();
    const offs = [watchSession(), watchConnection(() => void load())];
    return () => offs.forEach((off) => off());
  }, [load]);

  if (!session) {
    return (
      <div className="boot">
        {error ? (
          <>
            <ErrorBanner error={error} />
            <Button variant="primary" onClick={() => void load()}>{t('actions.retry')}</Button>
          </>
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  return session.operator ? <Shell /> : <SignInScreen />;
}
