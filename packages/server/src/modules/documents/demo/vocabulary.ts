/**
 * The wording of the documents demo: what the province writes about, who writes to it, and what people say about a
 * task. Agency ids follow the national format (`000.00.00.G22`, H28 for Hà Tĩnh as the catalogue codes use) but are
 * illustrative; the people named here are invented.
 */
import { uniformOf } from '../../demo/random.ts';

/** A subject the province works on. `{year}` and `{schoolYear}` are filled from the date. */
export interface Topic {
  key: string;
  /** Noun phrase after "triển khai", "tăng cường": "công tác phòng, chống dịch sốt xuất huyết". */
  work: string;
  /** What a Kế hoạch is called: "Kế hoạch " + plan. */
  plan: string;
  /** Departments that lead it, first the usual one. */
  lead: string[];
  /** Departments that usually co-operate. */
  co: string[];
  /** Whether communes lead tasks on it. */
  communes: boolean;
  /** Ministry (MINISTRIES key) that writes about it. */
  ministry?: string;
  /** Field of a Công văn of UBND tỉnh: UBND-VX1, UBND-KT2… */
  field: 'VX' | 'KT' | 'NL' | 'XD' | 'NC' | 'TH';
  /** Months (1–12) when it is in season: far more frequent then, rare otherwise. */
  months?: number[];
  /** Relative frequency out of season (default 1). */
  weight?: number;
}

const t = (
  key: string,
  work: string,
  plan: string,
  lead: string[],
  co: string[],
  field: Topic['field'],
  opts: { communes?: boolean; ministry?: string; months?: number[]; weight?: number } = {},
): Topic => ({ key, work, plan, lead, co, field, communes: opts.communes ?? true, ...opts });

