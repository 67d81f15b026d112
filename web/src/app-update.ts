/**
 * Registers the service worker (built by vite-plugin-pwa from web/src/sw/sw.ts) and, when a new
 * deployment's worker is installed and waiting, shows <update-prompt>; "Tải lại" lets the new
 * worker take over and reloads the page. Loaded after the first page (main.ts), so workbox-window
 * does not weigh on it.
 */
import { registerSW } from 'virtual:pwa-register';
import './components/update-prompt.js';

export function startAppUpdates(): void {
  const updateSW = registerSW({
    onNeedRefresh() {
      if (document.querySelector('update-prompt')) return;
      const prompt = document.createElement('update-prompt');
      prompt.addEventListener('update-reload', () => void updateSW(true));
      document.body.append(prompt);
    },
    // From here on a new deployment is noticed (workbox-window listens for it); marked on the page
    // so a browser test deploys only once the page can notice.
    onRegisteredSW() {
      document.documentElement.dataset['swWatching'] = 'true';
    },
    onRegisterError(e: unknown) {
      console.warn('Service worker not registered', e);
    },
  });
}
