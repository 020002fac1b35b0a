/* The config builder (demo-site/builder.html): a form for the widget's configuration, validated by
 * contact-core's own reader (./pkg, built by scripts/build-builder.sh), with a live preview that is the
 * generated script tag in a blank page.
 *
 * Guarantees: the form is drawn from `model` only, with createElement and textContent (no HTML is ever
 * parsed from a string, except the preview page, which is the escaped snippet itself); every problem the
 * reader reports is shown next to the field its path names, or in the summary when no field has that
 * path; the preview's document is exactly what an owner pastes into an empty page; the shipped languages
 * and the texts an owner may replace come from core (`text_keys`), and keys left at their defaults are not
 * written, so the tag stays short. */
import init, { validate, vocabulary, text_keys as textKeys } from './pkg/config_builder.js';

// ---------------------------------------------------------------------------------------------------
// Texts: each phrase as [Russian, English], side by side so that neither language can miss one.

const LANGS = ['ru', 'en'];
/** The reader's messages are English (as in the widget's console report), whatever the page's language. */
const MESSAGES_LANG = 'en';

const TEXT = {
  title: ['Конструктор виджета связи', 'Contact widget builder'],
  home: ['Демо-сайт «Южный ветер»', 'South Wind demo site'],
  intro: ['Заполните форму: справа сразу виден виджет, каким его увидят посетители. Затем скопируйте тег script и вставьте его в свою страницу перед </body>.', 'Fill in the form: the preview shows the widget as visitors will see it. Then copy the script tag and paste it into your page before </body>.'],
  langSwitch: ['Язык страницы', 'Page language'],
  company: ['Компания', 'Company'],
  companyName: ['Название компании', 'Company name'],
  locale: ['Язык виджета', 'Widget language'],
  localeAuto: ['как у страницы', 'the page’s language'],
  defaultCountry: ['Страна по умолчанию для номеров без +', 'Default country for numbers without +'],
  byDefault: ['по умолчанию', 'default'],
  departments: ['Отделы', 'Departments'],
  department: ['Отдел', 'Department'],
  departmentName: ['Название отдела', 'Department name'],
  addDepartment: ['Добавить отдел', 'Add a department'],
  removeDepartment: ['Удалить отдел', 'Remove department'],
  departmentId: ['Идентификатор для аналитики (латиница, цифры, - и _)', 'Identifier for analytics (Latin letters, digits, - and _)'],
  departmentHours: ['Часы работы отдела', 'Department hours'],
  departmentZone: ['Часовой пояс отдела (пусто — как у компании)', 'Department time zone (empty: the company’s)'],
  departmentOpenOnHolidays: ['Работает в нерабочие дни компании', 'Works on the company’s closed days'],
  contact: ['Контакт', 'Contact'],
  contactType: ['Тип', 'Type'],
  addContact: ['Добавить контакт', 'Add a contact'],
  removeContact: ['Удалить контакт', 'Remove contact'],
  required: ['обязательно', 'required'],
  hours: ['Часы работы', 'Working hours'],
  hoursOn: ['Показывать часы работы', 'Show working hours'],
  zone: ['Часовой пояс (IANA, например Europe/Moscow)', 'Time zone (IANA, e.g. Europe/Moscow)'],
  weeklyHint: ['Интервалы через запятую, например 10:00-19:00, 20:00-22:00. Пустой день — выходной.', 'Intervals separated by commas, e.g. 10:00-19:00, 20:00-22:00. An empty day is closed.'],
  closures: ['Праздники и особые дни', 'Holidays and special days'],
  closure: ['Период', 'Period'],
  closureFrom: ['С', 'From'],
  closureTo: ['По (включительно)', 'To (inclusive)'],
  closureClosed: ['Закрыто весь день', 'Closed all day'],
  closureHours: ['Часы в эти дни (через запятую, например 10:00-16:00)', 'Hours on these days (comma-separated, e.g. 10:00-16:00)'],
  closureLabel: ['Подпись для посетителей', 'Label for visitors'],
  addClosure: ['Добавить период', 'Add a period'],
  removeClosure: ['Удалить период', 'Remove period'],
  promises: ['Обещания посетителям', 'Promises to visitors'],
  callbackMinutes: ['Перезваниваем в рабочее время в течение, минут (1–1440)', 'While open, we call back within, minutes (1–1440)'],
  emailBusinessDays: ['Отвечаем на письма в течение, рабочих дней (1–30)', 'We answer e-mails within, business days (1–30)'],
  quietHours: ['Ночь посетителя, когда ему не звонят (по его часам, ЧЧ:ММ-ЧЧ:ММ)', 'The visitor’s night, when nobody calls (their clock, HH:MM-HH:MM)'],
  callback: ['Обратный звонок', 'Callback'],
  callbackOn: ['Показывать форму обратного звонка', 'Show the callback form'],
  endpoint: ['Адрес приёма заявок', 'Where requests are sent'],
  topics: ['Темы заявок (по одной в строке)', 'Request topics (one per line)'],
  policyUrl: ['Ссылка на политику конфиденциальности', 'Privacy policy link'],
  consentVersion: ['Версия текста согласия', 'Consent text version'],
  askName: ['Спрашивать имя посетителя', 'Ask for the visitor’s name'],
  formTokenUrl: ['Адрес антиспам-токена (пусто — по умолчанию)', 'Anti-spam token address (empty: the default)'],
  look: ['Внешний вид', 'Look'],
  accent: ['Основной цвет', 'Accent colour'],
  scheme: ['Цветовая схема', 'Colour scheme'],
  launcherStyle: ['Кнопка вызова', 'Launcher button'],
  launcherLabel: ['Надпись на кнопке', 'Launcher text'],
  side: ['Сторона', 'Side'],
  offsetX: ['Отступ от края, px', 'Distance from the edge, px'],
  offsetY: ['Отступ снизу, px', 'Distance from the bottom, px'],
  offsetYMobile: ['Отступ снизу на узких экранах (до 600 px), px', 'Distance from the bottom on narrow screens (up to 600 px), px'],
  zIndex: ['Слой поверх страницы (z-index)', 'Layer above the page (z-index)'],
  hideOnPaths: ['Не показывать на страницах (по одному пути в строке, например /checkout/*)', 'Hide on pages (one path per line, e.g. /checkout/*)'],
  collapse: ['Сворачивать кнопку', 'Collapse the launcher'],
  load: ['Когда загружать виджет', 'When to load the widget'],
  analytics: ['Аналитика', 'Analytics'],
  dataLayer: ['События в dataLayer (Google Tag Manager)', 'Events to a dataLayer (Google Tag Manager)'],
  dataLayerOff: ['не отправлять', 'do not send'],
  dataLayerName: ['Имя своего массива', 'Name of your own array'],
  metrika: ['Номер счётчика Яндекс Метрики', 'Yandex Metrica counter number'],
  texts: ['Свои тексты виджета', 'Your own widget texts'],
  textsHint: ['Любой текст виджета можно заменить. В поле серым — текст по умолчанию; {слова в скобках} нужно сохранить.', 'Any text of the widget can be replaced. The box shows the shipped text in grey; keep its {words in braces}.'],
  text: ['Текст', 'Text'],
  textLanguage: ['Язык', 'Language'],
  textKey: ['Какой текст', 'Which text'],
  textValue: ['Ваш текст', 'Your text'],
  addText: ['Заменить ещё один текст', 'Replace another text'],
  removeText: ['Удалить замену', 'Remove replacement'],
  values: {
    scheme: {
      auto: ['как в системе', 'follow the system'],
      light: ['светлая', 'light'],
      dark: ['тёмная', 'dark'],
    },
    launcherStyle: {
      label: ['значок и надпись', 'icon and text'],
      icon: ['только значок', 'icon only'],
    },
    side: {
      left: ['слева', 'left'],
      right: ['справа', 'right'],
    },
    collapse: {
      scroll: ['при прокрутке', 'on scroll'],
      never: ['никогда', 'never'],
    },
    load: {
      idle: ['скачать после загрузки страницы, запустить при наведении на кнопку', 'download once the page has loaded, start when the visitor points at the button'],
      interaction: ['скачать и запустить при наведении на кнопку', 'download and start when the visitor points at the button'],
      eager: ['скачать и запустить сразу', 'download and start at once'],
    },
    locale: {
      ru: ['русский', 'Russian'],
      en: ['английский', 'English'],
      uk: ['украинский', 'Ukrainian'],
    },
    departmentHours: {
      same: ['как у компании', 'the company’s'],
      own: ['свои по дням недели', 'its own weekly hours'],
    },
    dataLayer: {
      default: ['window.dataLayer', 'window.dataLayer'],
      custom: ['свой массив', 'an array of my own'],
    },
  },
  channels: {
    phone: ['Телефон', 'Phone'],
    email: ['Эл. почта', 'E-mail'],
    sms: ['SMS', 'SMS'],
  },
  fields: {
    number: ['Номер', 'Number'],
    display: ['Как показывать номер', 'Number as shown'],
    address: ['Адрес', 'Address'],
    subject: ['Тема письма', 'Subject'],
    body: ['Текст', 'Text'],
    phone: ['Номер', 'Number'],
    text: ['Начало сообщения', 'First message'],
    username: ['Имя пользователя', 'Username'],
    id: ['Короткое имя или id', 'Short name or id'],
    page: ['Страница', 'Page'],
    name: ['Имя в Skype', 'Skype name'],
    user: ['Имя пользователя', 'Username'],
    url: ['Ссылка на профиль', 'Profile link'],
    label: ['Подпись над контактом', 'Line above the contact'],
    note: ['Примечание под контактом', 'Note below the contact'],
  },
  preview: ['Предпросмотр', 'Preview'],
  previewFrame: ['Предпросмотр виджета', 'Widget preview'],
  previewHint: ['Это пустая страница с тегом script ниже. Нажмите кнопку виджета, чтобы открыть его.', 'This is an empty page holding the script tag below. Press the widget’s button to open it.'],
  result: ['Код для вставки', 'Code to paste'],
  snippet: ['Тег script', 'Script tag'],
  json: ['Конфигурация (JSON)', 'Configuration (JSON)'],
  copySnippet: ['Скопировать тег script', 'Copy script tag'],
  copyJson: ['Скопировать JSON', 'Copy JSON'],
  copied: {
    snippet: ['Тег script скопирован.', 'Script tag copied.'],
    json: ['JSON скопирован.', 'JSON copied.'],
  },
  copyFailed: ['Не удалось скопировать: текст выделен в поле, скопируйте его вручную (Ctrl+C).', 'Could not copy: the text is selected in the box, copy it by hand (Ctrl+C).'],
  problems: [
    (n) => (n === 0 ? 'Ошибок нет: виджет прочтёт конфигурацию целиком.'
      : `Проблем: ${n}. Виджет покажет всё остальное, а это место пропустит или заменит значением по умолчанию.`),
    (n) => (n === 0 ? 'No problems: the widget reads the whole configuration.'
      : `${n} ${n === 1 ? 'problem' : 'problems'}. The widget shows everything else and leaves this out or uses its default.`),
  ],
  problemsHeading: ['Проверка', 'Check'],
  noWasm: ['Не удалось загрузить проверку конфигурации (demo-site/builder/pkg): запустите scripts/build-builder.sh.', 'Could not load the configuration check (demo-site/builder/pkg): run scripts/build-builder.sh.'],
};