export const TOPICS: Topic[] = [
  t(
    'disaster',
    'công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
    'phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}',
    ['SNNMT'],
    ['CAT', 'SXD', 'SCT'],
    'NL',
    { ministry: 'BNNMT', months: [3, 4, 5, 6] },
  ),
  t(
    'storm',
    'công tác ứng phó với bão, mưa lũ và ngập lụt',
    'ứng phó với bão, lũ, ngập lụt mùa mưa bão năm {year}',
    ['SNNMT', 'CAT'],
    ['SXD', 'SYT', 'SCT'],
    'NL',
    { ministry: 'BNNMT', months: [8, 9, 10, 11] },
  ),
  t(
    'dams',
    'công tác bảo đảm an toàn hồ đập, đê điều mùa mưa lũ',
    'bảo đảm an toàn hồ chứa nước, đê điều năm {year}',
    ['SNNMT', 'SCT'],
    ['SXD', 'CAT'],
    'NL',
    { months: [7, 8, 9, 10] },
  ),
  t(
    'dengue',
    'công tác phòng, chống dịch sốt xuất huyết',
    'phòng, chống dịch bệnh sốt xuất huyết năm {year}',
    ['SYT'],
    ['SGDDT', 'SNNMT'],
    'VX',
    { ministry: 'BYT', months: [5, 6, 7, 8, 9, 10, 11] },
  ),
  t(
    'epidemics',
    'công tác phòng, chống dịch bệnh truyền nhiễm',
    'phòng, chống dịch bệnh truyền nhiễm năm {year}',
    ['SYT'],
    ['SGDDT', 'SNNMT', 'CAT'],
    'VX',
    { ministry: 'BYT' },
  ),
  t('vaccination', 'công tác tiêm chủng mở rộng', 'tiêm chủng mở rộng năm {year}', ['SYT'], ['SGDDT', 'STC'], 'VX', {
    ministry: 'BYT',
  }),
  t(
    'food',
    'công tác bảo đảm an toàn thực phẩm dịp Tết và mùa lễ hội',
    'bảo đảm an toàn thực phẩm Tết Nguyên đán và mùa lễ hội Xuân',
    ['SYT'],
    ['SCT', 'SNNMT', 'CAT'],
    'VX',
    { ministry: 'BYT', months: [11, 12, 1, 2] },
  ),
  t(
    'school',
    'nhiệm vụ năm học {schoolYear}',
    'thực hiện nhiệm vụ năm học {schoolYear}',
    ['SGDDT'],
    ['STC', 'SNV', 'SYT'],
    'VX',
    { ministry: 'BGDDT', months: [7, 8, 9] },
  ),
  t(
    'exam',
    'Kỳ thi tốt nghiệp trung học phổ thông năm {year}',
    'tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm {year}',
    ['SGDDT'],
    ['CAT', 'SYT', 'SCT'],
    'VX',
    { communes: false, ministry: 'BGDDT', months: [2, 3, 4, 5, 6] },
  ),
  t(
    'investment',
    'công tác giải ngân kế hoạch vốn đầu tư công năm {year}',
    'đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {year}',
    ['STC', 'SXD'],
    ['SNNMT', 'BQLKKT'],
    'KT',
    { ministry: 'BTC' },
  ),
  t(
    'budget',
    'công tác thu ngân sách nhà nước năm {year}',
    'tăng cường thu, chống thất thu ngân sách nhà nước năm {year}',
    ['STC'],
    ['SNNMT', 'CAT'],
    'KT',
    { ministry: 'BTC' },
  ),
  t(
    'reform',
    'công tác cải cách hành chính, nâng cao Chỉ số PAR INDEX',
    'cải cách hành chính năm {year}',
    ['SNV'],
    ['STP', 'SKHCN'],
    'NC',
    { ministry: 'BNV' },
  ),
  t(
    'digital',
    'chuyển đổi số và phát triển chính quyền số',
    'chuyển đổi số tỉnh Hà Tĩnh năm {year}',
    ['SKHCN'],
    ['SNV', 'CAT', 'STC'],
    'VX',
    { ministry: 'BKHCN' },
  ),
  t(
    'de06',
    'Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử',
    'triển khai Đề án 06 năm {year}',
    ['CAT'],
    ['SKHCN', 'SNV', 'SYT'],
    'NC',
    { ministry: 'BCA' },
  ),
  t(
    'tourism',
    'công tác chuẩn bị và quản lý mùa du lịch biển năm {year}',
    'phát triển du lịch và tổ chức mùa du lịch biển năm {year}',
    ['SVHTTDL'],
    ['CAT', 'SYT', 'SCT'],
    'VX',
    { ministry: 'BVHTTDL', months: [3, 4, 5, 6, 7] },
  ),
  t(
    'festivals',
    'công tác quản lý, tổ chức lễ hội đầu năm',
    'tổ chức các hoạt động văn hóa, lễ hội Xuân năm {year}',
    ['SVHTTDL'],
    ['CAT', 'SYT'],
    'VX',
    { ministry: 'BVHTTDL', months: [1, 2, 3] },
  ),
  t(
    'construction',
    'công tác quản lý trật tự xây dựng',
    'tăng cường quản lý trật tự xây dựng năm {year}',
    ['SXD'],
    ['CAT', 'SNNMT'],
    'XD',
    { ministry: 'BXD' },
  ),
  t(
    'housing',
    'chương trình xóa nhà tạm, nhà dột nát',
    'xóa nhà tạm, nhà dột nát năm {year}',
    ['SXD', 'SNV'],
    ['STC', 'SNNMT'],
    'XD',
    { ministry: 'BXD' },
  ),
  t(
    'traffic',
    'công tác bảo đảm trật tự, an toàn giao thông',
    'bảo đảm trật tự, an toàn giao thông năm {year}',
    ['CAT', 'SXD'],
    ['SGDDT', 'SYT'],
    'NC',
    { ministry: 'BCA' },
  ),
  t(
    'clearance',
    'công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm',
    'giải phóng mặt bằng các dự án trọng điểm năm {year}',
    ['SNNMT', 'SXD'],
    ['STC', 'CAT'],
    'NL',
    { weight: 0.5 },
  ),
  t(
    'land',
    'công tác cấp giấy chứng nhận quyền sử dụng đất',
    'đẩy mạnh cấp giấy chứng nhận quyền sử dụng đất năm {year}',
    ['SNNMT'],
    ['STP', 'STC'],
    'NL',
    { weight: 0.5, ministry: 'BNNMT' },
  ),
  t(
    'ruralnew',
    'Chương trình mục tiêu quốc gia xây dựng nông thôn mới',
    'xây dựng nông thôn mới năm {year}',
    ['SNNMT'],
    ['STC', 'SXD', 'SCT'],
    'NL',
    { weight: 0.5, ministry: 'BNNMT' },
  ),
  t(
    'environment',
    'công tác thu gom, xử lý rác thải sinh hoạt',
    'bảo vệ môi trường, xử lý rác thải sinh hoạt năm {year}',
    ['SNNMT'],
    ['SXD', 'SYT'],
    'NL',
    { weight: 0.5, ministry: 'BNNMT' },
  ),
  t(
    'iuu',
    'công tác chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU)',
    'chống khai thác IUU năm {year}',
    ['SNNMT'],
    ['CAT'],
    'NL',
    { weight: 0.5, ministry: 'BNNMT' },
  ),
  t(
    'market',
    'công tác bình ổn thị trường, giá cả dịp Tết Nguyên đán',
    'bảo đảm cân đối cung cầu, bình ổn thị trường dịp Tết Nguyên đán',
    ['SCT'],
    ['STC', 'CAT', 'SNNMT'],
    'KT',
    { communes: false, ministry: 'BCT', months: [11, 12, 1] },
  ),
  t(
    'power',
    'công tác bảo đảm cung ứng điện mùa nắng nóng',
    'bảo đảm cung ứng điện năm {year}',
    ['SCT'],
    ['BQLKKT', 'SXD'],
    'KT',
    { communes: false, ministry: 'BCT', months: [4, 5, 6, 7] },
  ),
  t(
    'economiczone',
    'công tác thu hút đầu tư vào Khu kinh tế Vũng Áng',
    'xúc tiến đầu tư vào Khu kinh tế Vũng Áng năm {year}',
    ['BQLKKT'],
    ['STC', 'SNNMT', 'SXD'],
    'KT',
    { communes: false },
  ),
  t(
    'law',
    'công tác phổ biến, giáo dục pháp luật',
    'phổ biến, giáo dục pháp luật năm {year}',
    ['STP'],
    ['SNV', 'CAT'],
    'NC',
    { ministry: 'BTP' },
  ),
  t(
    'apparatus',
    'việc sắp xếp tổ chức bộ máy, bố trí cán bộ, công chức',
    'sắp xếp tổ chức bộ máy các cơ quan, đơn vị năm {year}',
    ['SNV'],
    ['STC', 'STP'],
    'NC',
    { ministry: 'BNV' },
  ),
  t(
    'fire',
    'công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ',
    'phòng cháy, chữa cháy và cứu nạn, cứu hộ năm {year}',
    ['CAT'],
    ['SCT', 'SXD', 'SNNMT'],
    'NC',
    { ministry: 'BCA', months: [4, 5, 6, 7, 8] },
  ),
];

