import { currentActor } from "@/lib/auth/actor";
import { SiteFooter } from "@/components/ui/site-footer";
import { MAIN_ID, SiteHeader } from "@/components/ui/site-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
