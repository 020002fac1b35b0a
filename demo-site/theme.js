// The configuration of demo-site/theme.html, given the third way the loader accepts it
// (window.ContactWidgetConfig, set before the widget's script). A page that already set one keeps it:
// tests/e2e/theme.spec.mjs and analytics.spec.mjs try other themes on this same page.
window.ContactWidgetConfig = window.ContactWidgetConfig || {
  company: 'Ателье «Мята»',
  locale: 'ru',
  launcherLabel: 'Написать нам',
  theme: { accent: '#2e7d32', scheme: 'auto' },
  placement: { offsetY: 24, offsetYMobile: 88, hideOnPaths: ['/checkout', '/cart/*'], collapse: 'scroll' },
  analytics: { dataLayer: true, metrika: 98765432 },
  departments: [
    {
      id: 'studio',
      name: 'Ателье',
      contacts: [
        { type: 'phone', number: '8 (495) 765-43-21' },
        { type: 'telegram', username: 'myata_atelier' },
        { type: 'email', address: 'hello@myata.example' },
      ],
    },
  ],
  callback: { endpoint: '/api/v1/callbacks', consent: { policyUrl: '/demo-site/privacy.html', version: '2026-11' } },
};
