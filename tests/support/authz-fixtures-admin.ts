// Data and calls of the administration entry points (issue 13) for the authorization matrix:
// accounts of each unit (an agency head of the actor's agency, a leader of the province, another
// province's officer, an administrator) and agencies of the own and another province, fresh for
// every allowed call.
import { newToken, expiryOf, linkPath } from "@/lib/accounts/tokens";
import { testDb } from "./db";
import type { Unit } from "./endpoints";
import type { Call, Caller, World } from "./authz-fixtures";

type Fixture = (w: World, call: Caller, unit: Unit, caseName?: string) => Promise<Call>;
let counter = 0;
const next = () => ++counter;
const A = (file: string, name: string) => `lib/${file}/actions.ts#${name}`;
const csvFile = (name: string, text: string) => new File([text], name, { type: "text/csv" });

const provinceCode = async (w: World, unit: Unit) =>
  (await testDb.province.findUniqueOrThrow({ where: { id: unit === "otherProvince" ? w.other : w.own } })).code;

/** What an account of this unit is created from. */
async function accountFields(w: World, unit: Unit) {
  const email = `tk${next()}@thu-quyen.gov.vn`;
  switch (unit) {
    case "ownAgency":
      return { email, name: "Thủ trưởng thử quyền", role: "AGENCY_HEAD", agencyId: w.stp };
    case "ownProvince":
      return { email, name: "Lãnh đạo thử quyền", role: "LEADER", provinceCode: await provinceCode(w, unit) };
    case "otherProvince":
      return { email, name: "Cán bộ Hà Nội thử quyền", role: "HOME_AFFAIRS", provinceCode: await provinceCode(w, unit) };
    default:
      return { email, name: "Quản trị thử quyền", role: "ADMIN" };
  }
}

/** A stored account of this unit that never acted. */
async function account(w: World, unit: Unit) {
  const f = await accountFields(w, unit);
  const provinceId = unit === "national" ? null : unit === "otherProvince" ? w.other : w.own;
  return testDb.user.create({ data: { email: f.email, name: f.name, role: f.role as "ADMIN", provinceId, agencyId: unit === "ownAgency" ? w.stp : null } });
}

async function agency(w: World, unit: Unit) {
  const n = next();
  return testDb.agency.create({
    data: {
      provinceId: unit === "otherProvince" ? w.other : w.own,
      code: `TQ-${n}`,
      name: `Cơ quan thử quyền ${n}`,
      kind: "COMMUNE",
      validFrom: new Date("2020-01-01"),
    },
  });
}

const agencyCsv = () => csvFile("co-quan.csv", `code,name,kind\nTQN-${next()},UBND xã Thử Quyền,UBND xã\n`);
const accountCsv = () => csvFile("tai-khoan.csv", `email,name,role,agency_code\nnhap${next()}@thu-quyen.gov.vn,Lãnh đạo nhập từ tệp,Lãnh đạo UBND tỉnh,\n`);

async function freshToken(w: World) {
  const user = await account(w, "ownProvince");
  const t = newToken();
  await testDb.passwordToken.create({
    data: { userId: user.id, purpose: "INVITE", selector: t.selector, tokenHash: t.tokenHash, expiresAt: expiryOf(new Date()) },
  });
  return decodeURIComponent(linkPath(t.token).split("token=")[1]);
}

const PASSWORD = "Mùa thu Hà Nội lá vàng rơi";

