/* Search loads when the reader first uses it; Material's sitemaps of the other languages are not
   fetched; Material's toggles start unchecked. Why and how: theme/main.html. */
(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const SITEMAP = /\/sitemap\.xml$/;
  const WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  const pathOf = (url) => new URL(String(url), location.href).pathname;

  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  }

  let started = false;
  const held = new Map(); // request → its send(), to run when search is first used

  const start = () => {
    if (started) return;
    started = true;
    for (const send of held.values()) send();
    held.clear();
  };

  const request = XMLHttpRequest.prototype;
  const { open, send, abort } = request;
  const kinds = new WeakMap(); // request → "index", "sitemap" or "other"
  request.open = function (method, url, ...rest) {
    const path = pathOf(url);
    kinds.set(this, INDEX.test(path) ? "index" : SITEMAP.test(path) ? "sitemap" : "other");
    return open.call(this, method, url, ...rest);
  };
  request.send = function (body) {
    const kind = kinds.get(this);
    if (kind === "sitemap") return undefined; // never sent: Material goes on without it
    if (kind !== "index" || started) return send.call(this, body);
    held.set(this, () => send.call(this, body));
    return undefined;
  };
  request.abort = function () {
    held.delete(this);
    return abort.call(this);
  };

  const RealWorker = window.Worker;
  // Material creates its worker at once but first writes to it when the index has arrived:
  // the real worker (and the search language files it loads) starts with that first message.
  class OnDemandWorker extends EventTarget {
    #url;
    #options;
    #worker = null;

    constructor(url, options) {
      super();
      this.#url = url;
      this.#options = options;
    }

    postMessage(message, transfer) {
      if (this.#worker === null) {
        this.#worker = new RealWorker(this.#url, this.#options);
        for (const type of ["message", "messageerror", "error"]) {
          this.#worker.addEventListener(type, (event) => {
            const copy =
              type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data });
            this.dispatchEvent(copy);
          });
        }
      }
      this.#worker.postMessage(message, transfer);
    }

    terminate() {
      this.#worker?.terminate();
    }
  }

  window.Worker = new Proxy(RealWorker, {
    construct(target, [url, options]) {
      return WORKER.test(pathOf(url))
        ? new OnDemandWorker(url, options)
        : new target(url, options);
    },
  });

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest(".md-search")) start();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search") start();
  });
  const asked = new URL(location.href).searchParams;
  if (asked.has("q") || asked.has("h")) start();
})();
