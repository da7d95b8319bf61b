"use client";
// Any page whose server rendering failed (the signed-in and public layouts read the database first).
import { PageError } from "@/components/ui/page-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-2xl px-4 py-12">
      <PageError error={error} retry={retry} />
    </main>
  );
}