export const ADMIN_FIXTURES: Record<string, Fixture> = {
  "GET /api/v1/users": async (w, call, unit) => {
    const code = await provinceCode(w, unit);
    return () => call.route("GET /api/v1/users", { query: `?province=${code}` });
  },
  "POST /api/v1/users": async (w, call, unit) => {
    const json = await accountFields(w, unit);
    return () => call.route("POST /api/v1/users", { json });
  },
  "PATCH /api/v1/users/[id]": async (w, call, unit) => {
    const a = await account(w, unit);
    return () => call.route("PATCH /api/v1/users/[id]", { params: { id: a.id }, json: { version: a.version, name: "Đã đổi tên" } });
  },
  "POST /api/v1/users/[id]/reset": async (w, call, unit) => {
    const a = await account(w, unit);
    return () => call.route("POST /api/v1/users/[id]/reset", { params: { id: a.id } });
  },
  "GET /api/v1/agencies": async (w, call, unit) => {
    const code = await provinceCode(w, unit);
    return () => call.route("GET /api/v1/agencies", { query: `?province=${code}` });
  },
  "POST /api/v1/agencies": async (w, call, unit) => {
    const json = { provinceCode: await provinceCode(w, unit), code: `TQM-${next()}`, name: "Cơ quan mới thử quyền", kind: "OTHER" };
    return () => call.route("POST /api/v1/agencies", { json });
  },
  "PATCH /api/v1/agencies/[id]": async (w, call, unit) => {
    const a = await agency(w, unit);
    return () => call.route("PATCH /api/v1/agencies/[id]", { params: { id: a.id }, json: { version: a.version, name: "Tên mới" } });
  },
  "POST /api/v1/imports/agencies": async (w, call, unit) => {
    const province = await provinceCode(w, unit);
    return () => call.route("POST /api/v1/imports/agencies", { form: { file: agencyCsv(), province } });
  },
  "POST /api/v1/imports/users": async (w, call, unit) => {
    const province = await provinceCode(w, unit);
    return () => call.route("POST /api/v1/imports/users", { form: { file: accountCsv(), province } });
  },
  "GET /api/v1/imports/agencies/template": async (w, call, unit) => {
    const code = await provinceCode(w, unit);
    return () => call.route("GET /api/v1/imports/agencies/template", { query: `?province=${code}` });
  },
  "GET /api/v1/imports/users/template": async (w, call, unit) => {
    const code = await provinceCode(w, unit);
    return () => call.route("GET /api/v1/imports/users/template", { query: `?province=${code}` });
  },
  "POST /api/v1/password/set": async (w, call) => {
    const token = await freshToken(w);
    return () => call.route("POST /api/v1/password/set", { json: { token, password: PASSWORD } });
  },
  "POST /api/v1/password/forgot": async (_w, call) => () => call.route("POST /api/v1/password/forgot", { json: { email: `quen${next()}@thu-quyen.gov.vn` } }),

  [A("accounts", "createAccountAction")]: async (w, call, unit) => {
    const fields = await accountFields(w, unit);
    return () => call.action(A("accounts", "createAccountAction"), fields as unknown as Record<string, string | number>);
  },
  [A("accounts", "updateAccountAction")]: async (w, call, unit) => {
    const a = await account(w, unit);
    return () => call.action(A("accounts", "updateAccountAction"), { id: a.id, version: a.version, name: "Đã đổi tên" });
  },
  [A("accounts", "accountCommandAction")]: async (w, call, unit, name) => {
    const a = await account(w, unit);
    return () => call.action(A("accounts", "accountCommandAction"), { id: a.id, version: a.version, intent: name! });
  },
  [A("accounts", "importAccountsAction")]: async (w, call, unit) => {
    const province = await provinceCode(w, unit);
    return () => call.action(A("accounts", "importAccountsAction"), { file: accountCsv(), province, intent: "commit" });
  },
  [A("accounts/passwords", "setPasswordAction")]: async (w, call) => {
    const token = await freshToken(w);
    return () => call.action(A("accounts/passwords", "setPasswordAction"), { token, password: PASSWORD });
  },
  [A("accounts/passwords", "forgotPasswordAction")]: async (_w, call) => () =>
    call.action(A("accounts/passwords", "forgotPasswordAction"), { email: `quen${next()}@thu-quyen.gov.vn` }),

  [A("agencies", "createAgencyAction")]: async (w, call, unit) => {
    const fields = { provinceCode: await provinceCode(w, unit), code: `TQM-${next()}`, name: "Cơ quan mới thử quyền", kind: "OTHER" };
    return () => call.action(A("agencies", "createAgencyAction"), fields);
  },
  [A("agencies", "updateAgencyAction")]: async (w, call, unit) => {
    const a = await agency(w, unit);
    return () =>
      call.action(A("agencies", "updateAgencyAction"), { id: a.id, version: a.version, code: a.code, name: "Tên mới", kind: a.kind, validFrom: "2020-01-01" });
  },
  [A("agencies", "deleteAgencyAction")]: async (w, call, unit) => {
    const a = await agency(w, unit);
    return () => call.action(A("agencies", "deleteAgencyAction"), { id: a.id, version: a.version });
  },
  [A("agencies", "mergeAgenciesAction")]: async (w, call, unit) => {
    const [a, b] = [await agency(w, unit), await agency(w, unit)];
    const fields = {
      sourceIds: [String(a.id), String(b.id)],
      effectiveOn: "2025-07-01",
      legalBasis: "Nghị quyết thử quyền",
      "into.code": `TQH-${next()}`,
      "into.name": "UBND xã hợp nhất",
      "into.kind": "COMMUNE",
    };
    return () => call.action(A("agencies", "mergeAgenciesAction"), fields);
  },
  [A("agencies", "splitAgencyAction")]: async (w, call, unit) => {
    const a = await agency(w, unit);
    const n = next();
    const fields = {
      sourceId: a.id,
      effectiveOn: "2025-07-01",
      legalBasis: "Quyết định thử quyền",
      "parts.0.code": `TQT-${n}-1`,
      "parts.0.name": "Phần 1",
      "parts.0.kind": "COMMUNE",
      "parts.1.code": `TQT-${n}-2`,
      "parts.1.name": "Phần 2",
      "parts.1.kind": "WARD",
    };
    return () => call.action(A("agencies", "splitAgencyAction"), fields);
  },
  [A("agencies", "importAgenciesAction")]: async (w, call, unit) => {
    const province = await provinceCode(w, unit);
    return () => call.action(A("agencies", "importAgenciesAction"), { file: agencyCsv(), province, intent: "commit" });
  },
  [A("documents", "saveDocumentSettingsAction")]: async (w, call, unit) => {
    const provinceId = unit === "otherProvince" ? w.other : w.own;
    const stored = await testDb.documentSetting.findUnique({ where: { provinceId } });
    const fields = {
      provinceId,
      version: stored?.version ?? 0,
      peoplesCommittee: "Ủy ban nhân dân tỉnh thử quyền",
      homeAffairs: "Sở Nội vụ",
      place: "Thử quyền",
      chairmanTitle: "Chủ tịch",
      chairmanName: `Người ký ${next()}`,
      directorTitle: "Giám đốc",
      directorName: "",
      archiveUnit: "CCHC",
      "symbols.self-assessment": "BC-",
      "symbols.appraisal-notice": "TB-SNV",
      "symbols.ranking-annex": "QĐ-UBND",
      "symbols.directive-report": "BC-SNV",
      "symbols.leader-summary": "BC-SNV",
    };
    return () => call.action(A("documents", "saveDocumentSettingsAction"), fields);
  },
};