export interface Ministry {
  key: string;
  organId: string;
  name: string;
  /** As it appears in a notation: 123/BYT-DP. */
  abbr: string;
  /** Departments of the ministry that sign Công văn. */
  units: string[];
}

export const MINISTRIES: Ministry[] = [
  { key: 'BNV', organId: '000.00.00.G14', name: 'Bộ Nội vụ', abbr: 'BNV', units: ['CCVC', 'TCBC', 'CQĐP', 'CCHC'] },
  { key: 'BTC', organId: '000.00.00.G16', name: 'Bộ Tài chính', abbr: 'BTC', units: ['NSNN', 'ĐT', 'QLCS', 'KTĐP'] },
  { key: 'BYT', organId: '000.00.00.G22', name: 'Bộ Y tế', abbr: 'BYT', units: ['DP', 'KCB', 'ATTP', 'MT'] },
  {
    key: 'BGDDT',
    organId: '000.00.00.G07',
    name: 'Bộ Giáo dục và Đào tạo',
    abbr: 'BGDĐT',
    units: ['GDPT', 'QLCL', 'GDMN', 'NGCBQLGD'],
  },
  {
    key: 'BNNMT',
    organId: '000.00.00.G15',
    name: 'Bộ Nông nghiệp và Môi trường',
    abbr: 'BNNMT',
    units: ['ĐĐ', 'TL', 'TS', 'MT', 'QLĐĐ'],
  },
  { key: 'BCA', organId: '000.00.00.G02', name: 'Bộ Công an', abbr: 'BCA', units: ['C06', 'V03', 'C08', 'C07'] },
  { key: 'BXD', organId: '000.00.00.G23', name: 'Bộ Xây dựng', abbr: 'BXD', units: ['QLN', 'KTXD', 'HTKT', 'QHKT'] },
  { key: 'BCT', organId: '000.00.00.G03', name: 'Bộ Công Thương', abbr: 'BCT', units: ['TTTN', 'ĐL', 'QLTT'] },
  {
    key: 'BVHTTDL',
    organId: '000.00.00.G21',
    name: 'Bộ Văn hóa, Thể thao và Du lịch',
    abbr: 'BVHTTDL',
    units: ['DL', 'VHCS', 'DSVH'],
  },
  {
    key: 'BKHCN',
    organId: '000.00.00.G10',
    name: 'Bộ Khoa học và Công nghệ',
    abbr: 'BKHCN',
    units: ['CĐSQG', 'KHTC', 'BCVT'],
  },
  { key: 'BTP', organId: '000.00.00.G19', name: 'Bộ Tư pháp', abbr: 'BTP', units: ['PBGDPL', 'VĐCXDPL', 'KTrVB'] },
];

