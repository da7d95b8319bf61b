// A mail's words and layout: plain text and the same as simple HTML, in the recipient's language
// (namespace "notifications" of the catalogue). No I/O.
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";

export type ComposedMail = { subject: string; text: string; html: string };

/** The portal's public address for links in mail: AUTH_URL, else the local default address. */
export function portalAddress(): string {
  const configured = process.env.AUTH_URL?.trim();
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One mail: a greeting, paragraphs (or a list of items, each with its link), the footer. */
export function composeMail(input: {
  locale: Locale;
  name: string;
  subject: string;
  paragraphs: string[];
  /** Each item its own line, linked to the page that acts on it. */
  items?: { text: string; url: string }[];
  /** The main link, shown as a button and as plain text. */
  url?: string;
}): ComposedMail {
  const t = translator(input.locale, "notifications.mail");
  const settings = `${portalAddress()}/tai-khoan-cua-toi`;
  const items = input.items ?? [];
  const text = [
    t("greeting", { name: input.name }),
    "",
    ...input.paragraphs.flatMap((p) => [p, ""]),
    ...items.flatMap((item) => [`- ${item.text}`, `  ${item.url}`]),
    ...(items.length > 0 ? [""] : []),
    ...(input.url ? [t("open", { url: input.url }), ""] : []),
    "--",
    t("footer", { url: settings }),
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${input.locale}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2937">`,
    `<p>${escapeHtml(t("greeting", { name: input.name }))}</p>`,
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    items.length > 0 ? `<ul>${items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`).join("")}</ul>` : "",
    input.url
      ? `<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:8px 16px;background:#b91c1c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t("openButton"))}</a></p><p style="font-size:12px">${escapeHtml(input.url)}</p>`
      : "",
    `<hr><p style="font-size:12px;color:#6b7280">${escapeHtml(t("footer", { url: settings }))}</p>`,
    "</body></html>",
  ].join("");
  return { subject: input.subject, text, html };
}
