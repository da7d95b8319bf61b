// Related directives (e.g. 1020/UBND-TH implements 733/UBND-TH) and the directive's attached files.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { addDirectiveFileAction, linkAction, removeDirectiveFileAction, unlinkAction } from "@/lib/directives/actions";
import { LINK_RELATION_NAMES, LINK_RELATIONS } from "@/lib/directives/labels";
import type { DirectiveDetail } from "@/lib/directives/types";
import { useFormat } from "@/lib/i18n/client";
import { ACCEPTED_EVIDENCE } from "@/lib/storage/files";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/forms/form-kit";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const linkButton = "text-xs text-red-700 hover:underline";

export function LinksSection({ directive }: { directive: DirectiveDetail }) {
  const t = useTranslations("directives.links");
  return (
    <Card as="section" aria-labelledby="links-heading">
      <h2 id="links-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {directive.links.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="links">
          {directive.links.map((l) => (
            <li key={`${l.direction}-${l.otherId}`} className="flex flex-wrap items-center gap-2">
              <span className="text-slate-600">{l.relationText}</span>
              <Link href={`/van-ban/${l.otherId}`} className="font-medium link">
                {l.kindLabel} {l.number}
              </Link>
              <span className="text-slate-600">— {l.title}</span>
              {directive.canWrite ? (
                <ActionForm action={unlinkAction} submitLabel={t("unlink")} className="no-print inline-flex items-center gap-1" buttonClassName={linkButton}>
                  <input type="hidden" name="fromId" value={l.direction === "from" ? directive.id : l.otherId} />
                  <input type="hidden" name="toId" value={l.direction === "from" ? l.otherId : directive.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {directive.canWrite && directive.choices.linkable.length > 0 ? (
        <ActionForm
          action={linkAction}
          submitLabel={t("add")}
          testId="link-add"
          className="no-print mt-3 grid items-end gap-3 sm:grid-cols-3"
          buttonClassName={buttonClass("primary", "sm", "justify-self-start")}
        >
          <input type="hidden" name="fromId" value={directive.id} />
          <label className="text-sm">
            {t("thisDirective")}
            <select name="relation" defaultValue={LINK_RELATION_NAMES[0]} className={input}>
              {LINK_RELATIONS.map((r) => (
                <option key={r.code} value={r.name}>
                  {t(`relations.${r.code}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm sm:col-span-2">
            {t("other")}
            <select name="toId" className={input}>
              {directive.choices.linkable.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.number} ({d.issuer}) — {d.title.length > 80 ? `${d.title.slice(0, 80)}…` : d.title}
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      ) : null}
    </Card>
  );
}

export function FilesSection({ directive }: { directive: DirectiveDetail }) {
  const t = useTranslations("directives.files");
  const format = useFormat();
  return (
    <Card as="section" aria-labelledby="files-heading">
      <h2 id="files-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {directive.files.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="directive-files">
          {directive.files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <a href={`/api/v1/directive-files/${f.id}`} className="font-medium link">
                {f.fileName}
              </a>
              <span className="text-xs text-slate-500">
                {t("size", { size: format.integer(Math.max(1, Math.round(f.sizeBytes / 1024))) })} · {format.dateTime(f.uploadedAt)}
              </span>
              {directive.canWrite ? (
                <ActionForm
                  action={removeDirectiveFileAction}
                  submitLabel={t("remove")}
                  className="no-print inline-flex items-center gap-1"
                  buttonClassName={linkButton}
                >
                  <input type="hidden" name="fileId" value={f.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {directive.canWrite ? (
        <ActionForm
          action={addDirectiveFileAction}
          submitLabel={t("attach")}
          testId="directive-file"
          encType="multipart/form-data"
          className="no-print mt-3 flex flex-wrap items-center gap-3 text-sm"
        >
          <input type="hidden" name="directiveId" value={directive.id} />
          <FileInput name="file" required aria-label={t("fileLabel", { types: ACCEPTED_EVIDENCE })} />
        </ActionForm>
      ) : null}
    </Card>
  );
}