/** Messenger names are the same in every language; the rest come from TEXT.channels. */
const BRANDS = {
  whatsapp: 'WhatsApp', telegram: 'Telegram', viber: 'Viber', vk: 'VK', messenger: 'Messenger', skype: 'Skype',
  signal: 'Signal', instagram: 'Instagram', max: 'MAX',
};
const WEEKDAYS = { ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WIDGET_SRC = new URL('/widget/contact-widget.js', location.href).href;
const DEBOUNCE_MS = 250;

// ---------------------------------------------------------------------------------------------------
// The model: what the form holds, close to the document but in the form's own terms (days as text,
// topics as lines, sections switched on and off).

const example = (lang) => (lang === 'en'
  ? {
    company: 'South Wind Travel', locale: 'en', defaultCountry: 'GB', launcherLabel: 'Contact us',
    departments: [
      { ...blankDepartment(), name: 'Sales', contacts: [
        { type: 'phone', fields: { number: '+44 20 7946 0958' }, label: '', note: 'Mon–Fri' },
        { type: 'email', fields: { address: 'sales@south-wind.example', subject: 'A question about a tour' }, label: '', note: '' },
        { type: 'telegram', fields: { username: '@south_wind_travel' }, label: '', note: '' },
      ] },
    ],
    hours: { ...blankHours(), zone: 'Europe/London', weekly: { mon: '09:00-18:00', tue: '09:00-18:00', wed: '09:00-18:00', thu: '09:00-18:00', fri: '09:00-17:00' }, overrides: [{ ...blankOverride(), from: '2026-12-24', to: '2026-12-27', label: 'Christmas' }] },
    callback: { ...blankCallback(), topics: 'Choosing a tour\nLast-minute deals' },
    ...blankExtras(),
  }
  : {
    company: 'Южный ветер', locale: 'ru', defaultCountry: '', launcherLabel: 'Связаться',
    departments: [
      { ...blankDepartment(), name: 'Продажи', contacts: [
        { type: 'phone', fields: { number: '8 (495) 123-45-67' }, label: '', note: 'многоканальный' },
        { type: 'email', fields: { address: 'sales@yuzhny-veter.example', subject: 'Вопрос о туре' }, label: '', note: '' },
        { type: 'telegram', fields: { username: '@yuzhny_veter' }, label: '', note: '' },
      ] },
      { ...blankDepartment(), name: 'Бухгалтерия', contacts: [
        { type: 'email', fields: { address: 'buh@yuzhny-veter.example' }, label: '', note: '' },
      ] },
    ],
    hours: { ...blankHours(), zone: 'Europe/Moscow', weekly: { mon: '10:00-19:00', tue: '10:00-19:00', wed: '10:00-19:00', thu: '10:00-19:00', fri: '10:00-19:00', sat: '11:00-16:00' }, overrides: [{ ...blankOverride(), from: '2026-12-31', to: '2027-01-08', label: 'Новогодние праздники' }] },
    callback: { ...blankCallback(), topics: 'Подбор тура\nГорящие туры' },
    ...blankExtras(),
  });

// Empty parts of the model: an empty text field means "the widget's default", so nothing is written.
function blankContact() { return { type: 'phone', fields: {}, label: '', note: '' }; }
/** `hours.own` off: the department keeps the company's hours and writes no `hours` of its own. */
function blankDepartment() { return { id: '', name: '', contacts: [blankContact()], hours: { own: false, zone: '', weekly: {}, openOnHolidays: false } }; }
function blankOverride() { return { from: '', to: '', closed: true, hours: '', label: '' }; }
function blankHours() { return { enabled: true, zone: '', weekly: {}, overrides: [], targets: { callbackMinutes: '', emailBusinessDays: '' }, quietHours: '' }; }
function blankCallback() { return { enabled: true, endpoint: '/api/v1/callbacks', formTokenUrl: '', topics: '', askName: true, policyUrl: '/demo-site/privacy.html', version: '2026-11' }; }
/** The look (accent and scheme chosen for the example), analytics (off) and text overrides (none). */
function blankExtras() {
  return {
    look: { accent: '#0d4f6c', scheme: 'light', launcherStyle: '', side: '', offsetX: '', offsetY: '', offsetYMobile: '', zIndex: '', hideOnPaths: '', collapse: '', load: '' },
    analytics: { dataLayer: '', dataLayerName: '', metrika: '' },
    texts: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// The document: model -> configuration object -> script tag

const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const listed = (text) => text.split(',').map((part) => part.trim()).filter(Boolean);
/** A number input's value as a number when it holds one, so the reader judges the range; else absent. */
const numberOrAbsent = (text) => (text.trim() === '' ? undefined : Number(text));
/** Absent when `value` is the widget's documented default, so the tag names only real choices. */
const unlessDefault = (value, fallback) => (value === fallback ? undefined : value);
/** The defaults of docs/config.md that the form leaves out of the document when typed in. */
const DEFAULTS = { offset: 20, zIndex: 2147483000, callbackMinutes: 15, emailBusinessDays: 1, quietHours: '22:00-08:00' };

/** Sets `object[key]` unless the value is absent, so the document names only what the owner chose. */
function put(object, key, value) {
  const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length)
    || (value && typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).length);
  if (!empty) object[key] = value;
  return object;
}

function contactDocument(contact, fieldsOf) {
  const [required, ...optional] = fieldsOf(contact.type);
  // The required field is always written, so an empty one is reported at its own input.
  const document = { type: contact.type, [required]: contact.fields[required] ?? '' };
  for (const key of optional) put(document, key, contact.fields[key]);
  put(document, 'label', contact.label);
  return put(document, 'note', contact.note);
}

function weeklyDocument(weekly) {
  const document = {};
  for (const day of DAY_KEYS) put(document, day, listed(weekly[day] || ''));
  return document;
}

/** One holiday or special day: a single `date` when the range is one day. Every row is written, even
 * an empty one, so that row i is `overrides[i]` and its problems land on its own inputs. */
function overrideDocument({ from, to, closed, hours, label }) {
  const document = from && (!to || to === from) ? { date: from } : { from, to };
  if (closed) document.closed = true;
  else document.hours = listed(hours); // an empty list also means closed
  return put(document, 'label', label);
}

function hoursDocument(hours) {
  const document = { zone: hours.zone, weekly: weeklyDocument(hours.weekly) };
  put(document, 'overrides', hours.overrides.map(overrideDocument));
  const targets = {};
  put(targets, 'callbackMinutes', unlessDefault(numberOrAbsent(hours.targets.callbackMinutes), DEFAULTS.callbackMinutes));
  put(targets, 'emailBusinessDays', unlessDefault(numberOrAbsent(hours.targets.emailBusinessDays), DEFAULTS.emailBusinessDays));
  put(document, 'targets', targets);
  return put(document, 'quietHours', unlessDefault(hours.quietHours.trim(), DEFAULTS.quietHours));
}

/** A department's own hours: only what differs from the company's (docs/hours.md, "Departments"). */
function departmentHoursDocument(hours) {
  if (!hours.own) return undefined;
  const document = put({}, 'zone', hours.zone.trim());
  // Always written: an owner who chose own hours and left every day empty means "closed all week".
  document.weekly = weeklyDocument(hours.weekly);
  if (hours.openOnHolidays) document.overrides = [];
  return document;
}

function departmentDocument(department, fieldsOf) {
  const document = put({}, 'id', department.id.trim());
  document.name = department.name;
  document.contacts = department.contacts.map((contact) => contactDocument(contact, fieldsOf));
  return put(document, 'hours', departmentHoursDocument(department.hours));
}

function callbackDocument(callback) {
  const document = { endpoint: callback.endpoint };
  put(document, 'formTokenUrl', callback.formTokenUrl.trim());
  put(document, 'topics', lines(callback.topics));
  if (!callback.askName) document.askName = false;
  if (callback.policyUrl || callback.version) {
    document.consent = { policyUrl: callback.policyUrl, version: callback.version };
  }
  return document;
}

function analyticsDocument(analytics) {
  // A custom name is written even when empty, so that the reader's message appears at its input.
  const dataLayer = { default: true, custom: analytics.dataLayerName.trim() }[analytics.dataLayer];
  const document = {};
  if (dataLayer !== undefined) document.dataLayer = dataLayer;
  return put(document, 'metrika', numberOrAbsent(analytics.metrika));
}

/** `texts.<language>.<key>`: the rows with a text; a later row for the same key wins, as in the widget. */
function textsDocument(rows) {
  const document = {};
  for (const { lang, key, text } of rows) {
    if (text.trim()) document[lang] = { ...document[lang], [key]: text };
  }
  return document;
}

/** The configuration document the form describes, keys in the order docs/config.md lists them. */
function configDocument(model, fieldsOf) {
  const { look } = model;
  const document = {};
  put(document, 'company', model.company);
  put(document, 'locale', model.locale);
  put(document, 'defaultCountry', model.defaultCountry);
  put(document, 'launcherLabel', model.launcherLabel);
  put(document, 'launcherStyle', look.launcherStyle);
  put(document, 'theme', put(put({}, 'accent', look.accent), 'scheme', look.scheme));
  const placement = {};
  put(placement, 'side', look.side);
  put(placement, 'offsetX', unlessDefault(numberOrAbsent(look.offsetX), DEFAULTS.offset));
  put(placement, 'offsetY', unlessDefault(numberOrAbsent(look.offsetY), DEFAULTS.offset));
  put(placement, 'offsetYMobile', numberOrAbsent(look.offsetYMobile));
  put(placement, 'zIndex', unlessDefault(numberOrAbsent(look.zIndex), DEFAULTS.zIndex));
  put(placement, 'hideOnPaths', lines(look.hideOnPaths));
  put(placement, 'collapse', look.collapse);
  put(document, 'placement', placement);
  put(document, 'analytics', analyticsDocument(model.analytics));
  document.departments = model.departments.map((department) => departmentDocument(department, fieldsOf));
  if (model.hours.enabled) document.hours = hoursDocument(model.hours);
  if (model.callback.enabled) document.callback = callbackDocument(model.callback);
  put(document, 'load', look.load);
  put(document, 'texts', textsDocument(model.texts));
  return document;
}

/** Escapes text for a single-quoted HTML attribute value (and for text content). */
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tag an owner pastes: the loader from this server, the configuration inline. */
const scriptTag = (document) => `<script src="${WIDGET_SRC}" data-config='${escapeAttribute(JSON.stringify(document))}' defer></script>`;

/** The page the preview shows: an empty page holding only the tag, as an owner's blank page would. */
const previewPage = (tag) => `<!doctype html><html><body>${tag}</body></html>`;

// ---------------------------------------------------------------------------------------------------
// DOM helpers: elements from data, never from markup

function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
}

