/**
 * Made-up applicants, officers and reasons, shaped like the real ones so that lists and tickers read naturally.
 * Surnames are drawn by their rough national frequency; nobody here is a real person or company.
 */
import { type Rng, uniformOf } from '../../demo/random.ts';

const SURNAMES: readonly string[] = [
  ...Array<string>(38).fill('Nguyễn'),
  ...Array<string>(11).fill('Trần'),
  ...Array<string>(9).fill('Lê'),
  ...Array<string>(7).fill('Phan'),
  ...Array<string>(6).fill('Võ'),
  ...Array<string>(5).fill('Hoàng'),
  ...Array<string>(4).fill('Đặng'),
  ...Array<string>(4).fill('Phạm'),
  ...Array<string>(3).fill('Bùi'),
  ...Array<string>(3).fill('Hồ'),
  ...Array<string>(2).fill('Đinh'),
  ...Array<string>(2).fill('Dương'),
  'Ngô',
  'Đỗ',
  'Đào',
  'Thái',
  'Chu',
  'Mai',
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Xuân', 'Đình', 'Công', 'Trọng', 'Thanh'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Khánh'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Tiến',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const FEMALE_GIVEN = [
  'Anh',
  'Châu',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Thủy',
  'Trang',
  'Vân',
  'Yến',
];
const COMPANY_FORMS = ['Công ty TNHH', 'Công ty TNHH', 'Công ty cổ phần', 'Công ty TNHH MTV', 'Doanh nghiệp tư nhân'];
const COMPANY_TRADES = [
  'Thương mại',
  'Xây dựng',
  'Dịch vụ',
  'Vận tải',
  'Đầu tư',
  'Thủy sản',
  'Nông nghiệp',
  'Du lịch',
  'Cơ khí',
  'Vật liệu xây dựng',
  'Thực phẩm',
  'Dược phẩm',
  'Xăng dầu',
  'Tư vấn thiết kế',
];
const COMPANY_NAMES = [
  'Hồng Lam',
  'Thiên Cầm',
  'Hương Sơn',
  'Lam Hồng',
  'Vũng Áng',
  'Xuân Thành',
  'Kỳ Anh',
  'Trường Thịnh',
  'Phúc Lộc',
  'Minh Phát',
  'Hoàng Gia',
  'An Khang',
  'Đại Việt',
  'Sông La',
  'Ngàn Phố',
  'Thành Sen',
  'Tân Phú',
  'Bắc Hà',
];

export function personName(rng: Rng): string {
  const female = rng.chance(0.5);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  return `${rng.pick(SURNAMES)} ${middle} ${rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`;
}

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_FORMS)} ${rng.pick(COMPANY_TRADES)} ${rng.pick(COMPANY_NAMES)}`;
}

/** A few officers per agency and role, fixed by the agency code: the same people sign day after day. */
export function officerName(agencyCode: string, role: string, index: number): string {
  const key = `${agencyCode}:${role}:${index}`;
  const draw = (what: string, items: readonly string[]) =>
    items[Math.floor(uniformOf(`${key}:${what}`) * items.length)]!;
  const female = uniformOf(`${key}:sex`) < 0.55;
  return `${draw('s', SURNAMES)} ${draw('m', female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${draw('g', female ? FEMALE_GIVEN : MALE_GIVEN)}`;
}

export const SUPPLEMENT_REASONS: readonly string[] = [
  'Thiếu bản sao giấy tờ tùy thân của người ủy quyền',
  'Tờ khai chưa ghi đầy đủ thông tin theo mẫu',
  'Bổ sung giấy tờ chứng minh nơi cư trú',
  'Sơ đồ thửa đất chưa khớp với hiện trạng sử dụng',
  'Thiếu văn bản ủy quyền có chứng thực',
  'Bổ sung bản vẽ thiết kế theo quy định',
  'Hợp đồng chưa có đủ chữ ký của các bên',
  'Thông tin trên tờ khai không khớp với Cơ sở dữ liệu quốc gia về dân cư',
  'Bổ sung chứng từ hoàn thành nghĩa vụ tài chính',
  'Giấy xác nhận đã hết thời hạn sử dụng',
];

export const REFUSAL_REASONS: readonly string[] = [
  'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan',
  'Thành phần hồ sơ không đúng theo quy định',
  'Người nộp không có quyền yêu cầu theo quy định',
  'Hồ sơ nộp trùng với hồ sơ đang giải quyết',
];

export const WITHDRAWAL_NOTES = {
  requested: 'Công dân đề nghị rút hồ sơ',
  stopped: 'Dừng xử lý: công dân không bổ sung hồ sơ theo yêu cầu trong thời hạn',
} as const;
