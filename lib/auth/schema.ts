import { z } from "@/lib/validation/zod";

export const loginSchema = z.object({
  email: z
    .string({ error: "Vui lòng nhập email." })
    .trim()
    .toLowerCase()
    .min(1, "Vui lòng nhập email.")
    .max(254, "Email quá dài (tối đa 254 ký tự).")
    .pipe(z.email({ error: "Email không đúng định dạng, ví dụ: ten@donvi.gov.vn." })),
  password: z
    .string({ error: "Vui lòng nhập mật khẩu." })
    .min(1, "Vui lòng nhập mật khẩu.")
    .max(200, "Mật khẩu quá dài (tối đa 200 ký tự)."),
});
export type LoginInput = z.infer<typeof loginSchema>;
