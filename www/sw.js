// The workshop page's service worker: keeps every built file so the page works offline once loaded (a trainer's
// laptop on a venue's flaky wifi). Network first, so a rebuilt page is picked up at once; the cache answers when
// the network cannot. Only same-origin GET requests are handled; nothing is ever sent anywhere.
// www/build.mjs fills in the cache version and the file list.
const CACHE = 'postcoach-workshop-__CACHE_VERSION__';
const PRECACHE = [/* __PRECACHE__ */];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('postcoach-workshop-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })
        .then((hit) => hit || (event.request.mode === 'navigate' ? caches.match('./') : undefined))
        .then((hit) => hit || new Response('offline and not cached', { status: 503 }))),
  );
});
