import { useState } from 'react';
import { ToastHost } from '../components/feedback.js';
import { navigate, useLocation } from '../lib/router.js';
import { ScannerProvider } from '../lib/scanner/index.js';
import { findRoute, Outlet } from './outlet.js';
import { ShortcutSheet } from './shortcut-sheet.js';
import { Sidebar } from './sidebar.js';
import { StatusBar } from './status-bar.js';
import { focusSearch, useShortcut } from './shortcuts.js';

/** The signed-in frame: sidebar, the current screen, the status bar and the global shortcuts. */
export function Shell() {
  const { path } = useLocation();
  const [sheet, setSheet] = useState(false);
  useShortcut('/', focusSearch);
  useShortcut('Ctrl+K', focusSearch, { allowInInput: true });
  useShortcut('N', () => navigate('/orders/new'));
  useShortcut('Alt+N', () => navigate('/orders/new'), { allowInInput: true });
  useShortcut('?', () => setSheet(true));
  const active = findRoute(path)?.route.nav ?? null;
  return (
    <div className="shell">
      <Sidebar active={active} />
      <main className="main" id="main">
        <Outlet />
      </main>
      <StatusBar onShortcuts={() => setSheet(true)} />
      <ShortcutSheet open={sheet} onClose={() => setSheet(false)} />
      <ToastHost />
      <ScannerProvider />
    </div>
  );
}
