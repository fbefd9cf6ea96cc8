// The API reference: the generated OpenAPI document and a Swagger UI page whose files come from
// the swagger-ui-dist npm package and are served by us (no CDN, and the strict CSP holds: the
// page has no inline script or style of its own).
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { expectPublic } from '../policy/route-expectations';
import { buildOpenApiDocument } from './openapi-document';

export const DOCS_ASSETS_PATH = '/docs/assets';

const docsPage = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>Shegong Flow API</title>
    <link rel="stylesheet" href="/api${DOCS_ASSETS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// Try-it-out requests from the page carry the CSRF header, as the web app's requests do. Tags start
// collapsed: with every one of the 137 operations open, Swagger UI stopped rendering after the
// second tag (measured in chromium), and a reader opens the area they came for.
const docsInit = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'none',
  requestInterceptor: function (request) {
    request.headers['X-Requested-With'] = 'shegong-flow';
    return request;
  },
});
`;

export function docsRoutes(allRoutes: () => readonly AnyRoute[], version: string) {
  let document: unknown;
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tag: 'system',
      summary: 'This OpenAPI 3.1 document',
      access: { kind: 'public' },
      expect: expectPublic,
      responses: {
        200: {
          description: 'The document',
          schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
        },
      },
      handle: () => {
        document ??= buildOpenApiDocument(allRoutes(), version);
        return { status: 200, body: document };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      tag: 'system',
      summary: 'Browsable API reference (Swagger UI)',
      access: { kind: 'public' },
      expect: expectPublic,
      responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
      handle: () => ({ status: 200, file: { content: docsPage, contentType: 'text/html; charset=utf-8' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/docs/init.js',
      tag: 'system',
      summary: 'Start-up script of the API reference page',
      access: { kind: 'public' },
      expect: expectPublic,
      responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
      handle: () => ({
        status: 200,
        file: { content: docsInit, contentType: 'text/javascript; charset=utf-8' },
      }),
    }),
  ];
}