let nextId = 0;
const freshId = (stem) => `${stem}-${(nextId += 1)}`;

// ---------------------------------------------------------------------------------------------------
// The page

const state = {
  lang: 'ru',
  model: null,
  vocabulary: null,
  /** `text_keys()`: the shipped languages, every text key, and each language's shipped texts. */
  textKeys: null,
  /** Field path -> { control, error, describedBy }: where each path's problems are shown. */
  targets: new Map(),
  issues: [],
  lastPreview: '',
  timer: 0,
};

/** TEXT with every [ru, en] pair resolved to `lang`. */
function textsIn(lang, tree = TEXT) {
  const index = LANGS.indexOf(lang);
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, Array.isArray(value) ? value[index] : textsIn(lang, value)]));
}

const texts = Object.fromEntries(LANGS.map((lang) => [lang, textsIn(lang)]));
const t = () => texts[state.lang];
const $ = (id) => document.getElementById(id);
const valuesOf = (schemaName) => state.vocabulary.values[schemaName] || [];

function fieldsOf(type) {
  const entry = state.vocabulary.contactTypes.find((candidate) => candidate.type === type);
  return entry ? entry.fields : [];
}

const channelName = (type) => BRANDS[type] || t().channels[type] || type;

/** Registers `control` as where problems at `path` are shown; returns the error element's id. */
function target(path, control, error) {
  state.targets.set(path, { control, error, describedBy: control.getAttribute('aria-describedby') || '' });
}

