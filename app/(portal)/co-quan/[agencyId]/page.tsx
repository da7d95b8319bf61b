import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import { getAgencyView } from "@/lib/dashboards/agency/queries";
import { agencyViewParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { AgencyViewBody, AgencyViewHeader } from "@/components/dashboards/agency-view";
import { Notice } from "@/components/dashboards/notice";

export const metadata: Metadata = { title: "Kết quả của cơ quan, đơn vị" };

export default async function AgencyPage({ params, searchParams }: { params: Promise<{ agencyId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const agencyId = idParam((await params).agencyId);
  if (agencyId < 1) notFound();
  const parsed = agencyViewParamsSchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <Notice title="Tham số không hợp lệ" tone="error" testId="bad-param">
        {parsed.error.issues[0].message}{" "}
        <Link href={`/co-quan/${agencyId}`} className="font-semibold underline">
          Mở lại trang của cơ quan
        </Link>
      </Notice>
    );
  }
  let view;
  try {
    view = await getAgencyView(actor, agencyId, {
      year: parsed.data.nam,
      sort: parsed.data["sap-xep"] === "ma" ? "code" : "lost",
      target: parsed.data["muc-tieu"],
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) {
      return (
        <Notice title="Không có quyền xem cơ quan này" tone="error" testId="forbidden">
          {reachOf(actor.role, "province.read") === "agency" ? (
            <>
              Thủ trưởng cơ quan chỉ xem được kết quả của cơ quan mình.{" "}
              <Link href={`/co-quan/${actor.agencyId}`} className="font-semibold underline">
                Xem kết quả của {actor.agencyName ?? "cơ quan mình"}
              </Link>
            </>
          ) : (
            <>Cơ quan này thuộc tỉnh khác: bạn chỉ xem được các cơ quan, đơn vị của tỉnh mình.</>
          )}
        </Notice>
      );
    }
    throw error;
  }
  return (
    <div className="space-y-6">
      <AgencyViewHeader view={view} />
      <AgencyViewBody view={view} />
    </div>
  );
}