export const GOVERNMENT = {
  office: {
    organId: '000.00.00.G01',
    organName: 'Văn phòng Chính phủ',
    units: ['KGVX', 'KTTH', 'NN', 'CN', 'QHĐP', 'TCCV'],
  },
  primeMinister: { organId: '000.00.00.G00', organName: 'Thủ tướng Chính phủ' },
  government: { organId: '000.00.00.G00', organName: 'Chính phủ' },
};

export const PROVINCE = { organId: '000.00.00.H28', organName: 'UBND tỉnh Hà Tĩnh' };
export const PROVINCE_OFFICE = { organId: '000.00.01.H28', organName: 'Văn phòng UBND tỉnh Hà Tĩnh' };
export const PARTY = { organId: '000.00.00.H28.TU', organName: 'Tỉnh ủy Hà Tĩnh' };
export const COUNCIL = { organId: '000.00.00.H28.HĐND', organName: 'Hội đồng nhân dân tỉnh Hà Tĩnh' };

/** National-format ids of the provincial departments (illustrative). */
export const DEPARTMENT_ORGAN_IDS: Record<string, string> = Object.fromEntries(
  ['SNV', 'STC', 'STP', 'SXD', 'SCT', 'SNNMT', 'SYT', 'SGDDT', 'SVHTTDL', 'SKHCN', 'CAT', 'BQLKKT'].map((code, i) => [
    code,
    `000.00.${String(11 + i)}.H28`,
  ]),
);

/** How a department writes its own abbreviation in a notation. */
export const DEPARTMENT_ABBR: Record<string, string> = { SGDDT: 'SGDĐT' };

/** Leaders of UBND tỉnh (invented): the chairman, and a vice-chairman per field. */
export const CHAIRMAN = { position: 'Chủ tịch', fullName: 'Trần Minh Khôi' };
export const VICE_CHAIRS: Record<Topic['field'], { position: string; fullName: string }> = {
  VX: { position: 'Phó Chủ tịch', fullName: 'Lê Thị Thanh Hương' },
  KT: { position: 'Phó Chủ tịch', fullName: 'Nguyễn Đức Trung' },
  NL: { position: 'Phó Chủ tịch', fullName: 'Phan Văn Hậu' },
  XD: { position: 'Phó Chủ tịch', fullName: 'Phan Văn Hậu' },
  NC: { position: 'Phó Chủ tịch', fullName: 'Đỗ Quang Vinh' },
  TH: { position: 'Phó Chủ tịch', fullName: 'Nguyễn Đức Trung' },
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Xuân', 'Công', 'Ngọc', 'Thị Thu', 'Anh'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hải',
  'Hòa',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Toàn',
  'Tuấn',
  'Vinh',
  'Yến',
  'Lan',
  'Mai',
  'Nga',
  'Thảo',
];

