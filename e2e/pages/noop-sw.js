// A service worker that controls pages but adds no headers: data-coi-sw
// must reload once under it and then give up, never loop.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
