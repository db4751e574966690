/**
 * Colour overrides for Swagger UI on `/docs` (served as /docs/assets/tidewatch.css after its own
 * stylesheet): its method badges, version stamps, links and secondary buttons use light colours
 * that fail WCAG AA contrast (4.5:1). Same hues, darker; the method is still written as a word,
 * so nothing depends on the colour. The path's copy button (shown on
 * hover, a 14 px target squeezed beside the summary: WCAG 2.5.8) is hidden; the path is selectable text.
 */
const METHOD_BACKGROUNDS: Record<string, string> = {
  get: '#1d5fa3',
  post: '#1b7a4b',
  put: '#9a5300',
  delete: '#b3261e',
  patch: '#0f6e5d',
  head: '#7b3fa0',
  options: '#1f5a91',
};

export const DOCS_CSS = `
${Object.entries(METHOD_BACKGROUNDS)
  .map(([m, bg]) => `.swagger-ui .opblock.opblock-${m} .opblock-summary-method{background:${bg}}`)
  .join('\n')}
.swagger-ui .info .title small{background:#4f5561}
.swagger-ui .info .title small.version-stamp{background:#3f5c00}
.swagger-ui .info a,.swagger-ui .info .url,.swagger-ui .info__license__url .link{color:#1d5fa3}
.swagger-ui .btn.authorize{color:#1b7a4b;border-color:#1b7a4b}
.swagger-ui .btn.authorize svg{fill:#1b7a4b}
.swagger-ui .json-schema-2020-12-expand-deep-button{color:#505050}
.swagger-ui .parameter__in,.swagger-ui .parameter__deprecated{color:#505050}
.swagger-ui .opblock-summary .copy-to-clipboard{display:none}
`;
