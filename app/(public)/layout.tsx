import { currentActor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { SiteHeader } from "@/components/ui/site-header";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, roleLabel: ROLE_LABELS[actor.role], role: actor.role } : null} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
