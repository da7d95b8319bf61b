import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { ERROR_STATUSES, type JsonSchema, type OpenApiOperation, openApiDocument, SESSION_COOKIE } from "@/lib/openapi/document";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openapi.page"))("title") };
}

const DOCUMENT = "/api/v1/openapi.json";
const schemaText = (schema: JsonSchema) => JSON.stringify(schema);

function Operation({
  method,
  path,
  operation,
  t,
}: {
  method: string;
  path: string;
  operation: OpenApiOperation;
  t: Awaited<ReturnType<typeof getTranslations<"openapi.page">>>;
}) {
  const body = operation.requestBody ? Object.entries(operation.requestBody.content) : [];
  return (
    <details className="rounded-lg border border-slate-200 p-3" data-testid="api-operation" id={operation.operationId}>
      <summary className="cursor-pointer">
        <span className="font-mono text-sm font-semibold text-brand-900">{method.toUpperCase()}</span>{" "}
        <span className="break-all font-mono text-sm">{path}</span>{" "}
        <Badge tone={operation.security.length > 0 ? "info" : "ok"}>{operation.security.length > 0 ? t("signedIn") : t("public")}</Badge>
        <span className="mt-1 block text-sm text-slate-700">{operation.summary}</span>
      </summary>
      {operation.parameters ? (
        <div className="mt-3">
          <h4 className="mb-1 text-sm font-semibold text-slate-800">{t("parameters")}</h4>
          <DataTable stacked>
            <THead>
              <Th>{t("name")}</Th>
              <Th>{t("where")}</Th>
              <Th>{t("schema")}</Th>
            </THead>
            <TBody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <Td label={t("name")}>
                    <code>{parameter.name}</code> <span className="text-xs text-slate-600">({parameter.required ? t("required") : t("optional")})</span>
                  </Td>
                  <Td label={t("where")}>{parameter.in}</Td>
                  <Td label={t("schema")}>
                    <code className="break-all text-xs">{schemaText(parameter.schema)}</code>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </div>
      ) : null}
      {body.map(([media, { schema }]) => (
        <div key={media} className="mt-3">
          <h4 className="text-sm font-semibold text-slate-800">
            {t("body")} <code className="text-xs font-normal">{media}</code>
          </h4>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">{JSON.stringify(schema, null, 1)}</pre>
        </div>
      ))}
      <h4 className="mt-3 text-sm font-semibold text-slate-800">{t("answers")}</h4>
      <ul className="mt-1 space-y-0.5 text-sm">
        {Object.entries(operation.responses).map(([status, answer]) => (
          <li key={status}>
            <code>{status}</code>{" "}
            {"$ref" in answer ? (
              <a href={`#error-${status}`} className="text-brand-700 underline">
                {answer.$ref.split("/").pop()}
              </a>
            ) : (
              <>
                {answer.description} <span className="break-all font-mono text-xs text-slate-600">{Object.keys(answer.content ?? {}).join(", ")}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

export default async function ApiDescriptionPage() {
  const locale = await getLocale();
  const [t, document] = [await getTranslations("openapi.page"), openApiDocument(isLocale(locale) ? locale : "vi")];
  const other = locale === "en" ? "vi" : "en";
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const errorFields = Object.keys((document.components.schemas.ApiError.properties ?? {}) as JsonSchema);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} back={{ href: "/du-lieu", label: t("backToOpenData") }} titleTestId="api-title" />
      <Card as="section" aria-labelledby="api-document">
        <SectionHeading id="api-document">{document.info.title}</SectionHeading>
        <p className="mt-2 text-sm text-slate-700">{document.info.description}</p>
        <p className="mt-2 break-all text-sm">
          {t("document")}{" "}
          <a href={DOCUMENT} className="font-mono text-brand-700 underline" data-testid="api-document-link">
            {DOCUMENT}
          </a>{" "}
          (
          <a href={`${DOCUMENT}?lang=${other}`} className="text-brand-700 underline" hrefLang={other}>
            {t("otherLanguage")}
          </a>
          ) · {t("operationsCount", { count: operations.length })}
        </p>
        <h3 className="mt-4 font-semibold text-slate-800">{t("auth")}</h3>
        <p className="mt-1 text-sm text-slate-700">
          <code>{SESSION_COOKIE}</code> — {document.components.securitySchemes.session.description}{" "}
          <Link href="/dang-nhap" className="text-brand-700 underline">
            /dang-nhap
          </Link>
        </p>
        <h3 className="mt-4 font-semibold text-slate-800">{t("errors")}</h3>
        <p className="mt-1 text-sm text-slate-700">
          {t("errorShape")} <code>{errorFields.join(", ")}</code>
        </p>
        <DataTable stacked className="mt-2">
          <THead>
            <Th>{t("status")}</Th>
            <Th>{t("meaning")}</Th>
          </THead>
          <TBody>
            {Object.entries(ERROR_STATUSES).map(([status, name]) => (
              <tr key={status} id={`error-${status}`}>
                <Td label={t("status")}>
                  <code>{status}</code> {name}
                </Td>
                <Td label={t("meaning")}>{document.components.responses[name].description}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      </Card>
      {document.tags.map((tag) => (
        <Card as="section" key={tag.name} aria-labelledby={`tag-${tag.name}`}>
          <SectionHeading id={`tag-${tag.name}`}>{tag.description}</SectionHeading>
          <div className="mt-3 space-y-2">
            {operations
              .filter(({ operation }) => operation.tags.includes(tag.name))
              .map(({ path, method, operation }) => (
                <Operation key={operation.operationId} method={method} path={path} operation={operation} t={t} />
              ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
