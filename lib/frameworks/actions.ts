"use server";
// Entry points of the framework forms. A change saved as a new version opens that version.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { uploadedFile } from "@/lib/api/upload";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { createFramework, setComponents, setGradeBands, updateFrameworkMeta, type FrameworkChange } from "./mutations";
import { addCriterion, deleteCriterion, importTree, setMaxPoints, updateCriterion } from "./criteria/mutations";
import { libTranslator } from "@/lib/i18n/lib-translator";

export type FrameworkActionResult = ActionResult<{ frameworkId: number }>;
type State = FrameworkActionResult | null;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};
const fields = <K extends string>(form: FormData, names: K[]) =>
  Object.fromEntries(names.map((name) => [name, text(form, name)])) as Record<K, string | undefined>;

const META = [
  "name",
  "decision",
  "validFromYear",
  "validToYear",
  "maxScore",
  "bonusCap",
  "penaltyCap",
  "componentsAreAdditive",
  "isIllustrative",
  "note",
  "agencyKind",
];
const NODE = ["frameworkId", "revision", "code", "name", "maxPoints", "method", "guidance", "requiredEvidence", "recomputeParents"];

/** Rows of a repeated group ("bands.0.label", "bands.0.minScore", …), blank rows left out. */
function repeated(form: FormData, group: string, names: string[]) {
  const indices = new Set<number>();
  for (const key of form.keys()) {
    const match = new RegExp(`^${group}\\.(\\d+)\\.`).exec(key);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => Object.fromEntries(names.map((name) => [name, text(form, `${group}.${i}.${name}`) ?? ""])))
    .filter((row) => Object.values(row).some((v) => v.trim() !== ""));
}

function done(change: FrameworkChange, fromId: number) {
  revalidatePath("/bo-chi-so");
  revalidatePath(`/bo-chi-so/${fromId}`);
  if (change.newVersion) redirect(`/bo-chi-so/${change.frameworkId}?tu-phien-ban=${fromId}`);
  return { message: change.message, data: { frameworkId: change.frameworkId } };
}

export async function createFrameworkAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const change = await createFramework(actor, { ...fields(form, [...META, "indexCode", "ownerProvinceId", "key"]) });
    revalidatePath("/bo-chi-so");
    redirect(`/bo-chi-so/${change.frameworkId}`);
  });
}

export async function updateFrameworkMetaAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = fields(form, [...META, "frameworkId", "revision", "status"]);
    return done(await updateFrameworkMeta(actor, input), Number(input.frameworkId));
  });
}

export async function updateCriterionAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = fields(form, [...NODE, "criterionId"]);
    return done(await updateCriterion(actor, input), Number(input.frameworkId));
  });
}

export async function addCriterionAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = fields(form, [...NODE, "parentId"]);
    return done(await addCriterion(actor, input), Number(input.frameworkId));
  });
}

export async function deleteCriterionAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = fields(form, ["frameworkId", "revision", "criterionId", "recomputeParents"]);
    return done(await deleteCriterion(actor, input), Number(input.frameworkId));
  });
}

export async function setMaxPointsAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const points = [...form.entries()]
      .filter(([key]) => key.startsWith("points."))
      .map(([key, value]) => ({ criterionId: key.slice("points.".length), maxPoints: String(value) }));
    const input = { ...fields(form, ["frameworkId", "revision"]), points };
    return done(await setMaxPoints(actor, input), Number(input.frameworkId));
  });
}

export async function setGradeBandsAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = { ...fields(form, ["frameworkId", "revision"]), bands: repeated(form, "bands", ["label", "minScore"]) };
    return done(await setGradeBands(actor, input), Number(input.frameworkId));
  });
}

export async function setComponentsAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = {
      ...fields(form, ["frameworkId", "revision"]),
      components: repeated(form, "components", ["code", "nameVi", "maxPoints"]),
    };
    return done(await setComponents(actor, input), Number(input.frameworkId));
  });
}

export async function importTreeAction(_previous: State, form: FormData): Promise<FrameworkActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    const file = await uploadedFile(form, MAX_IMPORT_BYTES, libTranslator("errors.frameworks")("chooseTreeFile"));
    const input = fields(form, ["frameworkId", "revision"]);
    const change = await importTree(actor, { ...input, fileName: file.name, data: file.bytes });
    return done(change, Number(input.frameworkId));
  });
}
