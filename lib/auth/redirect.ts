// Where to send a user after sign-in: the page they asked for, only if it is a page of the portal.
// The target is resolved as a browser would resolve it (backslashes, tabs and newlines included:
// "/\evil.example" and "/<tab>/evil.example" are other sites), never judged by its first characters.
const PORTAL = "http://portal.invalid";

export const AFTER_SIGN_IN = "/trang-chu";

export function pathAfterSignIn(next: string): string {
  let url: URL;
  try {
    url = new URL(next, PORTAL);
  } catch {
    return AFTER_SIGN_IN;
  }
  // A path of the same origin that starts with two slashes would be read as another host once sent back.
  if (url.origin !== PORTAL || !next.startsWith("/") || url.pathname.startsWith("//")) return AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
