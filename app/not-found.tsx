// An address that names no page, outside the signed-in shell: 404 in the visitor's language, with
// the ways back (the signed-in pages have their own, app/(portal)/not-found.tsx).
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { FindProvinceForm } from "@/components/units/find-province-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SiteHeader } from "@/components/ui/site-header";

export default async function NotFoundPage() {
  const [actor, t] = await Promise.all([currentActor(), getTranslations("public.notFound")]);
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} />
      <main className="mx-auto max-w-2xl px-4 py-12">
        <Card as="section" className="space-y-4" data-testid="not-found">
          <h1 className="text-xl font-bold text-brand-900">{t("title")}</h1>
          <p className="text-slate-700">{t("body")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href="/" className={buttonClass("primary")}>
              {t("home")}
            </Link>
            <Link href="/xep-hang" className={buttonClass("secondary")}>
              {t("rankings")}
            </Link>
          </div>
          <FindProvinceForm />
        </Card>
      </main>
    </>
  );
}
