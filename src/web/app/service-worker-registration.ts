/** Registers the service worker in production builds (the dev server serves modules it must not cache). */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // no offline support on this browser; everything else still works
    });
  });
}