/** A labelled control bound to `get`/`set` on the model, with its error line. `aliases` are further
 * paths whose problems it shows (a one-day period's `from` is written as `date`). */
function field({ path, label, kind = 'text', get, set, options, hint, attributes = {}, structural = false, aliases = [] }) {
  const id = freshId('f');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  let control;
  if (kind === 'select') {
    control = el('select', { id, name: path, ...attributes },
      ...options.map(([value, text]) => el('option', { value, text, selected: value === get() })));
  } else if (kind === 'textarea') {
    control = el('textarea', { id, name: path, rows: 3, ...attributes });
    control.value = get();
  } else if (kind === 'checkbox') {
    control = el('input', { id, name: path, type: 'checkbox', ...attributes });
    control.checked = get();
  } else {
    control = el('input', { id, name: path, type: kind, ...attributes });
    control.value = get();
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  control.dataset.path = path;
  const read = () => (kind === 'checkbox' ? control.checked : control.value);
  control.addEventListener(kind === 'select' || kind === 'checkbox' ? 'change' : 'input', () => {
    set(read());
    if (structural) render({ focusPath: path });
    schedule();
  });
  const error = errorLine(errorId);
  target(path, control, error);
  for (const alias of aliases) state.targets.set(alias, state.targets.get(path));
  const labelNode = el('label', { for: id, text: label });
  const wrapper = el('div', { class: `field field-${kind}` });
  if (kind === 'checkbox') wrapper.append(control, labelNode);
  else wrapper.append(labelNode, control);
  if (hint) wrapper.append(el('p', { id: hintId, class: 'field-hint', text: hint }));
  wrapper.append(error);
  return wrapper;
}

/** A click handler that changes the model, redraws with focus on `focusPath()` (read after the change)
 * and revalidates. */
const act = (change, focusPath) => () => {
  change();
  render({ focusPath: focusPath() });
  schedule();
};

/** The paragraph where the problems at a path are shown (hidden while there are none). */
const errorLine = (id) => el('p', { id, class: 'field-error', hidden: true, 'data-testid': 'field-error' });

/** A fieldset for a group whose own path may carry problems (a department, a contact). */
function group(path, legend, className, ...children) {
  const error = errorLine(freshId('g'));
  const set = el('fieldset', { class: className, 'data-path': path }, el('legend', { text: legend }), error, ...children);
  target(path, set, error);
  return set;
}

function section(id, heading, ...children) {
  const headingId = `${id}-heading`;
  return el('section', { class: 'form-section', 'aria-labelledby': headingId },
    el('h2', { id: headingId, text: heading }), ...children);
}

const choices = (values, names, emptyText) => [
  ['', emptyText],
  ...values.map((value) => [value, names && names[value] ? `${names[value]} (${value})` : value]),
];

function companySection(model) {
  const text = t();
  return section('company', text.company,
    field({ path: 'company', label: text.companyName, get: () => model.company, set: (v) => { model.company = v; }, attributes: { autocomplete: 'organization' } }),
    field({ path: 'locale', label: text.locale, kind: 'select', options: choices(valuesOf('Locale'), text.values.locale, text.localeAuto), get: () => model.locale, set: (v) => { model.locale = v; } }),
    field({ path: 'defaultCountry', label: text.defaultCountry, kind: 'select', options: choices(state.vocabulary.countries, null, `${text.byDefault} (RU)`), get: () => model.defaultCountry, set: (v) => { model.defaultCountry = v; } }));
}

function contactGroup(model, d, c) {
  const text = t();
  const contact = model.departments[d].contacts[c];
  const path = `departments[${d}].contacts[${c}]`;
  const types = state.vocabulary.contactTypes.map(({ type }) => [type, channelName(type)]);
  const [required, ...optional] = fieldsOf(contact.type);
  const own = [required, ...optional].map((key) => field({
    path: `${path}.${key}`,
    label: key === required ? `${text.fields[key] || key} (${text.required})` : (text.fields[key] || key),
    kind: key === 'body' || key === 'text' ? 'textarea' : 'text',
    attributes: key === required ? { 'aria-required': 'true', 'data-testid': `contact-${key}` } : { 'data-testid': `contact-${key}` },
    get: () => contact.fields[key] ?? '',
    set: (v) => { contact.fields[key] = v; },
  }));
  return group(path, `${text.contact} ${c + 1}`, 'contact',
    field({ path: `${path}.type`, label: text.contactType, kind: 'select', options: types, structural: true, attributes: { 'data-testid': 'contact-type' }, get: () => contact.type, set: (v) => { contact.type = v; } }),
    ...own,
    field({ path: `${path}.label`, label: text.fields.label, get: () => contact.label, set: (v) => { contact.label = v; } }),
    field({ path: `${path}.note`, label: text.fields.note, get: () => contact.note, set: (v) => { contact.note = v; } }),
    el('button', { type: 'button', class: 'remove', 'data-testid': 'remove-contact', text: `${text.removeContact} ${c + 1}`, onclick: act(() => model.departments[d].contacts.splice(c, 1), () => `departments[${d}].add`) }));
}

function departmentGroup(model, d) {
  const text = t();
  const department = model.departments[d];
  const path = `departments[${d}]`;
  return group(path, `${text.department} ${d + 1}`, 'department',
    field({ path: `${path}.name`, label: `${text.departmentName} (${text.required})`, attributes: { 'aria-required': 'true', 'data-testid': 'department-name' }, get: () => department.name, set: (v) => { department.name = v; } }),
    field({ path: `${path}.id`, label: text.departmentId, get: () => department.id, set: (v) => { department.id = v; }, attributes: { placeholder: `dept-${d + 1}`, spellcheck: 'false', autocomplete: 'off', 'data-testid': 'department-id' } }),
    ...department.contacts.map((_, c) => contactGroup(model, d, c)),
    departmentHoursGroup(department, path),
    el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-path': `${path}.add`, 'data-testid': 'add-contact', text: text.addContact, onclick: act(() => department.contacts.push(blankContact()), () => `${path}.contacts[${department.contacts.length - 1}].type`) }),
      el('button', { type: 'button', class: 'remove', 'data-testid': 'remove-department', text: `${text.removeDepartment} ${d + 1}`, onclick: act(() => model.departments.splice(d, 1), () => 'departments.add') })));
}

