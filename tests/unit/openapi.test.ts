// The OpenAPI document of app/api/v1: every route handler on disk is described (and nothing else),
// the document holds together as OpenAPI 3.1 (paths, components, every $ref), public and
// signed-in operations agree with the authorization table, and the route serves it.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { openApiDocument, openApiPath } from "@/lib/openapi/document";
import { OPERATIONS } from "@/lib/openapi/operations";
import { GET } from "@/app/api/v1/openapi.json/route";
import { ENDPOINTS } from "../support/endpoints";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** "GET /api/v1/users/[id]" for every method a route.ts under app/api/v1 exports, read from its source. */
function routesOnDisk(): string[] {
  const files = fs.readdirSync(API, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join(API, file), "utf8");
    const route = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`;
    return METHODS.filter((method) => new RegExp(`^export (const|async function|function) ${method}\\b`, "m").test(source)).map(
      (method) => `${method} ${route}`,
    );
  });
}

const documented = (locale: (typeof LOCALES)[number]) =>
  Object.entries(openApiDocument(locale).paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`));

/** Every value under `node` with the JSON pointer that reaches it. */
function* walk(node: unknown, pointer = "#"): Generator<[string, unknown]> {
  yield [pointer, node];
  if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) yield* walk(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
}

function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), document);
}

describe("the OpenAPI document of app/api/v1", () => {
  it("describes every route and method on disk, and nothing else", () => {
    const onDisk = routesOnDisk()
      .map((id) => openApiPath(id))
      .sort();
    expect(onDisk.length).toBeGreaterThan(30);
    for (const locale of LOCALES) expect(documented(locale).sort()).toEqual(onDisk);
  });

  it("says public or signed in as the authorization table does", () => {
    for (const operation of OPERATIONS) {
      const entry = ENDPOINTS.find((e) => e.id === operation.id);
      expect(entry, `${operation.id} in tests/support/endpoints.ts`).toBeDefined();
      const isPublic = entry?.cases.every((c) => c.permission === "public") ?? false;
      expect(operation.access, operation.id).toBe(isPublic ? "public" : "signedIn");
    }
  });

  it.each(LOCALES)("is structurally valid OpenAPI 3.1 (%s)", (locale) => {
    const document = openApiDocument(locale);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).not.toBe("");
    expect(document.info.version).not.toBe("");
    const tags = new Set(document.tags.map((tag) => tag.name));
    const operationIds = new Set<string>();
    for (const [route, methods] of Object.entries(document.paths)) {
      expect(route).toMatch(/^\/api\/v1\//);
      const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      for (const [method, operation] of Object.entries(methods)) {
        expect(["get", "put", "post", "delete", "options", "head", "patch", "trace"]).toContain(method);
        expect(operationIds.has(operation.operationId), operation.operationId).toBe(false);
        operationIds.add(operation.operationId);
        expect(operation.summary, `${method} ${route}`).not.toBe("");
        for (const tag of operation.tags) expect(tags).toContain(tag);
        const pathParameters = (operation.parameters ?? []).filter((p) => p.in === "path");
        expect(pathParameters.map((p) => p.name).sort(), `${method} ${route}`).toEqual(templated);
        for (const p of pathParameters) expect(p.required).toBe(true);
        const names = (operation.parameters ?? []).map((p) => `${p.in} ${p.name}`);
        expect(new Set(names).size).toBe(names.length);
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.some((status) => /^2\d\d$/.test(status)),
          `${method} ${route} answers a success`,
        ).toBe(true);
        for (const status of statuses) expect(status).toMatch(/^[1-5]\d\d$/);
        for (const requirement of operation.security)
          for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
      }
    }
    for (const group of Object.values(document.components)) for (const name of Object.keys(group)) expect(name).toMatch(/^[a-zA-Z0-9.\-_]+$/);
    const refs = [...walk(document)].filter(([pointer]) => pointer.endsWith("/$ref")).map(([pointer, ref]) => [pointer, ref] as [string, string]);
    expect(refs.length).toBeGreaterThan(0);
    for (const [pointer, ref] of refs) expect(resolve(document, ref), `${pointer} → ${ref}`).toBeDefined();
  });

  it("describes the session cookie and the error shape, and each signed-in call's 401", () => {
    const document = openApiDocument("en");
    expect(document.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(document.components.schemas.ApiError).toMatchObject({ type: "object", required: ["error"] });
    const users = document.paths["/api/v1/users/{id}"].patch;
    expect(users.security).toEqual([{ session: [] }]);
    expect(Object.keys(users.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409"]));
    expect(users.requestBody?.content["application/json"].schema).toMatchObject({ type: "object", required: expect.arrayContaining(["version"]) });
    const rankings = document.paths["/api/v1/rankings"].get;
    expect(rankings.security).toEqual([]);
    expect(rankings.parameters?.map((p) => [p.name, p.in, p.required])).toEqual([
      ["index", "query", true],
      ["year", "query", true],
    ]);
    expect(rankings.responses).not.toHaveProperty("401");
  });

  it("is served public and cacheable, in the language asked for", async () => {
    const answer = await GET(new NextRequest("http://portal.test/api/v1/openapi.json?lang=en"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=3600");
    const body = (await answer.json()) as ReturnType<typeof openApiDocument>;
    expect(body).toEqual(openApiDocument("en"));
    expect(body.info.title).not.toEqual(openApiDocument("vi").info.title);
    const refused = await GET(new NextRequest("http://portal.test/api/v1/openapi.json?lang=fr"));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: { field: string }[] }).issues[0].field).toBe("lang");
  });
});
