import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app.js';
import './lib/i18n.js';
import { installBrowserBridge } from './lib/transport/index.js';
import './styles/index.css';

// In Electron the preload has already put window.packdesk in place; in a browser the transport
// opens the WebSocket to the web host and provides the same object.
installBrowserBridge();

// The CSP forbids eval; without this zod probes `new Function` and the browser logs a violation.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
