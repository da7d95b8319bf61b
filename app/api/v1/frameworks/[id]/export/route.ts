import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { exportTree } from "@/lib/frameworks/io";
import { getFramework } from "@/lib/frameworks/queries";
import { exportFormatSchema, frameworkIdSchema } from "@/lib/frameworks/schema";

type Params = { params: Promise<{ id: string }> };

// GET /api/v1/frameworks/:id/export?format=csv|xlsx — the criteria tree as a file (anyone who may read the framework).
export async function GET(request: NextRequest, { params }: Params) {
  try {
    const actor = await requireActor();
    const id = frameworkIdSchema.safeParse((await params).id);
    if (!id.success) return validationError(id.error);
    const format = exportFormatSchema.safeParse(request.nextUrl.searchParams.get("format") ?? "csv");
    if (!format.success) return validationError(format.error);
    const framework = await getFramework(actor, id.data);
    const file = await exportTree(framework, framework.criteria, format.data);
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
