/**
 * The documents of a demo day: outgoing ones of UBND tỉnh (numbered by the server) and incoming ones from the
 * Government, the ministries, the provincial party and council, the departments and the communes.
 */
import type { CreateDocumentBody, Organ } from '@ioc/shared';
import { dayIndexOf, weekdayOf } from '../../calendar/local-time.ts';
import { Rng, WeightedPicker } from '../../demo/random.ts';
import { dateOf, isWorkingDay, officeInstant, workingOnOrAfter } from './life.ts';
import type { DemoAgency } from './plan.ts';
import {
  CHAIRMAN,
  COUNCIL,
  DEPARTMENT_ABBR,
  DEPARTMENT_ORGAN_IDS,
  fill,
  GOVERNMENT,
  MINISTRIES,
  OUTGOING_SUBJECTS,
  PARTY,
  PROVINCE,
  PROVINCE_OFFICE,
  personOf,
  TOPICS,
  type Topic,
  VERBS,
  VICE_CHAIRS,
} from './vocabulary.ts';

export interface Context {
  seed: string;
  documentsPerDay: number;
  tasksPerDay: number;
  departments: DemoAgency[];
  communes: DemoAgency[];
  byCode: Map<string, DemoAgency>;
  late: Set<string>;
}

/** The departments present among `codes`, or any department. */
export function departmentsOf(ctx: Context, codes: readonly string[]): DemoAgency[] {
  const found = codes.map((c) => ctx.byCode.get(c)).filter((a): a is DemoAgency => a?.kind === 'department');
  return found.length > 0 ? found : ctx.departments;
}

export interface DocumentDraft {
  ref: string;
  at: number;
  topic: Topic;
  body: CreateDocumentBody;
}

/** [typeName, notation, weight]; a Công văn of UBND tỉnh is numbered by field: UBND-VX1, UBND-KT2… */
const OUTGOING_TYPES: [string, string, number][] = [
  ['Công văn', 'UBND', 48],
  ['Quyết định', 'QĐ-UBND', 22],
  ['Kế hoạch', 'KH-UBND', 8],
  ['Báo cáo', 'BC-UBND', 9],
  ['Thông báo', 'TB-UBND', 11],
  ['Chỉ thị', 'CT-UBND', 2],
];
const outgoingTypes = new WeightedPicker(OUTGOING_TYPES, (t) => t[2]);

/** Topics weighted for a month: in season three times as likely, out of season rare. */
const topicPickers = new Map<number, WeightedPicker<Topic>>();
export function topicFor(rng: Rng, month: number): Topic {
  let picker = topicPickers.get(month);
  if (!picker) {
    picker = new WeightedPicker(TOPICS, (t) => (t.months ? (t.months.includes(month) ? 3 : 0.15) : (t.weight ?? 1)));
    topicPickers.set(month, picker);
  }
  return picker.pick(rng);
}

/** Busier early in the week; the make-up Saturdays are light. */
export function weekdayFactor(day: number): number {
  return [0.8, 1.1, 1.05, 1, 1, 0.85, 0.8][weekdayOf(day)]!;
}

/** "tháng 2/2025", "quý I/2025", "6 tháng đầu năm 2025", "năm 2024": the period a report written on `day` covers. */
export function periodOf(day: number): string {
  return calendarWordsOf(day).period;
}

interface DayWords {
  year: number;
  schoolYear: string;
  period: string;
}
const dayWords = new Map<number, DayWords>();

