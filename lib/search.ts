// Search without diacritics, as Vietnamese users type: "tran van" finds "Trần Văn", "so noi vu" finds
// "Sở Nội vụ". Accounts, agencies and directives keep a search key (their names, codes, numbers and
// titles in lower case with the Vietnamese marks taken off), written by a trigger in PostgreSQL
// (migrations 20261206230000_search_key and 20261206232000_directive_search_key), and a search is the
// same key of what was typed, as a substring.
// The two letter lists are the migration's translate() arguments: tests/integration/search-key.test.ts
// checks, letter by letter, that PostgreSQL and this function give the same key.

/** The Vietnamese letters with marks (lower then upper case), and what each becomes. */
export const MARKED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
export const PLAIN = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD";

const PLAIN_OF = new Map([...MARKED].map((letter, i) => [letter, PLAIN[i]]));

/** The search key of a text: composed (NFC), Vietnamese marks off, lower case. */
export function searchKey(text: string): string {
  return [...text.normalize("NFC")]
    .map((letter) => PLAIN_OF.get(letter) ?? letter)
    .join("")
    .toLowerCase();
}

/**
 * What a search looks for in a search key, as Prisma's `contains` (SQL `LIKE '%…%'`) takes it: the
 * typed text's key with LIKE's wildcards escaped, so that "50%" or "a_b" match those characters only
 * (Prisma passes them to LIKE as they are).
 */
export function searchContains(text: string): string {
  return searchKey(text).replace(/[\\%_]/g, (character) => `\\${character}`);
}
