// Writes to the criteria tree of a framework: one node (add, edit, delete), several leaves' maxima,
// or the whole tree from a file. Each goes through the framework's one write path (../mutations.ts:
// checked as a whole, saved in place or as a new version when in use, audited).
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { NotFoundError, parseInput } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { nodeSnapshot } from "../changes";
import { readTreeFile } from "../io";
import { changeFramework, frameworkScope, type FrameworkChange } from "../mutations";
import {
  addCriterionSchema,
  deleteCriterionSchema,
  importTreeSchema,
  setMaxPointsSchema,
  updateCriterionSchema,
  type AddCriterionInput,
  type DeleteCriterionInput,
  type ImportTreeInput,
  type SetMaxPointsInput,
  type UpdateCriterionInput,
} from "../schema";
import { addNode, deleteNode, nodeLabel, setLeafMaxima, updateNode, type NodeFields, type TreeRow } from "../tree";
import type { FrameworkState } from "../versioning";

const fieldsOf = (data: NodeFields): NodeFields => ({
  code: data.code,
  name: data.name,
  maxPoints: data.maxPoints,
  method: data.method,
  guidance: data.guidance,
  requiredEvidence: data.requiredEvidence,
});

function nodeById(state: FrameworkState, criterionId: number): TreeRow {
  const row = state.rows.find((r) => r.id === criterionId);
  if (!row) throw new NotFoundError(libTranslator("errors.criteria")("notFound"));
  return row;
}

// How to make a refused sum pass; worded when a change is refused, in that request's language.
const sumHint = () => libTranslator("errors.criteria")("sumHint");
const totalHint = () => libTranslator("errors.criteria")("totalHint");

const currentNode = (criterionId: number) => (state: FrameworkState) => {
  const row = state.rows.find((r) => r.id === criterionId);
  const t = libTranslator("errors.criteria");
  return row
    ? {
        text: t("current", { node: nodeLabel(row.level, row.code), name: row.name, points: libFormat().points(row.maxPoints) }),
        value: nodeSnapshot(row),
      }
    : { text: t("deleted"), value: null };
};

/**
 * One node changed (`edit` gives the tree's new rows), saved through the one write path; a refusal
 * about the sums says how to make it pass, by whether the parents' maxima were recomputed.
 */
function changeNode(
  actor: Actor,
  data: { frameworkId: number; revision: number; recomputeParents: boolean },
  action: "criterion.create" | "criterion.update" | "criterion.delete",
  about: number | null,
  edit: (state: FrameworkState, options: { recomputeParents: boolean }) => TreeRow[],
): Promise<FrameworkChange> {
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action,
    current: about === null ? undefined : currentNode(about),
    plan: (state) => ({
      next: { ...state, rows: edit(state, { recomputeParents: data.recomputeParents }) },
      hint: data.recomputeParents ? totalHint() : sumHint(),
    }),
  });
}

export async function updateCriterion(actor: Actor, input: UpdateCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(updateCriterionSchema, input);
  return changeNode(actor, data, "criterion.update", data.criterionId, (state, options) =>
    updateNode(state.rows, nodeById(state, data.criterionId).code, fieldsOf(data), options),
  );
}

export async function addCriterion(actor: Actor, input: AddCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(addCriterionSchema, input);
  return changeNode(actor, data, "criterion.create", data.parentId, (state, options) =>
    addNode(state.rows, data.parentId === null ? null : nodeById(state, data.parentId).code, fieldsOf(data), options),
  );
}

export async function deleteCriterion(actor: Actor, input: DeleteCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(deleteCriterionSchema, input);
  return changeNode(actor, data, "criterion.delete", data.criterionId, (state, options) =>
    deleteNode(state.rows, nodeById(state, data.criterionId).code, options),
  );
}

/** Several leaves' maxima in one save; every parent becomes the sum of its children. */
export async function setMaxPoints(actor: Actor, input: SetMaxPointsInput): Promise<FrameworkChange> {
  const data = parseInput(setMaxPointsSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "framework.setMaxPoints",
    plan: (state) => {
      const maxima = new Map(data.points.map((p) => [nodeById(state, p.criterionId).code, p.maxPoints]));
      return { next: { ...state, rows: setLeafMaxima(state.rows, maxima) }, hint: totalHint() };
    },
  });
}

/**
 * The whole tree from a file: nodes keep their identity by code (scores, tasks and targets
 * attached to them stay), new codes are added, missing ones removed. All or nothing.
 */
export async function replaceTree(actor: Actor, input: ImportTreeInput & { rows: TreeRow[] }): Promise<FrameworkChange> {
  const { frameworkId, revision } = parseInput(importTreeSchema, input);
  return changeFramework({
    actor,
    frameworkId,
    revision,
    action: "framework.replaceTree",
    plan: (state) => {
      const existing = new Map(state.rows.map((r) => [r.code, r]));
      const rows = input.rows.map((r, i): TreeRow => ({ ...r, id: existing.get(r.code.trim())?.id, sortOrder: i + 1 }));
      return { next: { ...state, rows }, wholeTree: true };
    },
  });
}

export async function importTree(actor: Actor, input: ImportTreeInput & { fileName: string; data: Uint8Array }): Promise<FrameworkChange> {
  const { frameworkId, revision } = parseInput(importTreeSchema, input);
  // Refuse before reading the file: a user without the right learns nothing from its checks.
  authorize(actor, "framework.write", await frameworkScope(frameworkId));
  const rows = await readTreeFile(input.fileName, input.data);
  return replaceTree(actor, { frameworkId, revision, rows });
}
