// Finding a province by what a person types: its name with or without diacritics ("Ha Noi",
// "hà nội", "ba ria"), or its code ("91"). Pure, shared by the /tinh page and its tests.

/** Lower case, without diacritics, đ as d, spaces and dashes collapsed: what two spellings share. */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\-–—.]+/g, " ")
    .trim();
}

/** Whether a unit answers a query: every word of it starts a word of the name, or it is the unit's code. */
export function matchesProvince(unit: { code: string; nameVi: string }, query: string): boolean {
  const key = searchKey(query);
  if (key === "") return true;
  if (/^\d{1,2}$/.test(key)) return unit.code === key.padStart(2, "0");
  const words = searchKey(unit.nameVi).split(" ");
  return key.split(" ").every((part) => words.some((word) => word.startsWith(part))) || searchKey(unit.nameVi).includes(key);
}
