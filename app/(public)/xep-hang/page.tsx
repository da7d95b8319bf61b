import type { Metadata } from "next";
import Link from "next/link";
import { getRanking, latestResultYear, listProvinceIndices, UnknownIndexError } from "@/lib/results/queries";
import { filterByRegion, NO_REGION, unknownRegionMessage } from "@/lib/results/ranking-view";
import { indexCodeSchema, regionParamSchema, yearSchema } from "@/lib/results/schema";
import { formatScore } from "@/lib/format";
import { RankingBarChart } from "@/components/charts/ranking-bar-chart";
import { RankingTable } from "@/components/tables/ranking-table";

export const metadata: Metadata = { title: "Xếp hạng PAR INDEX và SIPAS" };

type Search = { index?: string; year?: string; region?: string };

export default async function RankingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const indexParsed = indexCodeSchema.safeParse(params.index ?? "PAR_INDEX");
  const indices = await listProvinceIndices();
  if (!indexParsed.success) return <ErrorBox message={indexParsed.error.issues[0].message} />;
  const regionParsed = regionParamSchema.safeParse(params.region);
  if (!regionParsed.success) return <ErrorBox message={regionParsed.error.issues[0].message} />;
  const region = regionParsed.data;

  // Without a year, show the latest year that has results.
  let year: number | null = null;
  if (params.year !== undefined && params.year !== "") {
    const yearParsed = yearSchema.safeParse(params.year);
    if (!yearParsed.success) return <ErrorBox message={yearParsed.error.issues[0].message} />;
    year = yearParsed.data;
  }
  let ranking;
  try {
    year ??= (await latestResultYear(indexParsed.data)) ?? new Date().getFullYear();
    ranking = await getRanking(indexParsed.data, year);
  } catch (error) {
    if (error instanceof UnknownIndexError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const regionProblem = unknownRegionMessage(ranking.regions, region);
  if (regionProblem) return <ErrorBox message={regionProblem} />;

  // Ranks stay national under a region filter; units without a region are named, never dropped silently.
  const { items, unassigned } = filterByRegion(ranking.items, region);
  const regionLabel = region === NO_REGION ? "chưa xác định vùng" : (ranking.regions.find((r) => r.code === region)?.nameVi ?? null);
  const regionAverage = region ? ranking.regionAverages.find((r) => r.regionCode === region) : undefined;
  const hasUnassigned = ranking.items.some((item) => item.regionCode === null);
  const query = new URLSearchParams({ index: ranking.index.code, year: String(ranking.year), ...(region ? { region } : {}) });
  const title = `${ranking.index.shortName} năm ${ranking.year}${regionLabel ? ` · ${region === NO_REGION ? "Tỉnh, thành phố " : "Vùng "}${regionLabel}` : ""}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">
            Xếp hạng {ranking.index.shortName} năm {ranking.year}
          </h1>
          {regionLabel ? (
            <p className="font-semibold text-brand-700" data-testid="region-heading">
              {region === NO_REGION ? "Tỉnh, thành phố chưa xác định vùng" : `Vùng ${regionLabel}`} (thứ hạng toàn quốc)
            </p>
          ) : null}
          <p className="text-slate-600">{ranking.index.nameVi} của các tỉnh, thành phố trực thuộc trung ương</p>
        </div>
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn chỉ số và năm">
          <label className="text-sm">
            <span className="block text-slate-600">Chỉ số</span>
            <select name="index" defaultValue={ranking.index.code} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              {indices.map((index) => (
                <option key={index.code} value={index.code}>
                  {index.shortName}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">Năm</span>
            <select name="year" defaultValue={String(ranking.year)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              {(ranking.years.includes(ranking.year) ? ranking.years : [ranking.year, ...ranking.years]).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">Vùng</span>
            <select name="region" defaultValue={region ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              <option value="">Cả nước</option>
              {ranking.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.nameVi}
                </option>
              ))}
              {hasUnassigned || region === NO_REGION ? <option value={NO_REGION}>Chưa xác định vùng</option> : null}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Xem
          </button>
        </form>
      </div>

      <nav className="no-print flex gap-2 text-sm" aria-label="Chỉ số">
        {indices.map((index) => (
          <Link
            key={index.code}
            href={`/xep-hang?${new URLSearchParams({ index: index.code, year: String(ranking.year), ...(region ? { region } : {}) })}`}
            aria-current={index.code === ranking.index.code ? "page" : undefined}
            className={
              index.code === ranking.index.code
                ? "rounded-full bg-brand-600 px-3 py-1 font-semibold text-white"
                : "rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100"
            }
          >
            {index.shortName}
          </Link>
        ))}
      </nav>

      {ranking.items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          Chưa có kết quả {ranking.index.shortName} năm {ranking.year} trong dữ liệu.
        </p>
      ) : (
        <>
          {ranking.partial ? (
            <p role="note" data-testid="partial-note" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
              <strong>Bảng chưa đầy đủ:</strong> dữ liệu mới có kết quả của {ranking.items.length}/{ranking.unitCount} tỉnh, thành phố được xếp hạng năm{" "}
              {ranking.year} (chỉ những kết quả đã tìm được nguồn công bố). Thứ hạng không được công bố hiển thị dưới dạng khoảng suy ra từ các kết quả đã biết.
            </p>
          ) : null}
          {unassigned.length > 0 ? (
            <p role="note" data-testid="unassigned-note" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
              <strong>Chưa xác định vùng:</strong> {unassigned.map((item) => item.unitName).join(", ")} hình thành từ các tỉnh thuộc nhiều vùng nên
              không có trong bộ lọc vùng.{" "}
              <Link href={`/xep-hang?${new URLSearchParams({ index: ranking.index.code, year: String(ranking.year), region: NO_REGION })}`} className="font-semibold text-brand-700 underline">
                Xem các tỉnh, thành phố này
              </Link>
            </p>
          ) : null}
          {items.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
              Chưa có kết quả {ranking.index.shortName} năm {ranking.year} của tỉnh, thành phố nào thuộc {regionLabel ? `vùng ${regionLabel}` : "bộ lọc này"}.
            </p>
          ) : (
            <>
              <RankingBarChart
                title={`Điểm ${title}`}
                bars={items.map((item) => ({ name: item.unitName, score: item.score }))}
                partial={ranking.partial}
                averages={[
                  ...(ranking.nationalAverage ? [{ label: "TB cả nước", value: ranking.nationalAverage.value }] : []),
                  ...(regionAverage ? [{ label: "TB vùng", value: regionAverage.value }] : []),
                ]}
                tableId="bang-xep-hang"
              />
              <div className="no-print flex flex-wrap items-center gap-2 text-sm" aria-label="Tải bảng xếp hạng">
                <span className="text-slate-600">Tải bảng đang xem:</span>
                <a
                  href={`/api/v1/rankings/export?${query}&format=csv`}
                  download
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold hover:bg-slate-100"
                >
                  Tải CSV
                </a>
                <a
                  href={`/api/v1/rankings/export?${query}&format=xlsx`}
                  download
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold hover:bg-slate-100"
                >
                  Tải XLSX
                </a>
              </div>
              <RankingTable
                id="bang-xep-hang"
                items={items}
                unitCount={ranking.unitCount}
                caption={`Bảng xếp hạng ${title}${regionLabel ? " (thứ hạng toàn quốc)" : ""}`}
              />
            </>
          )}
        </>
      )}

      {ranking.nationalAverage || ranking.regionAverages.length > 0 ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="font-semibold">Giá trị trung bình năm {ranking.year}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {ranking.nationalAverage ? (
              <li>
                Cả nước: <strong className="tabular-nums">{formatScore(ranking.nationalAverage.value)}%</strong>{" "}
                <span className="text-slate-500">({ranking.nationalAverage.source})</span>
              </li>
            ) : null}
            {ranking.regionAverages.map((average) => (
              <li key={average.regionCode} className={average.regionCode === region ? "font-semibold text-brand-900" : undefined}>
                {average.regionName}: <strong className="tabular-nums">{formatScore(average.value)}%</strong>
                {average.regionCode === region ? " (vùng đang xem)" : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ErrorBox({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      {message}{" "}
      <Link href="/xep-hang" className="font-semibold underline">
        Xem bảng xếp hạng mới nhất
      </Link>
    </div>
  );
}
