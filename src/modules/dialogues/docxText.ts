import { strFromU8, unzipSync } from "fflate";

/** The visible text of a DOCX's body (for tests: what a person opening the file would read). */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("not a DOCX: no word/document.xml");
  return strFromU8(xml)
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
