/**
 * Demo feedback (PAKN) for a day: a few items a working day about the agencies, most answered within the 15
 * working days, some late, a few rated unsatisfied; deterministic per seed and day, like the dossiers.
 */
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import { Rng } from '../../demo/random.ts';
import type { NewFeedback } from '../feedback/feedback.repo.ts';

export interface FeedbackAgency {
  code: string;
  unitId: string;
}

const SUBJECTS = [
  ['Chậm trả kết quả hồ sơ', 'Hồ sơ nộp đã quá hẹn nhưng chưa nhận được kết quả.'],
  ['Yêu cầu bổ sung giấy tờ nhiều lần', 'Cán bộ yêu cầu bổ sung giấy tờ lần thứ hai không rõ lý do.'],
  ['Cổng dịch vụ công lỗi thanh toán', 'Thanh toán trực tuyến lệ phí không thành công.'],
  ['Thái độ tiếp dân', 'Đề nghị chấn chỉnh thái độ của cán bộ bộ phận một cửa.'],
  ['Hướng dẫn thủ tục chưa rõ', 'Thành phần hồ sơ trên cổng khác với hướng dẫn tại quầy.'],
  ['Kiến nghị rút ngắn thời gian', 'Đề nghị rút ngắn thời gian giải quyết thủ tục.'],
] as const;

export function demoFeedbackOfDay(
  seed: string,
  date: string,
  agencies: readonly FeedbackAgency[],
  calendar: WorkingCalendar,
  asOf: Date,
): NewFeedback[] {
  if (!calendar.isWorkingDay(date)) return [];
  const rng = new Rng(`${seed}:pakn:${date}`);
  const count = rng.int(7);
  const out: NewFeedback[] = [];
  for (let i = 0; i < count; i++) {
    const received = new Date(`${date}T08:00:00+07:00`).getTime() + rng.int(8 * 3600) * 1000;
    if (received > asOf.getTime()) continue;
    const agency = rng.pick(agencies);
    const due = calendar.addWorkingDays(new Date(received), 15);
    // Most are answered in 3–14 working days; one in ten runs past the deadline.
    const days = rng.chance(0.1) ? rng.between(15.2, 25) : rng.between(3, 14);
    const answeredAt = calendar.addWorkingDays(new Date(received), days);
    const answered = answeredAt.getTime() <= asOf.getTime();
    const roll = rng.next();
    const satisfaction = !answered ? null : roll < 0.8 ? 'satisfied' : roll < 0.93 ? 'neutral' : 'unsatisfied';
    const [subject, content] = rng.pick(SUBJECTS);
    out.push({
      code: `PAKN-${date.replaceAll('-', '')}-${String(i + 1).padStart(2, '0')}`,
      kind: rng.chance(0.7) ? 'feedback' : 'petition',
      subject,
      content,
      dossier_code: null,
      procedure_code: null,
      agency_code: agency.code,
      unit_id: agency.unitId,
      channel: rng.pick(['portal', 'hotline', 'in person']),
      received_at: new Date(received).toISOString(),
      due_at: due.toISOString(),
      in_remit: 1,
      status: answered ? 'answered' : 'in_progress',
      answered_at: answered ? answeredAt.toISOString() : null,
      answer: answered ? 'Đã xem xét và trả lời công dân.' : null,
      satisfaction,
      created_by: 'demo',
      updated_at: (answered ? answeredAt : new Date(received)).toISOString(),
    });
  }
  return out;
}
