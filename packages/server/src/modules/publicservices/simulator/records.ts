/**
 * A dossier plan as the portal would sync it at a given instant: the DongBoHoSoMC record (status and dates as known
 * then) and the CapNhatTienDoHoSoMC processing steps. Nothing here draws randomness: the same plan and instant always
 * give the same records. Hot path (millions of records): loops rather than per-call closures, memoised names.
 */
import type { PortalDossier, PortalProgress } from '@ioc/shared';
import { formatPortalDate } from '../../calendar/local-time.ts';
import { officeOf, type Role, titleOf } from './offices.ts';
import { officerName, WITHDRAWAL_NOTES } from './people.ts';
import { type DossierPlan, type PlannedStep, STEP_STATUS, type StepKind } from './plan.ts';
import type { Procedure } from './procedures.ts';

const ROLE: Record<StepKind, Role> = {
  received: 'desk',
  refused: 'desk',
  assigned: 'specialist',
  supplementRequested: 'specialist',
  supplied: 'desk',
  processed: 'leader',
  returned: 'desk',
  withdrawn: 'desk',
  stopped: 'leader',
};
const ROLES: readonly Role[] = ['desk', 'specialist', 'leader'];
const OFFICERS_PER_ROLE = 3;

type ByRole = Record<Role, string>;
const offices = new Map<Procedure, { office: ByRole; title: ByRole }>();
const staff = new Map<string, Record<Role, string[]>>();

function officesOf(procedure: Procedure): { office: ByRole; title: ByRole } {
  let found = offices.get(procedure);
  if (!found) {
    const office = {} as ByRole;
    const title = {} as ByRole;
    for (const role of ROLES) {
      office[role] = officeOf(procedure, role);
      title[role] = titleOf(procedure, role);
    }
    found = { office, title };
    offices.set(procedure, found);
  }
  return found;
}

/** The same few officers sign an agency's dossiers day after day. */
function staffOf(agencyCode: string): Record<Role, string[]> {
  let found = staff.get(agencyCode);
  if (!found) {
    const names = {} as Record<Role, string[]>;
    for (const role of ROLES) {
      names[role] = [];
      for (let i = 0; i < OFFICERS_PER_ROLE; i++) names[role].push(officerName(agencyCode, role, i));
    }
    found = names;
    staff.set(agencyCode, found);
  }
  return found;
}

function noteOf(plan: DossierPlan, step: PlannedStep, supplement: number): string {
  switch (step.kind) {
    case 'received':
      return 'Tiếp nhận hồ sơ';
    case 'refused':
      return `Từ chối tiếp nhận: ${plan.refusalReason ?? ''}`;
    case 'assigned':
      return 'Chuyển hồ sơ đến bộ phận chuyên môn xử lý';
    case 'supplementRequested':
      return `Yêu cầu bổ sung hồ sơ: ${plan.supplements[supplement]?.reason ?? ''}`;
    case 'supplied':
      return 'Tổ chức, cá nhân đã bổ sung hồ sơ';
    case 'processed':
      return 'Lãnh đạo ký duyệt, chuyển kết quả về bộ phận trả kết quả';
    case 'returned':
      return plan.channel === 2 ? 'Trả kết quả giải quyết' : 'Trả kết quả trực tiếp cho tổ chức, cá nhân';
    case 'withdrawn':
      return WITHDRAWAL_NOTES.requested;
    case 'stopped':
      return WITHDRAWAL_NOTES.stopped;
  }
}

function knownBy(at: number | null, asOf: number): string | null {
  return at !== null && at <= asOf ? formatPortalDate(at) : null;
}

/** The status a plan shows at `asOf`: that of its last step by then. */
export function statusAt(plan: DossierPlan, asOf: number): number {
  let status = STEP_STATUS[plan.steps[0]!.kind];
  for (const step of plan.steps) {
    if (step.at > asOf) break;
    status = STEP_STATUS[step.kind];
  }
  return status;
}

/** The dossier record as of `asOf` (the dossier must have been received by then). */
export function dossierRecord(plan: DossierPlan, asOf: number): PortalDossier {
  const { procedure } = plan;
  const record: PortalDossier = {
    MaHoSo: plan.code,
    MaTTHC: procedure.code,
    TenTTHC: procedure.name,
    MaLinhVuc: procedure.fieldCode,
    TenLinhVuc: procedure.fieldName,
    KenhThucHien: plan.channel,
    ChuHoSo: plan.ownerName,
    LoaiDoiTuong: plan.ownerKind,
    TrichYeuHoSo: `${procedure.name} - ${plan.ownerName}`,
    NgayNopHoSo: formatPortalDate(plan.submittedAt),
    NgayTiepNhan: formatPortalDate(plan.receivedAt),
    TrangThaiHoSo: statusAt(plan, asOf),
    NgayTra: knownBy(plan.returnedAt, asOf),
    NgayKetThucXuLy: knownBy(plan.finishedAt, asOf),
    DonViXuLy: plan.agency.name,
    DuocThanhToanTrucTuyen: plan.paidOnline ? 1 : 0,
    HoSoCoThanhPhanSoHoa: plan.digitised ? 1 : 0,
  };
  if (plan.dueAt !== null) record.NgayHenTra = formatPortalDate(plan.dueAt);
  const supplements: NonNullable<PortalDossier['DanhSachHoSoBoSung']> = [];
  for (const s of plan.supplements) {
    if (s.requestedAt > asOf) break;
    const supplied = knownBy(s.suppliedAt, asOf);
    supplements.push(
      supplied
        ? { NgayYeuCauBoSung: formatPortalDate(s.requestedAt), NgayBoSung: supplied, LyDo: s.reason }
        : { NgayYeuCauBoSung: formatPortalDate(s.requestedAt), LyDo: s.reason },
    );
  }
  if (supplements.length > 0) record.DanhSachHoSoBoSung = supplements;
  return record;
}

/** Processing steps of a plan with a time in (after, until], appended to `out`. */
export function pushProgress(plan: DossierPlan, after: number, until: number, out: PortalProgress[]): void {
  const { office, title } = officesOf(plan.procedure);
  const names = staffOf(plan.agency.code);
  const due = plan.dueAt === null ? null : formatPortalDate(plan.dueAt);
  let supplement = -1;
  for (const step of plan.steps) {
    if (step.kind === 'supplementRequested') supplement++;
    if (step.at <= after) continue;
    if (step.at > until) break;
    const role = ROLE[step.kind];
    const at = formatPortalDate(step.at);
    out.push({
      MaHoSo: plan.code,
      ThoiDiemXuLy: at,
      TrangThai: STEP_STATUS[step.kind],
      NguoiXuLy: names[role][plan.officer % OFFICERS_PER_ROLE]!,
      ChucDanh: title[role],
      PhongBanXuLy: office[role],
      NoiDungXuLy: noteOf(plan, step, supplement),
      NgayBatDau: at,
      NgayKetThucTheoQuyDinh: due,
    });
  }
}

/** Whether the plan has a step in (after, until]. */
export function changedIn(plan: DossierPlan, after: number, until: number): boolean {
  if (plan.lastAt <= after || plan.receivedAt > until) return false;
  for (const step of plan.steps) if (step.at > after && step.at <= until) return true;
  return false;
}
