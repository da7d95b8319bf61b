import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listFrameworks } from "@/lib/frameworks/queries";
import { FrameworkBadges } from "@/components/frameworks/badges";
import { Years } from "@/components/frameworks/years";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks.list"))("title") };
}

export default async function FrameworksPage() {
  const actor = await currentActor();
  const [groups, t, tc] = await Promise.all([listFrameworks(actor), getTranslations("frameworks.list"), getTranslations("common")]);
  const canCreate = actor !== null && can(actor, "framework.write", { provinceId: null });
  return (
    <div className="space-y-6">
      <PageHeader title={t("heading")} lead={t("lead")} actions={canCreate ? <ButtonLink href="/bo-chi-so/moi">{t("create")}</ButtonLink> : null} />
      {groups.map((group) => (
        <Card as="section" key={group.index.code} data-index={group.index.code}>
          <SectionHeading>
            {group.index.shortName} <span className="font-normal text-slate-600">— {group.index.nameVi}</span>
          </SectionHeading>
          {group.frameworks.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
          ) : (
            <div className="mt-3">
              <DataTable framed={false}>
                <THead>
                  <Th>{t("name")}</Th>
                  <Th>{t("version")}</Th>
                  <Th>{t("years")}</Th>
                  <Th>{t("decision")}</Th>
                  <Th numeric>{t("items")}</Th>
                </THead>
                <TBody>
                  {group.frameworks.map((f) => (
                    <tr key={f.id} data-framework-key={f.key} data-version={f.version}>
                      <Td>
                        <Link href={`/bo-chi-so/${f.id}`} className="font-medium link">
                          {f.name}
                        </Link>
                        {f.ownerProvinceName ? (
                          <div className="text-xs text-slate-500">
                            {f.ownerProvinceName}
                            {f.agencyKind ? ` · ${tc(`agencyKinds.${f.agencyKind}`)}` : ""}
                          </div>
                        ) : null}
                        <div className="mt-1">
                          <FrameworkBadges status={f.status} isIllustrative={f.isIllustrative} isDemo={f.isDemo} inUse={f.inUse} />
                        </div>
                      </Td>
                      <Td className="tabular-nums">v{f.version}</Td>
                      <Td className="whitespace-nowrap tabular-nums">
                        <Years range={f} />
                      </Td>
                      <Td className="text-slate-700">{f.decision ?? "—"}</Td>
                      <Td numeric>{f.criteriaCount || "—"}</Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
