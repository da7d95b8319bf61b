// The pages of a long list (accounts, agencies): which page is shown of how many.

/** How many pages `total` rows make, `pageSize` a page; an empty list still has its one (empty) page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page a list shows: the one asked for, or its last page when the address asks past the end (a
 * bookmark of page 9 of a list that has since shrunk, a filter changed by hand), so that a list with
 * rows never answers "none".
 */
export function pageShown(asked: number | undefined, total: number, pageSize: number): number {
  return Math.min(asked ?? 1, pageCount(total, pageSize));
}
