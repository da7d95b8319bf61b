import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { reachOf, ROLE_LABELS } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/policy";
import { listPeriods } from "@/lib/assessments/periods/queries";
import { getMyWork } from "@/lib/my-work/queries";
import { PERIOD_STATUS_LABELS } from "@/lib/assessments/workflow";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Trang làm việc" };

const ROLE_INTRO = {
  ADMIN: "Quản lý bộ chỉ số, kết quả công bố của mọi tỉnh và tài khoản người dùng.",
  HOME_AFFAIRS: "Nhập, nhập khẩu và thẩm định kết quả chỉ số CCHC của tỉnh và các cơ quan, đơn vị.",
  AGENCY_HEAD: "Tự chấm điểm, giải trình và theo dõi các tiêu chí chưa đạt điểm tối đa của cơ quan.",
  LEADER: "Theo dõi thứ hạng, xu hướng và mức độ hoàn thành chỉ tiêu của tỉnh.",
} as const;

export default async function HomePage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  // An agency head reads their own agency only (the permission table): their agency's page, not the province's dashboard.
  const ownAgencyOnly = reachOf(actor.role, "province.read") === "agency";
  const unit = actor.agencyName
    ? `${actor.agencyName} · ${actor.provinceName}`
    : actor.provinceName
      ? `Tỉnh/thành phố: ${actor.provinceName}`
      : "Toàn quốc";
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-500">Xin chào,</p>
        <h1 className="text-2xl font-bold text-brand-900">{actor.name}</h1>
        <dl className="mt-4 grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">Vai trò</dt>
            <dd data-testid="role" className="font-semibold">
              {ROLE_LABELS[actor.role]}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">Đơn vị</dt>
            <dd data-testid="unit" className="font-semibold">
              {unit}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-slate-700">{ROLE_INTRO[actor.role]}</p>
        <p className="mt-4">
          {ownAgencyOnly && actor.agencyId ? (
            <Link href={`/co-quan/${actor.agencyId}`} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Các tiêu chí cần khắc phục
            </Link>
          ) : !ownAgencyOnly ? (
            <Link href="/bang-dieu-khien" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              Bảng điều khiển của tỉnh
            </Link>
          ) : null}
        </p>
      </section>
      <MyWork actor={actor} />
      <WorkLinks actor={actor} />
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="font-semibold">Bắt đầu</h2>
        <ul className="mt-2 list-inside list-disc text-brand-700">
          <li>
            <Link href="/xep-hang?index=PAR_INDEX" className="hover:underline">
              Bảng xếp hạng PAR INDEX
            </Link>
          </li>
          <li>
            <Link href="/xep-hang?index=SIPAS" className="hover:underline">
              Bảng xếp hạng SIPAS
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

/** The scoring years that concern the actor, newest first, as a to-do list. */
async function WorkLinks({ actor }: { actor: Actor }) {
  const periods = (await listPeriods(actor)).slice(0, 5);
  if (periods.length === 0) return null;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="font-semibold">Đánh giá nội bộ</h2>
      <ul className="mt-2 space-y-1">
        {periods.map((p) => (
          <li key={p.id}>
            <Link href={`/danh-gia/${p.id}`} className="text-brand-700 hover:underline">
              Năm {p.year} · {p.provinceName}
            </Link>{" "}
            <span className="text-sm text-slate-600">
              — {PERIOD_STATUS_LABELS[p.status]}, hạn tự chấm {formatDateTime(p.deadline)}, {p.finalizedCount}/{p.agencyCount} đã chốt điểm
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Open tasks and periodic reports owed under the directives, with a link to the full list. */
async function MyWork({ actor }: { actor: Actor }) {
  const work = await getMyWork(actor);
  const overdue = work.tasks.filter((task) => task.overdue).length;
  const missing = work.reportsDue.filter((report) => report.state === "missing").length;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="my-work">
      <h2 className="font-semibold">Việc cần làm theo văn bản chỉ đạo</h2>
      <p className="mt-2 text-slate-700">
        {work.tasks.length} nhiệm vụ đang thực hiện
        {overdue > 0 ? <strong className="text-red-700"> ({overdue} quá hạn)</strong> : null}, {missing} báo cáo định kỳ chưa gửi.
      </p>
      <p className="mt-2 flex gap-4 text-sm">
        <Link href="/viec-cua-toi" className="text-brand-700 hover:underline">
          Xem việc của tôi
        </Link>
        <Link href="/van-ban" className="text-brand-700 hover:underline">
          Văn bản chỉ đạo
        </Link>
      </p>
    </section>
  );
}
