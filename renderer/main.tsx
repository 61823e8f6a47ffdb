import './lib/zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import './lib/i18n.js';
import { installBrowserBridge } from './lib/transport/index.js';
import './styles/index.css';

// In Electron the preload has already put window.packdesk in place; in a browser the transport
// opens the WebSocket to the web host and provides the same object.
installBrowserBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
