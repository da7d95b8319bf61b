"use client";
// A date typed and shown as dd/mm/yyyy whatever the browser's language (Chromium's type="date"
// follows the browser's locale: mm/dd/yyyy in an English one); the form sends yyyy-mm-dd under
// `name`, which the schemas read. Marked and focused like any field when refused (form-kit).
import { useEffect, useRef, useState } from "react";
import { dayOfTyped, typedOfDay } from "@/lib/time";

export function DateInput({
  name,
  defaultValue,
  className,
  ...props
}: { name: string; defaultValue?: string; className?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue" | "type">) {
  const initial = defaultValue ? typedOfDay(defaultValue) : "";
  const [typed, setTyped] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  // A form emptied once saved (useFormAction's reset) empties this field too: its value is state.
  useEffect(() => {
    const form = input.current?.form;
    const reset = () => setTyped(initial);
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, [initial]);
  return (
    <>
      <input
        {...props}
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        data-field-for={name}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        className={className}
      />
      <input type="hidden" name={name} value={dayOfTyped(typed)} />
    </>
  );
}
