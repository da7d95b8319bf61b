import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ButtonLink } from "@/components/ui/button";
import { MAIN_ID, SiteHeader } from "@/components/ui/site-header";

export default async function LandingPage() {
  const [actor, t] = await Promise.all([currentActor(), getTranslations("home.landing")]);
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
        <h1 className="max-w-3xl text-3xl font-bold leading-tight text-brand-900">{t("title")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700">{t("lead")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/xep-hang?index=PAR_INDEX" size="lg">
            {t("parRanking")}
          </ButtonLink>
          <ButtonLink href="/xep-hang?index=SIPAS" size="lg" variant="outline">
            {t("sipasRanking")}
          </ButtonLink>
          {actor ? (
            <ButtonLink href="/trang-chu" size="lg" variant="secondary" className="font-semibold">
              {t("workspace")}
            </ButtonLink>
          ) : null}
        </div>
      </main>
    </>
  );
}
