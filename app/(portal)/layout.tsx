import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { unreadCount } from "@/lib/notifications/queries";
import { MAIN_ID, SiteHeader } from "@/components/ui/site-header";

// The signed-in shell. Access to data is still checked in lib on every read and write.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  return (
    <>
      <SiteHeader user={{ name: actor.name, role: actor.role, unread: await unreadCount(actor) }} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