/** An invented person who signs for an agency, fixed by the key: each agency has a few. */
const people = new Map<string, string>();
const nameOf = (key: string, what: string, items: readonly string[]) =>
  items[Math.floor(uniformOf(`${key}:${what}`) * items.length)]!;

export function personOf(key: string): string {
  let name = people.get(key);
  if (name === undefined) {
    name = `${nameOf(key, 'surname', SURNAMES)} ${nameOf(key, 'middle', MIDDLES)} ${nameOf(key, 'given', GIVEN)}`;
    people.set(key, name);
  }
  return name;
}

export const VERBS = ['triển khai', 'tăng cường', 'đẩy mạnh', 'tiếp tục thực hiện', 'chấn chỉnh, nâng cao hiệu quả'];

/** Subjects of outgoing documents by type; `{work}`, `{plan}`, `{period}` and `{verb}` are filled in. */
export const OUTGOING_SUBJECTS: Record<string, string[]> = {
  'Quyết định': [
    'Về việc phê duyệt Kế hoạch {plan}',
    'Về việc thành lập Tổ công tác liên ngành về {work}',
    'Về việc ban hành Quy chế phối hợp trong {work}',
    'Về việc giao nhiệm vụ thực hiện {work} năm {year}',
    'Về việc phân bổ kinh phí thực hiện {work} năm {year}',
  ],
  'Công văn': [
    'V/v {verb} {work}',
    'V/v {verb} {work}',
    'V/v thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ về {work}',
    'V/v giao tham mưu, đề xuất giải pháp về {work}',
    'V/v báo cáo kết quả {work} {period}',
  ],
  'Kế hoạch': ['Kế hoạch {plan}', 'Kế hoạch triển khai thực hiện {work}'],
  'Chỉ thị': ['Về việc tăng cường {work}', 'Về việc chấn chỉnh, nâng cao hiệu quả {work}'],
  'Thông báo': [
    'Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về {work}',
    'Ý kiến chỉ đạo của Lãnh đạo UBND tỉnh về {work}',
  ],
  'Báo cáo': ['Báo cáo kết quả {work} {period}', 'Tình hình kinh tế - xã hội {period}'],
};

/** Task titles for a department lead and for a commune lead. */
export const DEPARTMENT_TITLES = [
  'Tham mưu UBND tỉnh ban hành Kế hoạch {plan}',
  'Chủ trì, phối hợp triển khai {work} trên địa bàn tỉnh',
  'Báo cáo kết quả {work} {period}',
  'Rà soát, kiểm tra {work} tại các địa phương',
  'Tổng hợp, đánh giá tình hình {work}, đề xuất giải pháp',
  'Hướng dẫn các xã, phường thực hiện {work}',
  'Xây dựng dự thảo văn bản chỉ đạo về {work}',
];
export const COMMUNE_TITLES = [
  'Triển khai {work} trên địa bàn',
  'Báo cáo UBND tỉnh kết quả {work} {period}',
  'Rà soát, kiểm tra {work} tại địa phương',
  'Huy động lực lượng, tập trung thực hiện {work}',
];