function departmentsSection(model) {
  const text = t();
  const list = el('div', { class: 'departments', 'data-path': 'departments' });
  const error = errorLine(freshId('g'));
  target('departments', list, error);
  list.append(error, ...model.departments.map((_, d) => departmentGroup(model, d)));
  return section('departments', text.departments, list,
    el('button', { type: 'button', 'data-path': 'departments.add', 'data-testid': 'add-department', text: text.addDepartment, onclick: act(() => model.departments.push(blankDepartment()), () => `departments[${model.departments.length - 1}].name`) }));
}

/** Seven day inputs, `hours.weekly.mon` … for the company or `departments[0].hours.weekly.mon` …. */
function weekFieldset(path, legend, weekly) {
  const hintId = freshId('week-hint');
  return el('fieldset', { class: 'week', 'aria-describedby': hintId },
    el('legend', { text: legend }),
    el('p', { id: hintId, class: 'field-hint', text: t().weeklyHint }),
    ...DAY_KEYS.map((day, index) => field({ path: `${path}.${day}`, label: WEEKDAYS[state.lang][index], get: () => weekly[day] || '', set: (v) => { weekly[day] = v; }, attributes: { spellcheck: 'false' } })));
}

/** Rows the owner adds and removes (holidays, text overrides): each a group at `path[i]` with a remove
 * button, then an add button; focus follows the action. */
