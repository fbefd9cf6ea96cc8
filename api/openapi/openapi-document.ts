// The OpenAPI 3.1 document, generated from the route table's zod schemas (zod-openapi), so the
// reference can never drift from what the server parses and answers.
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { SESSION_COOKIE } from '../auth/session-store';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../http/csrf-guard';
import { ZProblem } from '../http/problem.types';
import type { AnyRoute } from '../http/route';

export const openApiPath = (expressPath: string): string => `/api${expressPath.replace(/:(\w+)/g, '{$1}')}`;

const ZIfMatch = z.string().min(1).max(100).meta({ description: 'The ETag you read ("<revision>"), or *' });
const ZIdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/)
  .meta({ description: 'Repeat-safe key: the same key and body replay the first response (kept 24 h)' });

function operationId(route: AnyRoute): string {
  const words = route.path.split(/[/.:-]/).filter(Boolean);
  return [route.method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** JSON, or for an upload the multipart form: its file part beside the text parts `body` declares. */
function requestBody(route: AnyRoute): Pick<ZodOpenApiOperationObject, 'requestBody'> {
  if (route.upload) {
    const file = z.string().meta({ format: 'binary', description: route.upload.description });
    const textParts = route.body instanceof z.ZodObject ? route.body.shape : {};
    const schema = z.object({ ...textParts, [route.upload.field]: file });
    return { requestBody: { required: true, content: { 'multipart/form-data': { schema } } } };
  }
  if (!route.body) return {};
  return { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } };
}

function operation(route: AnyRoute): ZodOpenApiOperationObject {
  const headers = {
    ...(route.ifMatch ? { 'if-match': ZIfMatch } : {}),
    ...(route.idempotent ? { 'idempotency-key': ZIdempotencyKey.optional() } : {}),
  };
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, decl] of Object.entries(route.responses)) {
    const types = decl.contentType === undefined ? ['application/json'] : [decl.contentType].flat();
    const schema = decl.schema ?? z.string();
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: decl.description,
      ...(decl.schema || decl.contentType
        ? { content: Object.fromEntries(types.map((type) => [type, { schema }])) }
        : {}),
    };
  }
  responses.default = {
    description: 'An error (RFC 9457 problem details)',
    content: { 'application/problem+json': { schema: ZProblem } },
  };
  return {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.tag],
    security: route.access.kind === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    requestParams: {
      ...(route.params ? { path: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(Object.keys(headers).length ? { header: z.object(headers) } : {}),
    },
    ...requestBody(route),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly AnyRoute[], version: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Shegong Flow API',
      version,
      description:
        `Cookie sessions must send \`${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\` on state-changing requests; ` +
        'bearer tokens need not. Lists are cursor-paginated (limit ≤ 200). Errors are RFC 9457 problem+json.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token created by an administrator' },
      },
    },
    paths,
  });
}