/** Progress reports by stage: up to 29 %, 30–69 %, 70–99 %, done. `{n}` is a small count. */
export const REPORT_TEXTS: [string[], string[], string[], string[]] = [
  [
    'Đã tiếp nhận nhiệm vụ, giao phòng chuyên môn chủ trì tham mưu.',
    'Đã ban hành văn bản triển khai, đề nghị các đơn vị liên quan cung cấp thông tin.',
    'Đang thu thập số liệu, rà soát hồ sơ liên quan.',
  ],
  [
    'Đã tổ chức họp với các đơn vị phối hợp; đang hoàn thiện dự thảo.',
    'Đã tổng hợp số liệu của {n} đơn vị; đang rà soát, đối chiếu.',
    'Đã kiểm tra thực tế tại {n} địa điểm; đang tổng hợp kết quả.',
    'Dự thảo đã gửi lấy ý kiến các cơ quan, đơn vị liên quan.',
  ],
  [
    'Đã tiếp thu ý kiến góp ý, hoàn thiện dự thảo trình UBND tỉnh.',
    'Cơ bản hoàn thành; đang hoàn chỉnh báo cáo.',
    'Đã thẩm định xong, chuẩn bị trình ký.',
  ],
  [
    'Đã hoàn thành nhiệm vụ; báo cáo kết quả gửi UBND tỉnh (qua Văn phòng UBND tỉnh).',
    'Hoàn thành: đã trình UBND tỉnh dự thảo văn bản theo yêu cầu.',
    'Đã hoàn thành, kết quả chi tiết tại báo cáo kèm theo.',
  ],
];

export const EXTENSION_REASONS = [
  'Cần thêm thời gian tổng hợp số liệu từ các xã, phường và đơn vị liên quan.',
  'Đang chờ ý kiến thẩm định, góp ý của các bộ, ngành Trung ương.',
  'Ảnh hưởng của mưa lũ kéo dài, lực lượng phải tập trung ứng phó.',
  'Hồ sơ phải bổ sung, hoàn thiện theo ý kiến của cơ quan thẩm định.',
  'Nội dung phức tạp, liên quan nhiều ngành; cần tổ chức thêm cuộc họp thống nhất.',
];
export const APPROVALS = [
  'Đồng ý gia hạn đến ngày {due}; yêu cầu hoàn thành đúng thời hạn mới.',
  'Đồng ý gia hạn. Đề nghị đơn vị không đề xuất gia hạn thêm.',
];
export const REFUSALS = [
  'Không đồng ý gia hạn; yêu cầu khẩn trương hoàn thành theo thời hạn đã giao.',
  'Không gia hạn: nội dung cấp bách, đề nghị tập trung nhân lực hoàn thành ngay.',
];
export const REMINDERS = [
  'Nhiệm vụ đã quá hạn {late} ngày (hạn {due}). Đề nghị {unit} khẩn trương hoàn thành, báo cáo UBND tỉnh.',
  'Nhắc lần {count}: nhiệm vụ quá hạn {late} ngày. Đề nghị {unit} báo cáo rõ nguyên nhân chậm và thời gian hoàn thành.',
];
export const ESCALATIONS = [
  'Nhiệm vụ quá hạn {late} ngày, đã nhắc {count} lần nhưng chưa hoàn thành; báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo.',
  'Đề nghị đưa vào nội dung kiểm điểm trách nhiệm người đứng đầu {unit} do chậm thực hiện kéo dài.',
];
export const COMMENTS = [
  'Đề nghị {unit} phối hợp chặt chẽ với các đơn vị liên quan trong quá trình thực hiện.',
  'Lưu ý bám sát ý kiến chỉ đạo của Trung ương, kịp thời báo cáo những khó khăn, vướng mắc.',
  'Đề nghị bổ sung số liệu cụ thể theo từng địa phương trong báo cáo.',
  'Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.',
];
export const CANCELLATIONS = [
  'Dừng thực hiện: nội dung đã được lồng ghép vào nhiệm vụ khác.',
  'Thu hồi nhiệm vụ do chủ trương đã thay đổi theo chỉ đạo mới của Trung ương.',
  'Hủy nhiệm vụ do giao trùng với nhiệm vụ đã giao trước đó.',
];

/** Fills `{name}` placeholders, twice so a filled phrase may carry its own (`{year}` inside `{plan}`). */
export function fill(template: string, vars: Record<string, string | number>): string {
  let text = template;
  for (let pass = 0; pass < 2 && text.includes('{'); pass++) {
    let out = '';
    let at = 0;
    for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', at)) {
      const close = text.indexOf('}', open);
      if (close < 0) break;
      const value = vars[text.slice(open + 1, close)];
      out += text.slice(at, open) + (value === undefined ? text.slice(open, close + 1) : String(value));
      at = close + 1;
    }
    text = out + text.slice(at);
  }
  return text;
}
