// The service worker of the installable app (inspector PWA): pages open offline from the cached shell;
// hashed assets are cached on first use (they never change); API calls always go to the network — queued
// reports are kept by the page in IndexedDB and sent when the connection returns.
const SHELL = 'cz-shell-v1';
const ASSETS = 'cz-assets-v1';

// At install: the shell, and the scripts the inspector app needs (precache.json, written by the build), so the
// app opens offline after a single visit.
self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(SHELL).then((c) => c.addAll(['/', '/manifest.webmanifest', '/icon.svg'])),
      fetch('/precache.json', { cache: 'no-cache' })
        .then((res) => (res.ok ? res.json() : []))
        .then((files) => caches.open(ASSETS).then((c) => c.addAll(files))),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== SHELL && k !== ASSETS).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(ASSETS).then(async (cache) => {
        const hit = await cache.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      }),
    );
    return;
  }
  if (req.mode === 'navigate') {
    // Network first so a deploy is seen at once; the cached shell when offline (the router draws the page).
    event.respondWith(
      fetch(req)
        .then(async (res) => {
          if (res.ok) await (await caches.open(SHELL)).put('/', res.clone());
          return res;
        })
        .catch(async () => (await caches.match('/')) ?? Response.error()),
    );
  }
});
