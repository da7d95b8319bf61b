import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { unreadCount } from "@/lib/notifications/queries";
import { SiteHeader } from "@/components/ui/site-header";

// The signed-in shell. Access to data is still checked in lib on every read and write.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  return (
    <>
      <SiteHeader user={{ name: actor.name, role: actor.role, unread: await unreadCount(actor) }} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