function rowList({ path, items, legend, removeText, addText, blank, firstField, row }) {
  const rows = items.map((item, i) => group(`${path}[${i}]`, `${legend} ${i + 1}`, 'row', ...row(item, `${path}[${i}]`),
    el('button', { type: 'button', class: 'remove', 'data-testid': 'remove-row', text: `${removeText} ${i + 1}`, onclick: act(() => items.splice(i, 1), () => `${path}.add`) })));
  const add = el('button', { type: 'button', 'data-path': `${path}.add`, 'data-testid': 'add-row', text: addText, onclick: act(() => items.push(blank()), () => `${path}[${items.length - 1}].${firstField}`) });
  return [...rows, add];
}

function overrideRow(override, path) {
  const text = t();
  return [
    field({ path: `${path}.from`, aliases: [`${path}.date`], label: text.closureFrom, kind: 'date', get: () => override.from, set: (v) => { override.from = v; } }),
    field({ path: `${path}.to`, label: text.closureTo, kind: 'date', get: () => override.to, set: (v) => { override.to = v; } }),
    field({ path: `${path}.closed`, label: text.closureClosed, kind: 'checkbox', structural: true, get: () => override.closed, set: (v) => { override.closed = v; } }),
    override.closed ? undefined
      : field({ path: `${path}.hours`, label: text.closureHours, get: () => override.hours, set: (v) => { override.hours = v; }, attributes: { spellcheck: 'false' } }),
    field({ path: `${path}.label`, label: text.closureLabel, get: () => override.label, set: (v) => { override.label = v; } }),
  ];
}

/** A number input for the model's `object[key]`; `placeholder` shows the default the widget uses. */
function numberField(path, label, object, key, { min, max, placeholder }) {
  return field({ path, label, kind: 'number', get: () => object[key], set: (v) => { object[key] = v; }, attributes: { min, max, step: 1, inputmode: 'numeric', placeholder } });
}

function hoursSection(model) {
  const text = t();
  const { hours } = model;
  const children = [field({ path: 'hours', label: text.hoursOn, kind: 'checkbox', structural: true, get: () => hours.enabled, set: (v) => { hours.enabled = v; } })];
  if (hours.enabled) {
    const closures = group('hours.overrides', text.closures, 'closures', ...rowList({
      path: 'hours.overrides', items: hours.overrides, legend: text.closure, removeText: text.removeClosure, addText: text.addClosure,
      blank: blankOverride, firstField: 'from', row: overrideRow,
    }));
    const { targets } = hours;
    children.push(
      field({ path: 'hours.zone', label: text.zone, get: () => hours.zone, set: (v) => { hours.zone = v; }, attributes: { list: 'zones', autocomplete: 'off', spellcheck: 'false' } }),
      weekFieldset('hours.weekly', text.hours, hours.weekly),
      closures,
      group('hours.targets', text.promises, 'targets',
        numberField('hours.targets.callbackMinutes', text.callbackMinutes, targets, 'callbackMinutes', { min: 1, max: 1440, placeholder: DEFAULTS.callbackMinutes }),
        numberField('hours.targets.emailBusinessDays', text.emailBusinessDays, targets, 'emailBusinessDays', { min: 1, max: 30, placeholder: DEFAULTS.emailBusinessDays }),
        field({ path: 'hours.quietHours', label: text.quietHours, get: () => hours.quietHours, set: (v) => { hours.quietHours = v; }, attributes: { placeholder: DEFAULTS.quietHours, spellcheck: 'false', autocomplete: 'off' } })));
  }
  return section('hours', text.hours, ...children);
}

