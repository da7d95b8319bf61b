import type { Metadata } from "next";
import { connection } from "next/server";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-500.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/vietnamese-700.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-500.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "@fontsource/be-vietnam-pro/latin-700.css";
import { IconSprite } from "@/components/dashboards/badges";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cổng theo dõi Chỉ số CCHC", template: "%s · Cổng theo dõi Chỉ số CCHC" },
  description: "Theo dõi Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS) của tỉnh.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the not-found page too: Next can then put this response's
  // CSP nonce (proxy.ts) on its scripts, which a page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <IconSprite />
        {children}
      </body>
    </html>
  );
}
