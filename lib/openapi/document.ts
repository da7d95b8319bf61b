// The OpenAPI 3.1 description of the JSON API, generated from the table of operations and the zod
// schemas the routes validate with. zod 4's own z.toJSONSchema writes JSON Schema 2020-12, which is
// OpenAPI 3.1's schema dialect, so no generator library is needed. Pure: the route
// (app/api/v1/openapi.json) serves it, the page /du-lieu/api renders it.
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { z } from "@/lib/validation/zod";
import { type Answer, type MediaKind, type Operation, OPERATIONS, TAGS } from "./operations";

export type JsonSchema = Record<string, unknown>;
export type Parameter = { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema };
export type OpenApiOperation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref: string } | { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, { type: "apiKey"; in: "cookie"; name: string; description: string }>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { description: string; content: Record<string, { schema: JsonSchema }> }>;
  };
};

/** The cookie Auth.js sets at sign-in (`__Secure-` in front of it over HTTPS). */
export const SESSION_COOKIE = "authjs.session-token";
export const API_VERSION = "1";
const MEDIA_TYPES: Record<MediaKind, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};
/** The errors a call may answer, each described once as a component (lib/api/responses.ts). */
export const ERROR_STATUSES = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  413: "TooLarge",
  503: "Unavailable",
} as const;
type ErrorStatus = keyof typeof ERROR_STATUSES;

/** A zod schema as JSON Schema 2020-12, as the caller writes it (the input, before zod's transforms). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

/** "/api/v1/users/[id]" → "/api/v1/users/{id}". */
export const openApiPath = (route: string) => route.replace(/\[([^\]]+)\]/g, "{$1}");

function parametersOf(operation: Operation): Parameter[] {
  const path = Object.entries(operation.params ?? {}).map(([name, schema]): Parameter => ({ name, in: "path", required: true, schema: jsonSchemaOf(schema) }));
  const query = operation.query ? jsonSchemaOf(operation.query) : {};
  const properties = (query.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query.required ?? []) as string[]);
  return [...path, ...Object.entries(properties).map(([name, schema]): Parameter => ({ name, in: "query", required: required.has(name), schema }))];
}

function requestBodyOf(operation: Operation): OpenApiOperation["requestBody"] {
  const body = operation.body;
  if (!body) return undefined;
  if ("json" in body) return { required: true, content: { "application/json": { schema: jsonSchemaOf(body.json) } } };
  const fields = jsonSchemaOf(body.multipart);
  const schema = {
    type: "object",
    properties: { file: { type: "string", contentMediaType: "application/octet-stream" }, ...(fields.properties as JsonSchema) },
    required: ["file"],
  };
  return { required: true, content: { "multipart/form-data": { schema } } };
}

function successOf(answer: Answer, description: string) {
  if (answer.kind === "json") return { description, content: { "application/json": { schema: {} } } };
  if (answer.kind === "storedFile")
    return { description, content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } };
  return {
    description,
    content: Object.fromEntries(answer.media.map((kind) => [MEDIA_TYPES[kind], { schema: { type: "string", contentMediaType: MEDIA_TYPES[kind] } }])),
  };
}

/** The errors an operation may answer, from what it takes and who may call it. */
export function errorStatusesOf(operation: Operation): ErrorStatus[] {
  const statuses: ErrorStatus[] = [];
  if (operation.query || operation.body || operation.params) statuses.push(400);
  if (operation.access === "signedIn") statuses.push(401, 403);
  if (operation.params) statuses.push(404);
  if (operation.versioned) statuses.push(409);
  if (operation.body && "multipart" in operation.body) statuses.push(413);
  statuses.push(503);
  return statuses;
}

/** { error, issues?, current? } (lib/api/responses.ts): the message, the fields to fix (400), the row as saved now (409). */
const apiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});

const ref = (status: ErrorStatus) => ({ $ref: `#/components/responses/${ERROR_STATUSES[status]}` });

export function openApiDocument(locale: Locale): OpenApiDocument {
  const t = translator(locale, "openapi");
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) {
    const [method, route] = operation.id.split(" ");
    const parameters = parametersOf(operation);
    const requestBody = requestBodyOf(operation);
    paths[openApiPath(route)] ??= {};
    paths[openApiPath(route)][method.toLowerCase()] = {
      operationId: operation.operationId,
      summary: t(`operations.${operation.operationId}` as "operations.getRanking"),
      tags: [operation.tag],
      security: operation.access === "signedIn" ? [{ session: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(operation.answer.status)]: successOf(operation.answer, t(`answers.${operation.answer.kind}`)),
        ...Object.fromEntries(errorStatusesOf(operation).map((status) => [String(status), ref(status)])),
      },
    };
  }
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } };
  return {
    openapi: "3.1.0",
    info: {
      title: t("title"),
      version: API_VERSION,
      description: t("description"),
    },
    tags: TAGS.map((name) => ({ name, description: t(`tags.${name}`) })),
    paths,
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: t("session") } },
      schemas: { ApiError: jsonSchemaOf(apiErrorSchema) },
      responses: Object.fromEntries(
        Object.values(ERROR_STATUSES).map((name) => [
          name,
          { description: t(`errors.${name.charAt(0).toLowerCase()}${name.slice(1)}` as "errors.badRequest"), content: errorContent },
        ]),
      ),
    },
  };
}