/** "The company's hours" or its own week (and zone, and whether the company's holidays apply). */
function departmentHoursGroup(department, path) {
  const text = t();
  const { hours } = department;
  const modes = Object.entries(text.values.departmentHours);
  const children = [field({ path: `${path}.hours`, label: text.departmentHours, kind: 'select', options: modes, structural: true, attributes: { 'data-testid': 'department-hours' }, get: () => (hours.own ? 'own' : 'same'), set: (v) => { hours.own = v === 'own'; } })];
  if (hours.own) {
    children.push(
      field({ path: `${path}.hours.zone`, label: text.departmentZone, get: () => hours.zone, set: (v) => { hours.zone = v; }, attributes: { list: 'zones', autocomplete: 'off', spellcheck: 'false' } }),
      weekFieldset(`${path}.hours.weekly`, text.hours, hours.weekly),
      field({ path: `${path}.hours.overrides`, label: text.departmentOpenOnHolidays, kind: 'checkbox', get: () => hours.openOnHolidays, set: (v) => { hours.openOnHolidays = v; } }));
  }
  return el('div', { class: 'department-hours' }, ...children);
}

function callbackSection(model) {
  const text = t();
  const { callback } = model;
  const children = [field({ path: 'callback', label: text.callbackOn, kind: 'checkbox', structural: true, get: () => callback.enabled, set: (v) => { callback.enabled = v; } })];
  if (callback.enabled) {
    children.push(
      field({ path: 'callback.endpoint', label: text.endpoint, get: () => callback.endpoint, set: (v) => { callback.endpoint = v; }, attributes: { spellcheck: 'false' } }),
      field({ path: 'callback.formTokenUrl', label: text.formTokenUrl, get: () => callback.formTokenUrl, set: (v) => { callback.formTokenUrl = v; }, attributes: { spellcheck: 'false' } }),
      field({ path: 'callback.topics', label: text.topics, kind: 'textarea', get: () => callback.topics, set: (v) => { callback.topics = v; } }),
      field({ path: 'callback.askName', label: text.askName, kind: 'checkbox', get: () => callback.askName, set: (v) => { callback.askName = v; } }),
      field({ path: 'callback.consent.policyUrl', label: text.policyUrl, get: () => callback.policyUrl, set: (v) => { callback.policyUrl = v; }, attributes: { spellcheck: 'false' } }),
      field({ path: 'callback.consent.version', label: text.consentVersion, get: () => callback.version, set: (v) => { callback.version = v; } }));
  }
  return section('callback', text.callback, ...children);
}

function lookSection(model) {
  const text = t();
  const { look } = model;
  const { values } = text;
  const select = (path, key, schemaName, label) => field({ path, label, kind: 'select', options: choices(valuesOf(schemaName), values[key], text.byDefault), get: () => look[key], set: (v) => { look[key] = v; } });
  const number = (path, key, label, placeholder = DEFAULTS.offset) => numberField(path, label, look, key, { min: 0, max: 65535, placeholder });
  return section('look', text.look,
    field({ path: 'theme.accent', label: text.accent, kind: 'color', get: () => look.accent, set: (v) => { look.accent = v; }, attributes: { 'data-testid': 'accent' } }),
    select('theme.scheme', 'scheme', 'Scheme', text.scheme),
    select('launcherStyle', 'launcherStyle', 'LauncherStyle', text.launcherStyle),
    field({ path: 'launcherLabel', label: text.launcherLabel, get: () => model.launcherLabel, set: (v) => { model.launcherLabel = v; } }),
    select('placement.side', 'side', 'Side', text.side),
    number('placement.offsetX', 'offsetX', text.offsetX),
    number('placement.offsetY', 'offsetY', text.offsetY),
    number('placement.offsetYMobile', 'offsetYMobile', text.offsetYMobile, look.offsetY || DEFAULTS.offset),
    numberField('placement.zIndex', text.zIndex, look, 'zIndex', { min: -2147483648, max: 2147483647, placeholder: DEFAULTS.zIndex }),
    field({ path: 'placement.hideOnPaths', label: text.hideOnPaths, kind: 'textarea', get: () => look.hideOnPaths, set: (v) => { look.hideOnPaths = v; }, attributes: { spellcheck: 'false' } }),
    select('placement.collapse', 'collapse', 'Collapse', text.collapse),
    select('load', 'load', 'Load', text.load));
}

function analyticsSection(model) {
  const text = t();
  const { analytics } = model;
  const modes = [['', text.dataLayerOff], ...Object.entries(text.values.dataLayer)];
  return section('analytics', text.analytics,
    // The select has a path of its own: problems with `analytics.dataLayer` can only concern a name.
    field({ path: 'analytics.dataLayerChoice', label: text.dataLayer, kind: 'select', options: modes, structural: true, attributes: { 'data-testid': 'data-layer' }, get: () => analytics.dataLayer, set: (v) => { analytics.dataLayer = v; } }),
    analytics.dataLayer === 'custom'
      ? field({ path: 'analytics.dataLayer', label: text.dataLayerName, get: () => analytics.dataLayerName, set: (v) => { analytics.dataLayerName = v; }, attributes: { placeholder: 'shopEvents', spellcheck: 'false', autocomplete: 'off', 'data-testid': 'data-layer-name' } })
      : undefined,
    field({ path: 'analytics.metrika', label: text.metrika, kind: 'number', get: () => analytics.metrika, set: (v) => { analytics.metrika = v; }, attributes: { min: 1, step: 1, inputmode: 'numeric', 'data-testid': 'metrika' } }));
}

/** A shipped text shortened for a list of choices. */
const excerpt = (text, length = 40) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The language and key selects sit at the row's own path (`texts[0].language`), which no problem
 * names, so that focus can find them after a redraw; the text is at its document path. */
function textRow(row, rowPath) {
  const text = t();
  const { languages, keys, texts: shipped } = state.textKeys;
  const path = `texts.${row.lang}.${row.key}`;
  return [
    field({ path: `${rowPath}.language`, label: text.textLanguage, kind: 'select', structural: true, options: choices(languages, text.values.locale, '').slice(1), attributes: { 'data-testid': 'text-language' }, get: () => row.lang, set: (v) => { row.lang = v; } }),
    field({ path: `${rowPath}.key`, label: text.textKey, kind: 'select', structural: true, options: keys.map((key) => [key, `${key} — ${excerpt(shipped[row.lang][key])}`]), attributes: { 'data-testid': 'text-key' }, get: () => row.key, set: (v) => { row.key = v; } }),
    field({ path, label: text.textValue, kind: 'textarea', get: () => row.text, set: (v) => { row.text = v; }, attributes: { rows: 2, lang: row.lang, placeholder: shipped[row.lang][row.key], 'data-testid': 'text-value' } }),
  ];
}

