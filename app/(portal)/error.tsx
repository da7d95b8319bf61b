"use client";
// A signed-in page that failed once the shell had rendered: the header and navigation stay.
import { PageError } from "@/components/ui/page-error";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
