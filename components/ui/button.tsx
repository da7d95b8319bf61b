// Buttons, and links that look like buttons: one set of variants instead of class strings copied
// into every form. `buttonClass` serves elements that are neither (a download link, a file picker).
import { Link } from "@/components/ui/link";

export type ButtonVariant = "primary" | "secondary" | "outline" | "danger";
export type ButtonSize = "xs" | "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 font-semibold text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white hover:bg-slate-100",
  outline: "border border-brand-600 bg-white font-semibold text-brand-700 hover:bg-brand-50",
  danger: "bg-red-600 font-semibold text-white hover:bg-red-700",
};
const SIZES: Record<ButtonSize, string> = { xs: "px-2.5 py-1 text-xs", sm: "px-3 py-1.5 text-sm", md: "px-4 py-2", lg: "px-4 py-2.5" };

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "sm", extra?: string): string {
  return ["rounded-md disabled:opacity-60", VARIANTS[variant], SIZES[size], extra].filter(Boolean).join(" ");
}

type Style = { variant?: ButtonVariant; size?: ButtonSize };

export function Button({ variant, size, className, type = "button", ...props }: Style & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}

export function ButtonLink({ variant, size, className, ...props }: Style & React.ComponentProps<typeof Link>) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}
