import type { Metadata } from "next";
import Link from "next/link";
import { formatCalendarDate } from "@/lib/format";
import { indexCodeSchema } from "@/lib/results/schema";
import { NotFoundError } from "@/lib/errors";
import { getProvinceProfile } from "@/lib/profiles/queries";
import { profileDateSchema, provinceCodeSchema, targetRankSchema } from "@/lib/profiles/schema";
import { trendPoints } from "@/lib/profiles/trend";
import { TrendChart } from "@/components/charts/trend-chart";
import { ProfileResultsTable } from "@/components/tables/profile-results-table";

type Params = { code: string };
type Search = { ngay?: string; index?: string; hang?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { code } = await params;
  return { title: `Hồ sơ tỉnh, thành phố mã ${code}` };
}

export default async function ProvinceProfilePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const [{ code }, search] = await Promise.all([params, searchParams]);
  const codeParsed = provinceCodeSchema.safeParse(code);
  if (!codeParsed.success) return <ErrorBox message={codeParsed.error.issues[0].message} />;
  const dateParsed = profileDateSchema.safeParse(search.ngay);
  if (!dateParsed.success) return <ErrorBox message={dateParsed.error.issues[0].message} />;
  // A bad index or rank only affects the "score needed" form: the profile is still shown.
  const indexParsed = indexCodeSchema.optional().safeParse(search.index || undefined);
  const targetParsed = targetRankSchema.safeParse(search.hang);
  const formError = !indexParsed.success ? indexParsed.error.issues[0].message : !targetParsed.success ? targetParsed.error.issues[0].message : null;

  let profile;
  try {
    profile = await getProvinceProfile(codeParsed.data, dateParsed.data, {
      indexCode: indexParsed.success ? (indexParsed.data ?? null) : null,
      target: targetParsed.success ? targetParsed.data : null,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const { unit, scoreForRank } = profile;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="no-print text-sm">
          <Link href="/xep-hang" className="text-brand-700 hover:underline">
            ← Bảng xếp hạng
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-brand-900" data-testid="profile-name">
          {unit.name}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Loại</dt>
          <dd>
            {unit.kindLabel} · mã {unit.code}
            {unit.codeDecision ? <span className="text-slate-500"> ({unit.codeDecision})</span> : null}
          </dd>
          <dt className="text-slate-500">Hiệu lực</dt>
          <dd data-testid="validity">
            {unit.validTo ? `${formatCalendarDate(unit.validFrom)} – ${formatCalendarDate(unit.validTo)}` : `từ ${formatCalendarDate(unit.validFrom)}`}
          </dd>
          <dt className="text-slate-500">Vùng kinh tế – xã hội</dt>
          <dd data-testid="region">{unit.regionName ?? <span className="text-slate-600">{unit.regionNote ?? "Chưa xác định vùng."}</span>}</dd>
          {profile.formedFrom.length > 0 ? (
            <>
              <dt className="text-slate-500">Hình thành từ</dt>
              <dd data-testid="formed-from">
                <UnitLinks links={profile.formedFrom} /> ({profile.formedFrom[0].legalBasis}, từ {formatCalendarDate(profile.formedFrom[0].effectiveOn)})
              </dd>
            </>
          ) : null}
          {profile.wentInto.length > 0 ? (
            <>
              <dt className="text-slate-500">Đã hợp nhất vào</dt>
              <dd data-testid="went-into">
                <UnitLinks links={profile.wentInto} /> ({profile.wentInto[0].legalBasis}, từ {formatCalendarDate(profile.wentInto[0].effectiveOn)})
              </dd>
            </>
          ) : null}
        </dl>
        {profile.formedFrom.length > 1 ? (
          <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900">
            Trước ngày {formatCalendarDate(unit.validFrom)}, kết quả thuộc các tỉnh, thành phố cũ. Mỗi đơn vị cũ được thể hiện bằng một đường, một dòng
            riêng; cổng không cộng gộp hay tính trung bình thành một con số chung.
          </p>
        ) : null}
      </header>

      {profile.indices.map((index) => {
        const score = trendPoints(index.rows, index.lines.map((line) => ({ id: line.id, label: line.label })), "score", index.nationalAverages);
        const rank = trendPoints(index.rows, index.lines.map((line) => ({ id: line.id, label: line.label })), "rank");
        const tableId = `bang-${index.code.toLowerCase()}`;
        return (
          <section key={index.code} className="space-y-3" aria-labelledby={`tieu-de-${index.code}`} data-testid={`index-${index.code}`}>
            <h2 id={`tieu-de-${index.code}`} className="text-xl font-semibold text-brand-900">
              {index.shortName} <span className="text-base font-normal text-slate-600">· {index.nameVi}</span>
            </h2>
            {index.rows.length === 0 ? (
              <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
                Chưa có kết quả {index.shortName} đã công bố của {unit.name}
                {profile.formedFrom.length > 0 ? " hay của các đơn vị trước sáp nhập" : ""} trong dữ liệu.
              </p>
            ) : (
              <>
                <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
                  <TrendChart title={`Điểm ${index.shortName} (%)`} metric="score" points={score.points} series={score.series} tableId={tableId} />
                  <TrendChart
                    title={`Thứ hạng ${index.shortName} (1 = cao nhất)`}
                    metric="rank"
                    points={rank.points}
                    series={rank.series}
                    maxRank={Math.max(...index.rows.map((row) => row.unitCount))}
                    tableId={tableId}
                  />
                </div>
                <ProfileResultsTable index={index} id={tableId} currentUnitId={unit.id} />
              </>
            )}
          </section>
        );
      })}

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:shadow-none" aria-labelledby="diem-can" data-testid="score-for-rank-section">
        <h2 id="diem-can" className="text-xl font-semibold text-brand-900">
          Điểm cần để đạt hạng {scoreForRank.target}
        </h2>
        <p className="text-sm text-slate-600">
          Theo bảng {scoreForRank.index.shortName} đã công bố của năm gần nhất{scoreForRank.year ? ` (${scoreForRank.year})` : ""}: điểm tối thiểu mà một tỉnh
          cần có để đứng hạng N (điểm bằng nhau thì cùng hạng).
          {scoreForRank.targetIsDefault ? " Mặc định: tăng 10 bậc so với hạng hiện tại (kế hoạch của Quảng Nam năm 2019 đặt mục tiêu tăng 10–15 bậc), hoặc hạng 10 khi chưa biết hạng." : null}
        </p>
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Tính điểm cần để đạt hạng">
          {search.ngay ? <input type="hidden" name="ngay" value={search.ngay} /> : null}
          <label className="text-sm">
            <span className="block text-slate-600">Chỉ số</span>
            <select name="index" defaultValue={scoreForRank.index.code} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              {profile.indices.map((index) => (
                <option key={index.code} value={index.code}>
                  {index.shortName}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">Hạng cần đạt (N)</span>
            <input
              name="hang"
              type="number"
              min={1}
              max={scoreForRank.unitCount || undefined}
              defaultValue={scoreForRank.target}
              className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Tính
          </button>
        </form>
        {formError || scoreForRank.error ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="score-for-rank-error">
            {formError ?? scoreForRank.error}
          </p>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="score-for-rank">
            {scoreForRank.sentence}
          </p>
        )}
      </section>
    </div>
  );
}

function UnitLinks({ links }: { links: { unit: { id: number; label: string; path: string } }[] }) {
  return (
    <>
      {links.map((link, i) => (
        <span key={link.unit.id}>
          {i > 0 ? ", " : null}
          <Link href={link.unit.path} className="text-brand-700 hover:underline print:text-slate-900">
            {link.unit.label}
          </Link>
        </span>
      ))}
    </>
  );
}

function ErrorBox({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      {message}{" "}
      <Link href="/xep-hang" className="font-semibold underline">
        Xem bảng xếp hạng
      </Link>
    </div>
  );
}
