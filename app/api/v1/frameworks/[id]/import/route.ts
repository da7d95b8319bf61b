import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { importTree } from "@/lib/frameworks/criteria/mutations";

type Params = { params: Promise<{ id: string }> };

// POST /api/v1/frameworks/:id/import (multipart: file, revision) — replaces the criteria tree, all or nothing.
// A framework in use gets a new version instead: the answer names it.
export async function POST(request: NextRequest, { params }: Params) {
  try {
    const actor = await requireActor();
    const form = await request.formData().catch(() => {
      throw new ValidationError([{ field: "file", message: "Gửi tệp dạng multipart/form-data với trường file và revision." }]);
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new ValidationError([{ field: "file", message: "Thiếu tệp (trường file): chọn tệp .csv hoặc .xlsx." }]);
    const change = await importTree(actor, {
      frameworkId: (await params).id,
      revision: form.get("revision"),
      fileName: file.name,
      data: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(change);
  } catch (error) {
    return errorResponse(error);
  }
}
