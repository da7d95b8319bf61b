// A form's fields as the plain object lib's schemas read: single values as strings, the listed
// multi-valued ones (checkboxes) as arrays, "parts.0.code" as nested lists of objects.
export function formFields(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || lists.includes(name)) continue;
    const nested = /^(\w+)\.(\d{1,3})\.(\w+)$/.exec(name);
    if (!nested) {
      out[name] = value;
      continue;
    }
    const [, list, index, field] = nested;
    if (!Array.isArray(out[list])) out[list] = [];
    const items = out[list] as Record<string, string>[];
    items[Number(index)] ??= {};
    items[Number(index)][field] = value;
  }
  for (const name of lists) out[name] = form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
  for (const [name, value] of Object.entries(out)) if (Array.isArray(value) && !lists.includes(name)) out[name] = value.filter(Boolean);
  return out;
}