function textsSection(model) {
  const text = t();
  const { languages } = state.textKeys;
  const blank = () => ({ lang: languages.includes(model.locale) ? model.locale : state.lang, key: 'launcher', text: '' });
  return section('texts', text.texts,
    el('p', { class: 'field-hint', text: text.textsHint }),
    ...rowList({ path: 'texts', items: model.texts, legend: text.text, removeText: text.removeText, addText: text.addText, blank, firstField: 'language', row: textRow }));
}

/** Redraws the form from the model (on structural changes and language switches); `focusPath` names the
 * control to focus afterwards, so keyboard users stay where they acted. */
function render({ focusPath } = {}) {
  const { model } = state;
  state.targets = new Map();
  const form = $('builder-form');
  form.replaceChildren(companySection(model), departmentsSection(model), hoursSection(model), callbackSection(model), lookSection(model), analyticsSection(model), textsSection(model));
  showIssues(state.issues);
  if (focusPath) {
    const next = [...form.querySelectorAll('[data-path]')].find((node) => node.dataset.path === focusPath);
    (next || form.querySelector('h2')).focus?.();
  }
}

// ---------------------------------------------------------------------------------------------------
// Problems next to their fields

/** The registered target for `path`, else for its nearest enclosing path (`departments[0].contacts[1]`
 * for `departments[0].contacts[1].url` when the contact has no such input). */
function targetFor(path) {
  for (let candidate = path; candidate;) {
    const found = state.targets.get(candidate);
    if (found) return found;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

const isControl = (node) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(node.tagName);

function showIssues(issues) {
  const text = t();
  const byTarget = new Map();
  const unplaced = [];
  for (const issue of issues) {
    const found = targetFor(issue.path);
    if (found) byTarget.set(found, [...(byTarget.get(found) || []), issue]);
    else unplaced.push(issue);
  }
  for (const entry of state.targets.values()) {
    const { control, error, describedBy } = entry;
    const own = byTarget.get(entry) || [];
    error.replaceChildren(...own.map((issue) => el('span', { lang: MESSAGES_LANG, text: issue.message })));
    error.hidden = !own.length;
    const ids = [describedBy, own.length ? error.id : ''].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
    if (isControl(control)) {
      if (own.length) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }
  $('problem-count').textContent = text.problems(issues.length);
  $('problem-list').replaceChildren(...unplaced.map((issue) => el('li', {},
    el('code', { text: issue.path }), ': ', el('span', { lang: MESSAGES_LANG, text: issue.message }))));
  $('problems').classList.toggle('has-problems', issues.length > 0);
}

// ---------------------------------------------------------------------------------------------------
// Validation, outputs and preview

/** The preview's document is HTML; this policy is the one place HTML is written, and what it writes is
 * `previewPage(scriptTag(…))`, whose only variable part is escaped by `escapeAttribute`. */
const previewPolicy = window.trustedTypes
  ? window.trustedTypes.createPolicy('contact-builder', { createHTML: (html) => html })
  : { createHTML: (html) => html };

function update() {
  const documentObject = configDocument(state.model, fieldsOf);
  const json = JSON.stringify(documentObject, null, 2);
  state.issues = JSON.parse(validate(json));
  showIssues(state.issues);
  const tag = scriptTag(documentObject);
  $('snippet').value = tag;
  $('json').value = json;
  const page = previewPage(tag);
  if (page !== state.lastPreview) {
    state.lastPreview = page;
    $('preview-frame').srcdoc = previewPolicy.createHTML(page);
  }
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(update, DEBOUNCE_MS);
}

async function copy(kind) {
  const box = $(kind);
  const status = $('copy-status');
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(box.value);
    status.textContent = t().copied[kind];
  } catch {
    box.focus();
    box.select();
    status.textContent = t().copyFailed;
  }
}

// ---------------------------------------------------------------------------------------------------
// Language

/** Fills every `data-text` element from TEXT, and the page's language, title and switch. */
function applyLanguage() {
  const text = t();
  document.documentElement.lang = state.lang;
  document.title = text.title;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = text[node.dataset.text];
  $('preview-frame').title = text.previewFrame;
  $('lang-switch').setAttribute('aria-label', text.langSwitch);
  for (const link of document.querySelectorAll('[data-lang]')) {
    if (link.dataset.lang === state.lang) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

function switchLanguage(lang) {
  state.lang = lang;
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  applyLanguage();
  render();
}

function zoneList() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  $('zones').replaceChildren(...zones.map((zone) => el('option', { value: zone })));
}

async function main() {
  state.lang = new URL(location.href).searchParams.get('lang') === 'en' ? 'en' : 'ru';
  applyLanguage();
  for (const link of document.querySelectorAll('[data-lang]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      switchLanguage(link.dataset.lang);
    });
  }
  $('copy-snippet').addEventListener('click', () => copy('snippet'));
  $('copy-json').addEventListener('click', () => copy('json'));
  $('builder-form').addEventListener('submit', (event) => event.preventDefault());
  try {
    await init({ module_or_path: new URL('./pkg/config_builder_bg.wasm', import.meta.url) });
  } catch (error) {
    $('problem-count').textContent = t().noWasm;
    console.error('[config-builder]', error);
    return;
  }
  state.vocabulary = JSON.parse(vocabulary());
  state.textKeys = JSON.parse(textKeys());
  state.model = example(state.lang);
  zoneList();
  render();
  update();
  document.body.dataset.ready = 'true';
}

main();
