/* contact-widget loader. Site owners paste:
 *   <script src="https://host/widget/contact-widget.js" data-config-url="/contact.json" defer></script>
 * (or data-config='{…}' inline, or window.ContactWidgetConfig = {…} set before the script).
 *
 * Small and hand-written: every visitor downloads it before any interaction. It draws the launcher in
 * an open shadow root and fetches the wasm-bindgen glue + wasm when the `load` option says: "idle"
 * (default: downloaded and compiled after the page's load; started in short idle steps once the visitor
 * engages with the page, or on intent), "interaction" (all of it on hover, focus or touch of the
 * launcher) or "eager" (downloaded and started in short idle steps at once, without waiting for the
 * load or the visitor). The same file is also the worker that warms ICU and rehearses the widget off
 * the main thread (see warmInWorker).
 * Where the wasm cannot run, the launcher opens the links of fallback.json (server-stub/src/fallback.rs).
 *
 * Guarantees: it never throws into the host page (errors go to console.error, prefixed); a second copy
 * adds no second widget; nothing is written as HTML or as a style attribute (strict CSP, Trusted Types):
 * positions are custom properties set through CSSOM. scripts/dist.mjs fills in the __CW_*__ names. */
(() => {
  'use strict';
  const PREFIX = '[contact-widget]';
  // The widget's main-thread steps are recorded as User Timing measures named 'contact-widget: <step>'
  // (icu, read, mount, build, open), visible in DevTools' performance panel and read by bench/open-timing.mjs.
  const measured = (step, run) => {
    const start = performance.now();
    const result = run();
    try {
      performance.measure('contact-widget: ' + step, { start });
    } catch (error) {
      // a browser without User Timing Level 3 records nothing
    }
    return result;
  };
  // widget.css's breakpoint for narrow screens (the launcher's collapse, the panel as a bottom sheet).
  const NARROW = '(max-width: 600px)';
  // Runs `then` once the page has painted its first content (its First Contentful Paint), or after
  // FIRST_PAINT_WAIT_MS where that never comes or is not reported (no Paint Timing; a page of canvas).
  const FIRST_PAINT_WAIT_MS = 3000;
  const afterFirstPaint = (then) => {
    let done = false;
    let observer = null;
    const go = () => {
      if (done) return;
      done = true;
      if (observer) observer.disconnect();
      then();
    };
    const types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.includes('paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) setTimeout(go, 0);
      });
      observer.observe({ type: 'paint', buffered: true });
    }
    setTimeout(go, FIRST_PAINT_WAIT_MS);
  };
  const report = (what, error) => console.error(PREFIX + ' ' + what, error === undefined ? '' : error);
  // One time of day formatted as the panel formats its hours: what starts ICU's date formatting.
  const formatTimeOfDay = (locale, timeZone) => new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(0);
  // Run as the loader's worker (see warmInWorker): start ICU in the language and zone asked for, then
  // rehearse the widget on the page's compiled module, and say whether the whole rehearsal ran.
  if (typeof document === 'undefined') {
    // The rehearsal: this worker's own instance of the page's compiled module reads the configuration,
    // mounts the panel, builds its contacts, opens it, opens its callback form and closes it, against
    // a stand-in document. V8 compiles a wasm function on its first call, on the calling thread, and
    // the compiled code is the module's: the page's own steps then find it compiled (its mount at 4x
    // CPU: 569 functions, 69-90 ms of compiling, no longer on the main thread). Nothing of it reaches
    // the page: the instance, its memory and the stand-in nodes are the worker's, and the worker has
    // no storage (so no waiting requests to resend), no network (fetch never answers), no console
    // (the page reports the configuration's problems) and no events (the sink drops them). A call the
    // stand-in cannot serve throws and ends the rehearsal: the page then compiles the rest itself.
    const rehearse = async (code, json, lang) => {
      // The stand-in serves what the wasm-bindgen glue calls on nodes (see the `__wbg_` imports).
      class StandInNode {
        constructor() {
          this.parentNode = null;
          this.nodes = [];
          this.style = { setProperty() {}, removeProperty() {} };
          this.classList = { add() {}, remove() {} };
        }
        insertBefore(node, before) {
          node.remove();
          const at = this.nodes.indexOf(before);
          this.nodes.splice(at < 0 ? this.nodes.length : at, 0, node);
          node.parentNode = this;
          return node;
        }
        remove() {
          if (this.parentNode) this.parentNode.nodes.splice(this.parentNode.nodes.indexOf(this), 1);
          this.parentNode = null;
        }
        cloneNode() { return new StandInNode(); }
        setAttribute() {}
        removeAttribute() {}
        addEventListener() {}
        removeEventListener() {}
        focus() {}
        scrollIntoView() {}
        querySelector() { return null; }
        querySelectorAll() { return []; }
        compareDocumentPosition() { return 4; } // DOCUMENT_POSITION_FOLLOWING
      }
      const standIn = () => new StandInNode();
      const node = { [Symbol.hasInstance]: (value) => value instanceof StandInNode };
      Object.assign(self, {
        document: Object.assign(standIn(), { createElement: standIn, createElementNS: standIn, createTextNode: standIn, createComment: standIn }),
        window: self,
        Window: { [Symbol.hasInstance]: (value) => value === self },
        Node: node, Element: node, HTMLElement: node, ShadowRoot: node,
        fetch: () => new Promise(() => {}),
        console: { error() {}, warn() {}, log() {}, info() {}, debug() {} },
      });
      // Effects run in microtasks; a task boundary lets each step's effects finish before the next.
      const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
      const handle = code.mount(standIn(), standIn(), code.read_config(json, lang), () => {});
      while (handle.buildNext());
      handle.open();
      await settled();
      handle.openCallback();
      await settled();
      handle.close();
      await settled();
      return true;
    };
    self.onmessage = (event) => {
      const { locale, timeZone, glue, module, json, lang } = event.data;
      try {
        formatTimeOfDay(locale, timeZone);
      } catch (error) {
        // an unknown zone: the page's own steps and the core deal with it
      }
      const ahead = module ? import(glue).then((code) => {
        code.initSync({ module });
        return rehearse(code, json, lang);
      }) : Promise.resolve(false);
      ahead
        .catch(() => false) // the page's own steps compile what they call
        .then((compiledAhead) => postMessage({ compiledAhead }));
    };
    return;
  }

  try {
    if (window.ContactWidget) {
      console.warn(PREFIX + ' the script is included twice; the second copy does nothing.');
      return;
    }
    // Until the widget starts, API calls are remembered and replayed. `requested` is what to open
    // then: null (nothing), true (the panel) or a department id or '' (that department's callback form).
    let widget = null;
    let requested = null;
    // ContactWidget.on(type, handler): handlers per event type; each call returns its unsubscribe.
    const handlers = {};
    window.ContactWidget = Object.freeze({
      open() { if (widget) widget.open(); else requested = true; },
      close() { if (widget) widget.close(); else requested = null; },
      openCallback(department) {
        const id = typeof department === 'string' ? department : '';
        if (widget) widget.openCallback(id); else requested = id;
      },
      on(type, handler) {
        if (typeof handler !== 'function') return () => {};
        (handlers[type] = handlers[type] || []).push(handler);
        return () => { handlers[type] = handlers[type].filter((h) => h !== handler); };
      },
    });

    // currentScript is null only if the tag was inserted as a module; then find it by name.
    const script = document.currentScript || document.querySelector('script[src*="contact-widget.js"]');
    const base = (script && script.src) || location.href;
    const asset = (name) => new URL(name, base).href;
    const ASSETS = { glue: '__CW_GLUE__', wasm: '__CW_WASM__', css: '__CW_CSS__' };
    // A fetch whose error statuses reject too, named in the message as `name` (default: the final URL).
    const fetchOk = (url, init, name) => fetch(url, init).then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + (name || response.url));
      return response;
    });

    // contact_core::i18n's launcher texts and language rule (Locale::for_visitor), because the launcher
    // is drawn before the wasm arrives: generated from widget/core/locales/*.toml (LOADER_LOCALES) and
    // written in by scripts/build-widget.sh, as { fallback, tags: { subtag: language }, text: { language:
    // { launcher, loading } } }.
    const LOCALES = __CW_LOCALES__;
    const has = (object, key) => !!object && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
    const localeOf = (tag) => {
      const primary = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
      return has(LOCALES.tags, primary) ? LOCALES.tags[primary] : null;
    };
    const chooseLocale = (configured) => {
      if (typeof configured === 'string' && has(LOCALES.text, configured)) return configured;
      const tag = [document.documentElement.lang, navigator.language].map((t) => (t || '').trim()).find(Boolean);
      return localeOf(tag) || LOCALES.fallback;
    };
    // The launcher's texts in `locale`, with the owner's overrides (`texts` in the configuration), as
    // the wasm applies them: a blank or non-text override keeps the shipped text.
    const textsFor = (config, locale) => {
      const owner = has(config.texts, locale) ? config.texts[locale] : null;
      const pick = (key) => (has(owner, key) && typeof owner[key] === 'string' && owner[key].trim() ? owner[key] : LOCALES.text[locale][key]);
      return { launcher: pick('launcher'), loading: pick('loading') };
    };

    const readConfig = () => {
      const inline = script && script.getAttribute('data-config');
      if (inline) return Promise.resolve(inline);
      const url = script && script.getAttribute('data-config-url');
      if (url) {
        return fetchOk(new URL(url, location.href), { credentials: 'same-origin' }, url).then((response) => response.text());
      }
      if (window.ContactWidgetConfig) return Promise.resolve(JSON.stringify(window.ContactWidgetConfig));
      return Promise.reject(new Error('no configuration: add data-config-url or data-config to the script tag, or set window.ContactWidgetConfig'));
    };

    // Text only ever as text nodes: nothing is parsed as markup.
    const element = (name, attributes, text) => {
      const node = document.createElement(name);
      for (const key in attributes) node.setAttribute(key, attributes[key]);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const SVG = 'http://www.w3.org/2000/svg';
    const icon = (d) => {
      const svg = document.createElementNS(SVG, 'svg');
      const path = document.createElementNS(SVG, 'path');
      for (const [key, value] of [['class', 'cw-icon'], ['viewBox', '0 0 24 24'], ['aria-hidden', 'true'], ['focusable', 'false']]) {
        svg.setAttribute(key, value);
      }
      path.setAttribute('d', d);
      svg.append(path);
      return svg;
    };

    // The fallback: the wasm panel's markup and classes (widget/src/panel.rs), so widget.css styles it.
    // `onClosed` hears every closing (the launcher, Escape, the close button).
    const fallbackPanel = (panel, locale, launcher, mountPoint, onClosed) => {
      const dialog = element('div', {
        id: 'cw-panel', class: 'cw-panel', 'data-testid': 'cw-fallback', role: 'dialog', 'aria-labelledby': 'cw-title', lang: locale, hidden: '',
      });
      const close = element('button', { type: 'button', class: 'cw-close', 'data-testid': 'cw-close', 'aria-label': panel.close });
      close.append(icon('M6 6l12 12M18 6L6 18')); // CLOSE in widget/src/icons.rs
      const header = element('div', { class: 'cw-header' });
      header.append(element('h2', { class: 'cw-title', id: 'cw-title' }, panel.title), close);
      const body = element('div', { class: 'cw-body' });
      dialog.append(header, body);
      mountPoint.append(dialog);
      panel.departments.forEach((department, index) => {
        const id = 'cw-d' + index;
        const section = element('section', { class: 'cw-dept', 'aria-labelledby': id });
        const list = element('ul', { class: 'cw-list' });
        section.append(element('h3', { class: 'cw-dept-name', id }, department.name), list);
        for (const link of department.links) {
          const a = element('a', { class: 'cw-contact', 'data-testid': 'cw-fallback-link', href: link.href });
          // Web links (messengers) open beside the page, as in the wasm panel.
          if (/^https?:/.test(link.href)) {
            a.target = '_blank';
            a.rel = 'noopener noreferrer';
          }
          const lines = a.appendChild(element('span', { class: 'cw-contact-body' }));
          lines.append(element('span', { class: 'cw-text' }, link.label));
          if (link.note) lines.append(' ', element('span', { class: 'cw-note' }, link.note));
          list.appendChild(element('li')).append(a);
        }
        body.append(section);
      });
      launcher.hidden = !panel.departments.length;

      const show = (open) => {
        dialog.hidden = !open;
        launcher.setAttribute('aria-expanded', open);
        if (!open) onClosed();
      };
      // Escape and the close button give focus back to the launcher.
      const back = () => {
        show(false);
        launcher.focus();
      };
      close.addEventListener('click', back);
      dialog.addEventListener('keydown', (event) => event.key === 'Escape' && back());
      return {
        open() { show(true); close.focus(); },
        close() { show(false); },
        isOpen: () => !dialog.hidden,
        remove() { dialog.remove(); },
      };
    };

    // The ranges the core accepts (u16 pixels, i32 z-index); other values keep the stylesheet's
    // defaults here, and the core names them when the wasm reads the configuration.
    const setNumber = (host, property, value, min, max, unit) => {
      if (Number.isInteger(value) && value >= min && value <= max) host.style.setProperty(property, value + unit);
    };
    // Objects of the configuration the loader reads; anything else reads as {} (the core reports it).
    const section = (value) => (value && typeof value === 'object' ? value : {});

    // Mirrors contact_core::config::PathPattern::matches (placement.hideOnPaths).
    const pathMatches = (pattern, path) => {
      const bare = (p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
      if (typeof pattern !== 'string' || pattern[0] !== '/') return false;
      return pattern.endsWith('*') ? (path + '/').startsWith(pattern.slice(0, -1)) : bare(pattern) === bare(path);
    };

    // Mirrors contact_core::theme (text_on, Theme::accent_hover): the launcher is painted before the
    // wasm arrives. Returns the text colour on `accent` (#rrggbb) and its hover shade.
    const accentColours = (accent) => {
      const rgb = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
      const luminance = (channels) => channels.reduce((sum, c, i) => {
        const s = c / 255;
        return sum + [0.2126, 0.7152, 0.0722][i] * (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
      }, 0);
      const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const own = luminance(rgb);
      const white = contrast(own, luminance([255, 255, 255])) >= contrast(own, luminance([27, 28, 31]));
      // 3/20 of the way away from the text colour, rounded as the core's integer mix rounds.
      const hover = rgb.map((c) => {
        const d = (white ? 0 : 255) - c;
        return (c + Math.trunc((d * 6 + Math.sign(d) * 20) / 40)).toString(16).padStart(2, '0');
      });
      return [white ? '#ffffff' : '#1b1c1f', '#' + hover.join('')];
    };

    // Calls `then` after each navigation of the page that may change its path without a load: every
    // one where the Navigation API exists (a single-page application's pushState included), else back,
    // forward and hash changes only. Returns what stops it.
    const onNavigation = (then) => {
      const guarded = () => {
        try {
          then();
        } catch (error) {
          report('could not follow the navigation:', error);
        }
      };
      const events = window.navigation && window.navigation.addEventListener
        ? [[window.navigation, 'currententrychange']]
        : [[window, 'popstate'], [window, 'hashchange']];
      for (const [target, type] of events) target.addEventListener(type, guarded);
      return () => {
        for (const [target, type] of events) target.removeEventListener(type, guarded);
      };
    };

    const start = (json) => {
      let config;
      try {
        config = JSON.parse(json);
      } catch (error) {
        report('the configuration is not valid JSON:', error.message);
        return;
      }
      if (!config || typeof config !== 'object' || Array.isArray(config)) {
        report('the configuration must be a JSON object');
        return;
      }
      const locale = chooseLocale(config.locale);
      const text = textsFor(config, locale);
      const placement = section(config.placement);
      const theme = section(config.theme);
      const analytics = section(config.analytics);
      // placement.hideOnPaths: on these pages the widget does not start at all. In a single-page
      // application the page changes without a load: the first navigation to another page starts it,
      // and once started it hides (closing the panel) and shows again as the visitor moves on.
      const hidePatterns = Array.isArray(placement.hideOnPaths) ? placement.hideOnPaths : [];
      const hiddenHere = () => hidePatterns.some((p) => pathMatches(p, location.pathname));
      if (hiddenHere()) {
        const stop = onNavigation(() => {
          if (hiddenHere()) return;
          stop();
          start(json);
        });
        return;
      }

      const host = document.createElement('contact-widget');
      if (placement.side === 'left') host.setAttribute('data-side', 'left');
      setNumber(host, '--cw-offset-x', placement.offsetX, 0, 65535, 'px');
      setNumber(host, '--cw-offset-y', placement.offsetY, 0, 65535, 'px');
      setNumber(host, '--cw-offset-y-mobile', placement.offsetYMobile, 0, 65535, 'px');
      setNumber(host, '--cw-z', placement.zIndex, -2147483648, 2147483647, '');
      const root = host.attachShadow({ mode: 'open' });
      // The wasm's events (widget/src/events.rs): a CustomEvent on the host, then ContactWidget.on's handlers.
      // `analytics`: each event also goes to the page's data layer and Metrica counter, when configured
      // and present. Details never hold personal data (widget/src/events.rs), only what is passed on.
      const layer = analytics.dataLayer === true ? 'dataLayer'
        : (typeof analytics.dataLayer === 'string' && /^[A-Za-z_$][\w$]{0,63}$/.test(analytics.dataLayer) ? analytics.dataLayer : '');
      const counter = Number.isSafeInteger(analytics.metrika) && analytics.metrika > 0 ? analytics.metrika : 0;
      const track = (type, detail) => {
        const goal = 'contact_widget_' + type;
        try {
          if (layer) (window[layer] = window[layer] || []).push({ event: goal, ...detail });
        } catch (error) { report('could not push to ' + layer + ':', error); }
        try {
          if (counter && typeof window.ym === 'function') window.ym(counter, 'reachGoal', goal, { ...detail });
        } catch (error) { report('could not send a Metrica goal:', error); }
      };
      const emit = (type, detail) => {
        track(type, detail);
        host.dispatchEvent(new CustomEvent(type, { detail }));
        for (const handler of handlers[type] || []) {
          try { handler(detail); } catch (error) { report('a ContactWidget.on handler threw:', error); }
        }
      };
      const stylesheet = element('link', { rel: 'stylesheet', href: asset(ASSETS.css) });
      const frame = element('div', { class: 'cw-root' });
      const mountPoint = element('div', { class: 'cw-mount' });
      const status = element('span', { class: 'cw-status', role: 'status' });
      const launcher = element('button', {
        type: 'button', class: 'cw-launcher', 'data-testid': 'cw-launcher',
        'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'cw-panel',
      });
      // The same speech bubble as the wasm's messenger icon (widget/src/icons.rs).
      launcher.append(icon('M12 3.5c4.7 0 8.5 3.2 8.5 7.3s-3.8 7.2-8.5 7.2c-1 0-2-.1-2.9-.4L4.5 20l1.2-4A6.9 6.9 0 0 1 3.5 10.8c0-4.1 3.8-7.3 8.5-7.3z'));
      const label = typeof config.launcherLabel === 'string' ? config.launcherLabel.trim() : '';
      if (config.launcherStyle === 'icon') {
        // Icon only: the label, or the default text, is still the button's name for screen readers.
        launcher.setAttribute('data-style', 'icon');
        launcher.setAttribute('aria-label', label || text.launcher);
      } else if (label) {
        launcher.append(element('span', { class: 'cw-launcher-label' }, label));
      } else {
        launcher.setAttribute('aria-label', text.launcher);
      }
      // theme.accent, checked as the core checks it; widget.css keeps its default otherwise.
      const accent = typeof theme.accent === 'string' ? theme.accent.trim() : '';
      if (/^#[0-9a-f]{6}$/i.test(accent)) {
        const [onAccent, hover] = accentColours(accent);
        frame.style.setProperty('--cw-accent', accent);
        frame.style.setProperty('--cw-on-accent', onAccent);
        frame.style.setProperty('--cw-accent-hover', hover);
      }
      // theme.scheme: "light", "dark", or (default) the visitor's system setting, followed live.
      const scheme = theme.scheme === 'light' || theme.scheme === 'dark' ? theme.scheme : '';
      const systemDark = matchMedia('(prefers-color-scheme: dark)');
      const paintScheme = () => host.setAttribute('data-scheme', scheme || (systemDark.matches ? 'dark' : 'light'));
      paintScheme();
      // Safari before 14 has no addEventListener here: its visitors get the scheme of the page load.
      if (!scheme && systemDark.addEventListener) systemDark.addEventListener('change', paintScheme);
      // placement.collapse "scroll": widget.css shrinks (data-compact) and slides out (data-away) the
      // launcher on narrow screens (its breakpoint, NARROW). One passive listener and one read per
      // frame, never a layout write, and only while the screen is narrow: a wider one (a desktop, a
      // phone turned sideways past it) has no scroll handler at all.
      if (placement.collapse !== 'never') {
        const narrow = matchMedia(NARROW);
        let lastY = scrollY;
        let queued = false;
        const settle = () => {
          queued = false;
          const y = scrollY;
          const atEnd = y + innerHeight >= document.documentElement.scrollHeight - 8;
          host.toggleAttribute('data-compact', y > 16);
          if (Math.abs(y - lastY) > 8 || atEnd) {
            host.toggleAttribute('data-away', y > lastY && !atEnd);
            lastY = y;
          }
        };
        const onScroll = () => {
          if (!queued) requestAnimationFrame(settle);
          queued = true;
        };
        const followWidth = () => {
          if (narrow.matches) {
            lastY = scrollY;
            addEventListener('scroll', onScroll, { passive: true });
          } else {
            removeEventListener('scroll', onScroll);
            host.removeAttribute('data-compact');
            host.removeAttribute('data-away');
          }
        };
        followWidth();
        // Safari before 14 has no addEventListener here: its visitors keep the width of the page load.
        if (narrow.addEventListener) narrow.addEventListener('change', followWidth);
      }
      // The launcher joins the page only once its styles apply: no flash of an unstyled button.
      stylesheet.addEventListener('load', () => frame.insertBefore(launcher, status));
      stylesheet.addEventListener('error', () => report('could not load the stylesheet ' + stylesheet.href));
      frame.append(mountPoint, status);
      root.append(stylesheet, frame);
      document.body.append(host);
      if (hidePatterns.length) {
        onNavigation(() => {
          const hide = hiddenHere();
          if (hide && widget) widget.close();
          host.toggleAttribute('hidden', hide);
        });
      }

      const setBusy = (busy) => {
        launcher.setAttribute('aria-busy', String(busy));
        status.textContent = busy ? text.loading : '';
      };
      // Downloading and compiling run off the main thread; what follows them in idle time (ICU, the
      // mount, the contacts) runs on it in short steps, a task each. Without WebAssembly nothing is downloaded. The
      // wasm's request starts beside the glue's, not after it: a cold tap waits one round trip, not two.
      let glue = null;
      let wasm = null;
      let compiled = null;
      const download = () => {
        if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
        if (!glue) {
          wasm = fetchOk(asset(ASSETS.wasm));
          glue = import(asset(ASSETS.glue));
          // Failures are reported by whoever starts the widget on them.
          wasm.catch(() => {});
          glue.catch(() => {});
        }
      };
      const prefetch = () => {
        try {
          download();
        } catch (error) {
          return; // nothing to prefetch: a tap shows the fallback
        }
        if (!compiled) {
          // Streaming compilation needs the `application/wasm` type; servers that send another still work.
          const streams = (response) => WebAssembly.compileStreaming
            && /^application\/wasm\s*(;|$)/i.test(response.headers.get('Content-Type') || '');
          compiled = wasm.then((response) => (streams(response)
            ? WebAssembly.compileStreaming(response)
            : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes))));
          compiled.catch(() => {});
        }
      };
      // Instantiating and mounting run on the main thread: in idle time after a prefetch, on intent,
      // eagerly, or for waiting requests. Without a prefetch the wasm is instantiated as it streams in,
      // in one step. The mount builds the panel's skeleton; its contacts follow a part per idle task.
      // `inSteps` (idle time): instantiating, reading the configuration and mounting each get a task.
      const loadWasm = (inSteps) => {
        download();
        const next = (step) => (inSteps ? new Promise((resolve) => whenIdle(() => resolve(step()))) : step());
        return glue.then((code) => code.default({ module_or_path: compiled || wasm })
          .then(() => next(() => measured('read', () => code.read_config(json, document.documentElement.lang))))
          .then((read) => next(() => measured('mount', () => code.mount(mountPoint, launcher, read, emit)))));
      };
      // The plain links, loaded once: for a browser where the wasm fails, and meanwhile for a tap the
      // wasm keeps waiting (see open).
      let fallback = null;
      const loadFallback = () => {
        fallback = fallback || fetchOk(asset('fallback.json')).then((response) => response.json())
          .then((all) => fallbackPanel(all[locale], locale, launcher, mountPoint, () => setTimeout(retireInterim, 0)));
        return fallback;
      };
      // The browser's first Intl objects load ICU's data: 95-175 ms of main-thread time at 4x CPU, which
      // the wasm would otherwise pay inside the mount (every hours text goes through Intl). Paid here
      // instead, in steps of the configured zone and language, as the panel's, one step per task (ICU's
      // start-up splits into the locale, number and date parts), after the worker has started ICU off
      // the main thread (see warmInWorker): in idle time, or during the download of a cold start.
      const zone = section(config.hours).zone;
      const timeZone = (typeof zone === 'string' && zone.trim()) || undefined;
      const icuSteps = [
        () => new Intl.Locale(locale),
        () => new Intl.NumberFormat(locale).format(1),
        () => formatTimeOfDay(locale, timeZone),
      ];
      let icuWarmed = typeof Intl === 'object' ? 0 : icuSteps.length;
      // Runs the next ICU step, if any is left; returns whether more are left.
      const warmIntlStep = () => {
        if (icuWarmed < icuSteps.length) {
          try {
            measured('icu', icuSteps[icuWarmed++]);
          } catch (error) {
            // an older browser without Intl.Locale, or an unknown zone (the core reports it)
          }
        }
        return icuWarmed < icuSteps.length;
      };
      // ICU's data and caches are the renderer process's, not a thread's: started in a worker (this same
      // script, already in the HTTP cache), the page's own steps then take 1-24 ms each instead of
      // 105-139 ms for the longest (Intl.NumberFormat) at 4x CPU. Compiled wasm code is the module's, not
      // a thread's, either: V8 compiles each function on its first call, so the worker rehearses the widget
      // on the page's compiled module (see `rehearse` above), and the page's own read, mount, builds and
      // first open then run compiled code. A worker's script must be
      // same-origin with the page, and under Trusted Types its URL must come from a policy (named
      // 'contact-widget', always this script's URL). Resolves when the worker is done, or at once where
      // no worker can start; marks 'contact-widget: compiled ahead' when the whole rehearsal ran.
      // One worker per page: with the compiled module in idle mode, without it (ICU only) on a cold start.
      let workerDone = null;
      const warmInWorker = (module) => workerDone || (workerDone = new Promise((resolve) => {
        const url = script && script.src;
        if (typeof Worker !== 'function' || typeof Intl !== 'object' || !url || new URL(url).origin !== location.origin) {
          resolve();
          return;
        }
        try {
          const trusted = window.trustedTypes ? window.trustedTypes.createPolicy('contact-widget', { createScriptURL: () => url }).createScriptURL(url) : url;
          const worker = new Worker(trusted);
          const done = (event) => {
            if (event && event.data && event.data.compiledAhead) performance.mark('contact-widget: compiled ahead');
            worker.terminate();
            resolve();
          };
          worker.onmessage = done;
          worker.onerror = () => done();
          setTimeout(done, 5000);
          worker.postMessage({ locale, timeZone, glue: asset(ASSETS.glue), module, json, lang: document.documentElement.lang });
        } catch (error) {
          resolve(); // a CSP or Trusted Types rule refused the worker: the page's own steps warm ICU
        }
      }));
      // Runs `step` in tasks `schedule` gives, one call per task, while it returns true.
      const stepInTasks = (schedule, step) => schedule(() => {
        try {
          if (step()) stepInTasks(schedule, step);
        } catch (error) {
          report('could not prepare the panel:', error);
        }
      });
      const whenIdle = (then) => (window.requestIdleCallback ? requestIdleCallback(then, { timeout: 4000 }) : setTimeout(then, 100));
      const stepWhenIdle = (step) => stepInTasks(whenIdle, step);
      // Builds the panel's queued parts a part per idle task: after the start (its contacts) and after
      // each opening, which queues the callback form (widget/src/deferred.rs). The fallback has none.
      // One run at a time: a run still going takes up what an opening queues.
      let building = false;
      const buildWhenIdle = (ready) => {
        if (building || !ready.buildNext) return;
        building = true;
        stepWhenIdle(() => {
          building = false; // a step that throws ends the run; the next opening starts another
          building = measured('build', () => ready.buildNext());
          return building;
        });
      };
      // What a tap opens once ready: the wasm's handle or the fallback, both with open, close, isOpen.
      let booting = null;
      let handle = null;
      const boot = (inSteps) => {
        if (!booting) {
          // A cold start has the download's time for ICU: the worker starts it off the main thread, so
          // the page's own steps after it are short tasks, not one of 80-100 ms at 4x CPU after the tap.
          warmInWorker(null).then(() => stepInTasks((then) => setTimeout(then, 0), warmIntlStep));
          booting = Promise.resolve(inSteps === true).then(loadWasm)
            .then((ready) => {
              buildWhenIdle(ready);
              return ready;
            }, (error) => {
              console.warn(PREFIX + ' the wasm did not start; showing plain links:', error);
              return loadFallback();
            })
            .then((ready) => { handle = ready; return ready; });
          booting.catch((error) => report('could not load the widget:', error));
        }
        return booting;
      };
      // A tap the wasm keeps waiting longer than SLOW_START_MS (a slow network, a slow phone) opens the
      // plain links meanwhile (`interim`), so the visitor can call or write at once; the panel stays
      // closed when it arrives, and the links give way to it once they are closed: the next tap opens
      // the panel.
      const SLOW_START_MS = 1500;
      let interim = null;
      // A tap is waiting for the wasm: further taps meanwhile add no second wait.
      let waiting = false;
      const retireInterim = () => {
        if (interim && handle && handle !== interim && !interim.isOpen()) {
          interim.remove();
          interim = null;
        }
      };
      const open = () => {
        if (interim) {
          interim.open();
          return;
        }
        if (handle) {
          measured('open', () => handle.open());
          buildWhenIdle(handle);
          return;
        }
        if (waiting) return;
        waiting = true;
        setBusy(true);
        let answered = false;
        const slow = setTimeout(() => {
          answered = true;
          loadFallback().then((links) => {
            interim = links;
            setBusy(false);
            retireInterim();
            if (interim) interim.open();
            else open();
          }, (error) => report('could not load the plain links:', error));
        }, SLOW_START_MS);
        boot().then((ready) => {
          waiting = false;
          clearTimeout(slow);
          retireInterim();
          if (answered) {
            // The panel's first render marks the launcher collapsed while the links are still open.
            setTimeout(() => interim && interim.isOpen() && launcher.setAttribute('aria-expanded', 'true'), 0);
            return;
          }
          setBusy(false);
          measured('open', () => ready.open());
          buildWhenIdle(ready);
        }, () => {
          waiting = false;
          setBusy(false);
        }).catch((error) => report('could not open', error));
      };
      const shown = () => [interim, handle].find((panel) => panel && panel.isOpen());
      const close = () => {
        const panel = shown();
        if (panel) panel.close();
      };
      // The fallback has no form: it opens its links instead.
      const openCallback = (id) => {
        // The form replaces plain links still open from a slow start.
        if (handle && handle.openCallback && interim && interim.isOpen()) interim.close();
        if (handle && handle.openCallback) handle.openCallback(id || undefined);
        else if (handle) handle.open();
        else boot().then(() => openCallback(id)).catch((error) => report('could not open', error));
      };

      launcher.addEventListener('click', () => {
        try {
          if (shown()) close();
          else open();
        } catch (error) {
          report('could not toggle the panel:', error);
        }
      });
      // Any sign of interest starts the widget, whatever the load option, so the tap finds it (nearly) ready.
      for (const type of ['pointerenter', 'focus', 'touchstart']) {
        launcher.addEventListener(type, () => boot(), { once: true, passive: true });
      }
      // "idle": download and compile after the page's load and warm ICU in the worker (all off the main
      // thread); then, once the visitor shows any sign of life on the page (a scroll, a touch, a click, a
      // key, a mouse move), run the page's ICU steps and start the widget, a step per idle task. A page
      // nobody engages with (a bounce, a background tab, a crawler) pays no main-thread time for the
      // widget; a visitor who reads and then reaches for the launcher finds the panel built. A tap as the
      // very first act starts everything itself (boot).
      const whenEngaged = (then) => {
        const signs = ['scroll', 'pointermove', 'pointerdown', 'touchstart', 'keydown', 'wheel'];
        const engaged = () => {
          for (const type of signs) removeEventListener(type, engaged, true);
          then();
        };
        for (const type of signs) addEventListener(type, engaged, { capture: true, passive: true });
      };
      const prepareStep = () => {
        if (icuWarmed < icuSteps.length) {
          warmIntlStep();
          return true;
        }
        boot(true);
        return false;
      };
      // The worker warms ICU and the wasm's code as soon as the wasm is compiled, engaged or not: off the
      // main thread it costs the page nothing, and a tap that comes first then finds both started. The
      // page's own start (`begin`, by default in idle steps) follows the worker once `when` says so
      // ("idle": the visitor engaged; otherwise at once).
      const prepare = (when, begin = () => stepWhenIdle(prepareStep)) => {
        prefetch();
        if (compiled) {
          compiled.then((module) => {
            const warmed = warmInWorker(module);
            when(() => warmed.then(begin));
          }, () => {});
        }
      };
      const atOnce = (then) => then();
      // A visitor whose browser asks to save data (Save-Data) or is on a 2G-class link downloads the
      // widget only on intent, as in "interaction" mode: 160 KB for a panel they may never open is
      // theirs to pay for. A request waiting in the outbox is still sent at once.
      const connection = navigator.connection;
      const savesData = !!connection && (connection.saveData === true || /(^|-)2g$/.test(connection.effectiveType || ''));
      // "eager" is "idle" without waiting: downloaded and compiled at once, rehearsed in the worker, then
      // started in short steps, so the page's load carries no long task of the widget's either. A request
      // waiting in the outbox is resent as soon as the worker has compiled the code: the start then runs
      // at once but compiles nothing (at 4x CPU: one task of 96-144 ms before, read and mount 16-23 ms now).
      if (hasWaitingRequest()) {
        prepare(atOnce, () => boot());
      } else if (config.load === 'eager' && !savesData) {
        prepare(atOnce);
      } else if (config.load !== 'interaction' && !savesData) {
        const prepareWhenEngaged = () => prepare(whenEngaged);
        if (document.readyState === 'complete') whenIdle(prepareWhenEngaged);
        else window.addEventListener('load', () => whenIdle(prepareWhenEngaged), { once: true });
      }

      widget = { open, close, openCallback };
      if (requested === true) open();
      else if (typeof requested === 'string') openCallback(requested);
    };

    // Callback requests an earlier page saved on this device (widget/src/outbox.rs) are resent at once.
    const hasWaitingRequest = () => {
      try {
        return Object.keys(localStorage).some((key) => key.startsWith('contact-widget.outbox.'));
      } catch (error) {
        return false; // storage refused (a sandboxed frame): nothing can be waiting in it
      }
    };

    const whenBodyReady = (then) => {
      if (document.body) then();
      else document.addEventListener('DOMContentLoaded', then, { once: true });
    };
    // Nothing is fetched before the page has painted: the configuration, the stylesheet and the wasm
    // would compete with the page's own content for the network while it still renders (Lighthouse's
    // simulated FCP and LCP of the demo page grew by 150-300 ms when they were requested before it).
    afterFirstPaint(() => readConfig()
      .then((json) => whenBodyReady(() => {
        try {
          start(json);
        } catch (error) {
          report('could not start:', error);
        }
      }))
      .catch((error) => report('could not read the configuration:', error)));
  } catch (error) {
    report('could not start:', error);
  }
})();
