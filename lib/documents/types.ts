// What the documents are made of: the five kinds, and the province's settings they print.
export const DOCUMENT_KINDS = ["self-assessment", "appraisal-notice", "ranking-annex", "directive-report", "leader-summary"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type DocumentFormat = "docx" | "pdf";

export type Signer = { title: string; name: string };

/**
 * The names, place, signers and symbols a province's documents print. Today they are derived from
 * the province (./letterhead.ts, `defaultSettings`) until Home Affairs saves its own (/quan-tri/van-ban).
 */
export type DocumentSettings = {
  /** "Ủy ban nhân dân tỉnh An Giang". */
  peoplesCommittee: string;
  /** "Sở Nội vụ". */
  homeAffairs: string;
  /** The place of "An Giang, ngày … tháng … năm …". */
  place: string;
  /** Who signs for the People's Committee and for the Department of Home Affairs. */
  chairman: Signer;
  director: Signer;
  /** The abbreviation after the number ("BC-SNV"), per kind; the annex's is the decision's. */
  symbols: Record<DocumentKind, string>;
  /** The archive mark of "Lưu: VT, CCHC." */
  archiveUnit: string;
};

/** The stored row (prisma's DocumentSetting), flat as the form and the table hold it. */
export type StoredSettings = {
  peoplesCommittee: string;
  homeAffairs: string;
  place: string;
  chairmanTitle: string;
  chairmanName: string;
  directorTitle: string;
  directorName: string;
  archiveUnit: string;
  symbols: unknown;
};

/** A document ready to send: its bytes, file name and content type. */
export type RenderedDocument = { body: Uint8Array; fileName: string; contentType: string };

/** What the scoring sheet's page shows (lib/assessments/queries.ts, getAssessmentSheet): the two documents of one agency read it. */
export type SheetDocumentData = {
  agency: { code: string; name: string };
  period: { year: number };
  framework: { name: string; maxScore: number };
  bonusPoints: number | null;
  bonusReason: string | null;
  penaltyPoints: number | null;
  penaltyReason: string | null;
  finalTotal: number | null;
  classification: string | null;
  criteria: import("@/lib/assessments/types").SheetCriterion[];
  abilities: { seesAppraisal: boolean };
};

/** The period's page (getPeriod) with what the annex adds: each agency's peer group and points per field. */
export type AnnexData = {
  year: number;
  provinceName: string;
  published: boolean;
  fields: { id: number; code: string; name: string }[];
  agencies: {
    name: string;
    peerGroup: string | null;
    /** Appraised points per field id. */
    fieldPoints: Record<number, number | null>;
    finalTotal: number | null;
    /** The maximum the percentage is taken of: the framework's today (an applicable maximum can replace it per agency). */
    maximum: number;
    classification: string | null;
  }[];
};

/** A directive's page (getDirective: targets, tasks) and its compiled reports (getCompiledReport) for one period or all. */
export type DirectiveReportData = {
  directive: { number: string; kindLabel: string; title: string };
  /** The period reported on ("Quý III năm 2025"), or null for every period. */
  periodLabel: string | null;
  targets: import("@/lib/directives/types").TargetItem[];
  tasks: import("@/lib/directives/types").TaskItem[];
  reports: import("@/lib/directives/types").CompiledRow[];
};