/** The words of a day: its year, school year and the period a report then covers. */
function calendarWordsOf(day: number): DayWords {
  let words = dayWords.get(day);
  if (!words) {
    const [y, m] = dateOf(day).split('-').map(Number) as [number, number];
    const period =
      m === 1
        ? `năm ${y - 1}`
        : m === 7
          ? `6 tháng đầu năm ${y}`
          : m === 4 || m === 10
            ? `quý ${m === 4 ? 'I' : 'III'}/${y}`
            : `tháng ${m - 1}/${y}`;
    words = { year: y, schoolYear: m >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`, period };
    dayWords.set(day, words);
  }
  return words;
}

/** The words a template may use on `day`. */
export function wordsOf(topic: Topic, day: number, rng: Rng): Record<string, string | number> {
  const { year, schoolYear, period } = calendarWordsOf(day);
  return { year, schoolYear, period, work: topic.work, plan: topic.plan, verb: rng.pick(VERBS) };
}

/** Mostly ordinary; storms in season are urgent. */
export function documentPriority(rng: Rng, topic: Topic, month: number): number {
  if (topic.key === 'storm' && topic.months?.includes(month) && rng.chance(0.3)) return 1 + rng.int(3);
  const x = rng.next();
  return x < 0.9 ? 0 : x < 0.965 ? 1 : x < 0.99 ? 2 : 3;
}

export const organOf = (agency: DemoAgency): Organ => ({
  organId: DEPARTMENT_ORGAN_IDS[agency.code] ?? null,
  organName: agency.name,
});

function outgoingDocument(ctx: Context, rng: Rng, day: number, topic: Topic): CreateDocumentBody {
  const [typeName, notation] = outgoingTypes.pick(rng);
  const month = Number(dateOf(day).slice(5, 7));
  const words = wordsOf(topic, day, rng);
  const subjectTemplate = rng.pick(OUTGOING_SUBJECTS[typeName]!);
  const field = subjectTemplate.startsWith('Tình hình') ? 'TH' : topic.field;
  const signer = typeName === 'Chỉ thị' || rng.chance(0.12) ? CHAIRMAN : VICE_CHAIRS[field];
  const units = [...departmentsOf(ctx, [...topic.lead, ...topic.co])];
  const recipients = units.slice(0, 1 + rng.int(Math.min(4, units.length))).map(organOf);
  if (topic.communes && rng.chance(0.5)) recipients.push({ organId: null, organName: 'UBND các xã, phường' });
  return {
    direction: 'outgoing',
    typeName,
    codeNotation: notation === 'UBND' ? `UBND-${field}${1 + rng.int(2)}` : notation,
    issuedDate: dateOf(day),
    issuedPlace: 'Hà Tĩnh',
    organ: PROVINCE,
    subject: fill(subjectTemplate, words),
    pageAmount: 1 + rng.int(typeName === 'Kế hoạch' || typeName === 'Quyết định' ? 15 : 4),
    signer,
    recipients,
    priority: documentPriority(rng, topic, month),
    issuedAmount: recipients.length + 2,
  };
}

/** One way a sender writes to the province. */
interface Form {
  typeName: string;
  notation: string;
  organ: Organ;
  place: string;
  /** How many of these the sender issues in a year: its numbers run up to about that. */
  perYear: number;
  subjects: string[];
  position: string;
  /** A request for a report by a date. */
  asks?: boolean;
  priority?: number;
}

type FormSpec = [typeName: string, notation: string, perYear: number, subjects: string[], position: string];

const form = (organ: Organ, place: string, spec: FormSpec, extra: Partial<Form> = {}): Form => {
  const [typeName, notation, perYear, subjects, position] = spec;
  return { typeName, notation, organ, place, perYear, subjects, position, ...extra };
};

function centralForm(rng: Rng, topic: Topic): Form {
  const ministry = MINISTRIES.find((m) => m.key === topic.ministry);
  const x = rng.next();
  if (ministry && rng.chance(0.55)) {
    const organ = { organId: ministry.organId, organName: ministry.name };
    const abbr = ministry.abbr;
    const advice = ['V/v {verb} {work}', 'V/v báo cáo kết quả {work} {period}', 'V/v hướng dẫn {work}'];
    if (x < 0.75)
      return form(organ, 'Hà Nội', ['Công văn', `${abbr}-${rng.pick(ministry.units)}`, 6000, advice, 'Thứ trưởng'], {
        asks: true,
      });
    if (x < 0.83)
      return form(organ, 'Hà Nội', [
        'Quyết định',
        `QĐ-${abbr}`,
        3000,
        ['Về việc ban hành Kế hoạch {plan}', 'Về việc công bố thủ tục hành chính liên quan đến {work}'],
        'Thứ trưởng',
      ]);
    if (x < 0.9)
      return form(organ, 'Hà Nội', [
        'Hướng dẫn',
        `HD-${abbr}`,
        150,
        ['Hướng dẫn thực hiện {work} năm {year}'],
        'Thứ trưởng',
      ]);
    if (x < 0.95)
      return form(organ, 'Hà Nội', [
        'Thông báo',
        `TB-${abbr}`,
        400,
        ['Kết luận của Bộ trưởng tại hội nghị về {work}'],
        'Chánh Văn phòng',
      ]);
    return form(organ, 'Hà Nội', ['Thông tư', `TT-${abbr}`, 60, ['Quy định chi tiết, hướng dẫn {work}'], 'Bộ trưởng']);
  }
  const { office, primeMinister, government } = GOVERNMENT;
  const urgent = topic.key === 'storm' || topic.key === 'disaster' || topic.key === 'dams';
  if (x < 0.55) {
    const subjects = [
      'V/v {verb} {work}',
      'V/v ý kiến chỉ đạo của Thủ tướng Chính phủ về {work}',
      'V/v báo cáo tình hình {work}',
    ];
    return form(office, 'Hà Nội', ['Công văn', `VPCP-${rng.pick(office.units)}`, 12000, subjects, 'Phó Chủ nhiệm'], {
      asks: true,
    });
  }
  if (x < 0.65)
    return form(office, 'Hà Nội', [
      'Thông báo',
      'TB-VPCP',
      600,
      ['Kết luận của Thủ tướng Chính phủ tại cuộc họp về {work}'],
      'Phó Chủ nhiệm',
    ]);
  if (x < 0.77)
    return form(primeMinister, 'Hà Nội', [
      'Quyết định',
      'QĐ-TTg',
      1800,
      ['Về việc phê duyệt Chương trình {plan}', 'Về việc giao nhiệm vụ thực hiện {work}'],
      'Phó Thủ tướng',
    ]);
  if (x < 0.85) {
    const spec: FormSpec = [
      'Công điện',
      'CĐ-TTg',
      150,
      ['Về việc tập trung chỉ đạo {work}', 'Về việc chủ động {work}'],
      'Thủ tướng',
    ];
    return form(primeMinister, 'Hà Nội', spec, { priority: urgent ? 2 + rng.int(2) : 1 + rng.int(2) });
  }
  if (x < 0.9)
    return form(primeMinister, 'Hà Nội', ['Chỉ thị', 'CT-TTg', 40, ['Về việc tăng cường {work}'], 'Thủ tướng']);
  if (x < 0.96)
    return form(government, 'Hà Nội', [
      'Nghị quyết',
      'NQ-CP',
      300,
      ['Về nhiệm vụ, giải pháp trọng tâm thúc đẩy {work}'],
      'Thủ tướng',
    ]);
  return form(government, 'Hà Nội', [
    'Nghị định',
    'NĐ-CP',
    350,
    ['Quy định chi tiết một số điều về {work}'],
    'Thủ tướng',
  ]);
}

function departmentForm(ctx: Context, rng: Rng, topic: Topic): Form {
  const dept = rng.chance(0.8) ? rng.pick(departmentsOf(ctx, [...topic.lead, ...topic.co])) : rng.pick(ctx.departments);
  const abbr = DEPARTMENT_ABBR[dept.code] ?? dept.code;
  const head = dept.code === 'BQLKKT' ? 'Trưởng ban' : 'Giám đốc';
  const position = rng.chance(0.3) ? head : `Phó ${head}`;
  const organ = organOf(dept);
  const x = rng.next();
  if (x < 0.35)
    return form(organ, 'Hà Tĩnh', [
      'Báo cáo',
      `BC-${abbr}`,
      600,
      ['Báo cáo kết quả {work} {period}', 'Báo cáo tiến độ {work}'],
      position,
    ]);
  if (x < 0.5)
    return form(organ, 'Hà Tĩnh', [
      'Tờ trình',
      `TTr-${abbr}`,
      400,
      ['Về việc đề nghị phê duyệt Kế hoạch {plan}', 'Về việc đề nghị ban hành văn bản chỉ đạo về {work}'],
      position,
    ]);
  const subjects = [
    'V/v đề xuất giải pháp tháo gỡ khó khăn trong {work}',
    'V/v xin ý kiến chỉ đạo về {work}',
    'V/v báo cáo tiến độ {work}',
  ];
  return form(organ, 'Hà Tĩnh', ['Công văn', `${abbr}-${rng.pick(['VP', 'NV', 'KHTC'])}`, 3000, subjects, position]);
}

function communeForm(rng: Rng, commune: DemoAgency): Form {
  const organ = { organId: null, organName: commune.name };
  const position = rng.chance(0.4) ? 'Chủ tịch' : 'Phó Chủ tịch';
  const x = rng.next();
  if (x < 0.45)
    return form(organ, 'Hà Tĩnh', [
      'Báo cáo',
      'BC-UBND',
      500,
      ['Báo cáo kết quả {work} {period}', 'Báo cáo tình hình {work} trên địa bàn'],
      position,
    ]);
  if (x < 0.6)
    return form(organ, 'Hà Tĩnh', [
      'Tờ trình',
      'TTr-UBND',
      150,
      ['Về việc đề nghị hỗ trợ kinh phí thực hiện {work}'],
      position,
    ]);
  const subjects = [
    'V/v báo cáo tiến độ {work}',
    'V/v đề nghị hướng dẫn {work}',
    'V/v đề nghị tháo gỡ vướng mắc trong {work}',
  ];
  return form(organ, 'Hà Tĩnh', ['Công văn', 'UBND', 1200, subjects, position]);
}

function provincialForm(rng: Rng): Form {
  const x = rng.next();
  if (x < 0.2)
    return form(PARTY, 'Hà Tĩnh', [
      'Kết luận',
      'KL/TU',
      300,
      ['Kết luận của Ban Thường vụ Tỉnh ủy về {work}'],
      'Phó Bí thư Thường trực',
    ]);
  if (x < 0.6)
    return form(PARTY, 'Hà Tĩnh', [
      'Công văn',
      'CV/TU',
      2500,
      ['V/v lãnh đạo, chỉ đạo {work}'],
      'Phó Bí thư Thường trực',
    ]);
  if (x < 0.7)
    return form(COUNCIL, 'Hà Tĩnh', [
      'Nghị quyết',
      'NQ-HĐND',
      120,
      ['Quy định chính sách hỗ trợ {work} trên địa bàn tỉnh'],
      'Chủ tịch',
    ]);
  const subjects = ['V/v giám sát {work}', 'V/v trả lời kiến nghị cử tri về {work}'];
  return form(COUNCIL, 'Hà Tĩnh', ['Công văn', 'HĐND', 600, subjects, 'Phó Chủ tịch']);
}

/** An incoming document arriving at `at` (ms) on `day`: issued 0–3 days earlier, numbered as its sender would. */
function incomingDocument(ctx: Context, rng: Rng, day: number, at: number, topic: Topic): CreateDocumentBody {
  const x = rng.next();
  const f =
    x < 0.5
      ? centralForm(rng, topic)
      : x < 0.65 && topic.communes && ctx.communes.length > 0
        ? communeForm(rng, rng.pick(ctx.communes))
        : x < 0.95
          ? departmentForm(ctx, rng, topic)
          : provincialForm(rng);
  let issuedDay = day - rng.int(4);
  while (issuedDay < day && !isWorkingDay(issuedDay)) issuedDay++;
  const issuedDate = dateOf(issuedDay);
  const yearStart = dayIndexOf(`${issuedDate.slice(0, 4)}-01-01`);
  const codeNumber =
    1 + Math.floor((f.perYear * (issuedDay - yearStart)) / 365) + rng.int(Math.max(3, Math.ceil(f.perYear / 250)));
  const month = Number(issuedDate.slice(5, 7));
  const personKey = ['Thủ tướng', 'Bộ trưởng'].includes(f.position) ? f.position : `${f.position}:${rng.int(3)}`;
  const routedTo = departmentsOf(ctx, topic.lead)[0]!;
  const arrival = new Date(at).toISOString();
  const body: CreateDocumentBody = {
    direction: 'incoming',
    typeName: f.typeName,
    codeNumber: String(codeNumber),
    codeNotation: f.notation,
    issuedDate,
    issuedPlace: f.place,
    organ: f.organ,
    subject: fill(rng.pick(f.subjects), wordsOf(topic, issuedDay, rng)),
    pageAmount: 1 + rng.int(f.typeName === 'Công văn' || f.typeName === 'Báo cáo' ? 4 : 20),
    signer: { position: f.position, fullName: personOf(`${f.organ.organName}:${personKey}`) },
    priority: f.priority ?? documentPriority(rng, topic, month),
    arrivalDate: arrival,
    toPlaces: [routedTo.name],
    trace: [{ ...PROVINCE_OFFICE, at: arrival, note: 'Tiếp nhận, vào sổ văn bản đến' }],
  };
  if (f.asks && rng.chance(0.3)) body.dueDate = dateOf(workingOnOrAfter(day + 7 + rng.int(14)));
  return body;
}

/** The day's documents in time order. */
export function documentsOf(ctx: Context, day: number, date: string): DocumentDraft[] {
  const rng = new Rng(`${ctx.seed}:documents:${date}`);
  const count = Math.max(0, Math.round(ctx.documentsPerDay * weekdayFactor(day) * rng.between(0.75, 1.25)));
  const times = Array.from({ length: count }, () => officeInstant(rng, day)).sort((a, b) => a - b);
  const month = Number(date.slice(5, 7));
  return times.map((at, i) => {
    const topic = topicFor(rng, month);
    const body = rng.chance(0.4) ? outgoingDocument(ctx, rng, day, topic) : incomingDocument(ctx, rng, day, at, topic);
    return { ref: `doc:${date}:${i}`, at, topic, body };
  });
}
