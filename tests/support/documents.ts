// Reading back the documents the portal writes, as a reader would: a DOCX's XML (jszip) and a PDF's
// pages, text and fonts (pdfjs-dist, Mozilla's PDF reader).
import JSZip from "jszip";

export async function docxParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/header\d*\.xml$/.test(name))
      .map((name) => zip.file(name)!.async("string")),
  );
  // The text of the runs, paragraph by paragraph.
  const text = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
  return { xml, text, headers, media: Object.keys(zip.files).filter((name) => name.startsWith("word/media/")) };
}

export async function pdfParts(bytes: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { width: number; height: number; text: string; inTopMargin: string[] }[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
      .join("")
      .normalize("NFC");
    // What is printed above the text area (20 mm): the page number.
    const inTopMargin = content.items.flatMap((item) => ("str" in item && item.str.trim() && item.transform[5] > height - 56 ? [item.str.trim()] : []));
    pages.push({ width, height, text, inTopMargin });
  }
  await document.destroy();
  // The font dictionaries, as written: an embedded TrueType font has a FontFile2 stream.
  const raw = Buffer.from(bytes).toString("latin1");
  const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([A-Za-z-]+)/g)].map((m) => m[2]);
  return { pages, text: pages.map((p) => p.text).join("\n"), fonts: [...new Set(fonts)], embedded: (raw.match(/\/FontFile2 /g) ?? []).length };
}
