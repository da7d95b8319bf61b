import { currentActor } from "@/lib/auth/actor";
import { SiteHeader } from "@/components/ui/site-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
