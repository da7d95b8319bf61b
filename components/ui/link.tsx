"use client";
// The portal's one link between its pages. Next's <Link> fetches every page it links to as soon as
// the link is on screen ("prefetch"), and the portal's pages are rendered per request: one signed-in
// page view made the server render its ~45 header, footer and table links too, 0.47–0.57 s of server
// CPU against 0.07–0.15 s for the page alone (docs/benchmarks.md, "An eighth look"). This link
// prefetches on intent instead, when the pointer rests on it, a finger touches it or the keyboard
// focuses it: the pattern of Next's prefetching guide ("Preventing too many prefetches"). A click
// without a prefetch still navigates client-side, once the server has rendered the page.
import NextLink from "next/link";
import { type ComponentProps, useState } from "react";

export type LinkProps = ComponentProps<typeof NextLink>;

export function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      // `null` is Next's default prefetch (once the user shows intent); an explicit prop wins.
      prefetch={prefetch ?? (intent ? null : false)}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
