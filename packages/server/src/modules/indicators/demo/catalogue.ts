/**
 * The demo catalogue of the socio-economic indicator subsystem: what a Vietnamese province's monthly and quarterly
 * socio-economic report is made of, as data elements (what units report), indicators (formulas over them), constants
 * and data sets (who reports what, by when). Figures a real deployment must confirm are the data, not this catalogue.
 *
 * Aggregation: `sum` for flows (revenue, output, cases, arrivals); `last` for stocks (population, households, poor
 * households, areas, enterprises operating) and for year-to-date figures (disbursement, GRDP growth), whose latest
 * value is the period's value; `average` only for levels whose yearly figure is by definition the mean of the months
 * (CPI, the industrial production index, bed occupancy). Forest cover is not an averaged percentage: it is a ratio of
 * two `last` areas, so a province's cover weighs each commune by its land.
 */

export interface DemoElement {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  valueType: 'number' | 'integer' | 'percent';
  aggregation: 'sum' | 'average' | 'last';
  frequency: 'month' | 'quarter' | 'year';
  owner: string;
  categories?: string[];
  minValue?: number | null;
  maxValue?: number | null;
  /** Who reports it: each of the 69 communes (the 210 old ones before July 2025), or the province (unit '42'). */
  level: 'commune' | 'province';
}

export interface DemoIndicator {
  code: string;
  name: string;
  nameEn: string;
  formula: string;
  unit: string;
  decimals: number;
  direction: 'up' | 'down';
  description?: string;
}

export interface DemoConstant {
  code: string;
  name: string;
  value: number;
}

export interface DemoDataSet {
  code: string;
  name: string;
  nameEn: string;
  frequency: 'month' | 'quarter';
  level: 'commune' | 'province';
  elements: string[];
  /** Deadline = period start + dueDays days at dueTime (HH:MM, UTC+7); entry locks at period start + lockDays days. */
  dueDays: number;
  dueTime: string;
  lockDays: number;
}

const TAX = 'Thuế tỉnh Hà Tĩnh';
const FINANCE = 'Sở Tài chính';
const STATISTICS = 'Chi cục Thống kê tỉnh Hà Tĩnh';
const TRADE = 'Sở Công Thương';
const AGRICULTURE = 'Sở Nông nghiệp và Môi trường';
const HEALTH = 'Sở Y tế';
const EDUCATION = 'Sở Giáo dục và Đào tạo';
const CULTURE = 'Sở Văn hóa, Thể thao và Du lịch';
const HOME_AFFAIRS = 'Sở Nội vụ';
const POLICE = 'Công an tỉnh';
const SOCIAL_INSURANCE = 'Bảo hiểm xã hội tỉnh Hà Tĩnh';

type Spec = Omit<DemoElement, 'level' | 'frequency'> & Partial<Pick<DemoElement, 'frequency'>>;
const commune = (e: Spec): DemoElement => ({ frequency: 'month', minValue: 0, ...e, level: 'commune' });
const province = (e: Spec): DemoElement => ({ frequency: 'month', minValue: 0, ...e, level: 'province' });

export const DEMO_ELEMENTS: DemoElement[] = [
  // Monthly commune economic report.
  commune({
    code: 'BUDGET_REV',
    name: 'Thu ngân sách nhà nước trên địa bàn',
    nameEn: 'State budget revenue collected in the area',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    owner: TAX,
    // Import-export duties are collected where the goods cross: Vũng Áng port and the Cầu Treo border gate.
    categories: ['TAX_FEES', 'LAND_USE', 'IMPORT_EXPORT'],
  }),
  commune({
    code: 'RETAIL_SALES',
    name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    nameEn: 'Retail sales of goods and consumer services',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    owner: TRADE,
  }),
  commune({
    code: 'TOURISTS',
    name: 'Lượt khách du lịch',
    nameEn: 'Tourist arrivals',
    unit: 'lượt',
    valueType: 'integer',
    aggregation: 'sum',
    owner: CULTURE,
  }),
  commune({
    code: 'TOURISTS_OVERNIGHT',
    name: 'Lượt khách du lịch lưu trú',
    nameEn: 'Overnight tourist arrivals',
    unit: 'lượt',
    valueType: 'integer',
    aggregation: 'sum',
    owner: CULTURE,
  }),
  commune({
    code: 'TOURISTS_INTL',
    name: 'Lượt khách du lịch quốc tế',
    nameEn: 'International tourist arrivals',
    unit: 'lượt',
    valueType: 'integer',
    aggregation: 'sum',
    owner: CULTURE,
  }),
  commune({
    code: 'ACCOM_REVENUE',
    name: 'Doanh thu dịch vụ lưu trú, ăn uống',
    nameEn: 'Accommodation and food service revenue',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    owner: CULTURE,
  }),
  commune({
    code: 'NEW_ENTERPRISES',
    name: 'Số doanh nghiệp thành lập mới',
    nameEn: 'Newly registered enterprises',
    unit: 'doanh nghiệp',
    valueType: 'integer',
    aggregation: 'sum',
    owner: FINANCE,
  }),
  commune({
    code: 'ENTERPRISES_DISSOLVED',
    name: 'Số doanh nghiệp giải thể',
    nameEn: 'Enterprises dissolved',
    unit: 'doanh nghiệp',
    valueType: 'integer',
    aggregation: 'sum',
    owner: FINANCE,
  }),
  commune({
    code: 'ENTERPRISES_ACTIVE',
    name: 'Số doanh nghiệp đang hoạt động',
    nameEn: 'Enterprises operating',
    unit: 'doanh nghiệp',
    valueType: 'integer',
    aggregation: 'last',
    owner: FINANCE,
  }),
  commune({
    code: 'RICE_OUTPUT',
    name: 'Sản lượng lúa',
    nameEn: 'Rice output',
    unit: 'tấn',
    valueType: 'number',
    aggregation: 'sum',
    owner: AGRICULTURE,
  }),
  commune({
    code: 'AQUA_OUTPUT',
    name: 'Sản lượng nuôi trồng thủy sản',
    nameEn: 'Aquaculture output',
    unit: 'tấn',
    valueType: 'number',
    aggregation: 'sum',
    owner: AGRICULTURE,
  }),

  // Monthly commune social report.
  commune({
    code: 'POP',
    name: 'Dân số',
    nameEn: 'Population',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'last',
    owner: STATISTICS,
    categories: ['MALE', 'FEMALE'],
  }),
  commune({
    code: 'POP_URBAN',
    name: 'Dân số thành thị',
    nameEn: 'Urban population',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'last',
    owner: STATISTICS,
  }),
  commune({
    code: 'HOUSEHOLDS',
    name: 'Số hộ dân cư',
    nameEn: 'Households',
    unit: 'hộ',
    valueType: 'integer',
    aggregation: 'last',
    owner: STATISTICS,
  }),
  commune({
    code: 'POOR_HH',
    name: 'Số hộ nghèo',
    nameEn: 'Poor households',
    unit: 'hộ',
    valueType: 'integer',
    aggregation: 'last',
    owner: AGRICULTURE,
  }),
  commune({
    code: 'NEAR_POOR_HH',
    name: 'Số hộ cận nghèo',
    nameEn: 'Near-poor households',
    unit: 'hộ',
    valueType: 'integer',
    aggregation: 'last',
    owner: AGRICULTURE,
  }),
  commune({
    code: 'HEALTH_INSURED',
    name: 'Số người tham gia bảo hiểm y tế',
    nameEn: 'People covered by health insurance',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'last',
    owner: SOCIAL_INSURANCE,
  }),
  commune({
    code: 'LABOUR_TRAINED',
    name: 'Số lao động được đào tạo nghề',
    nameEn: 'Workers given vocational training',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'sum',
    owner: EDUCATION,
  }),
  commune({
    code: 'JOBS_CREATED',
    name: 'Số lao động được tạo việc làm mới',
    nameEn: 'New jobs created',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HOME_AFFAIRS,
  }),
  commune({
    code: 'WORKERS_ABROAD',
    name: 'Số người đi làm việc ở nước ngoài theo hợp đồng',
    nameEn: 'Workers leaving to work abroad under contract',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HOME_AFFAIRS,
  }),
  commune({
    code: 'TRAFFIC_ACCIDENTS',
    name: 'Số vụ tai nạn giao thông',
    nameEn: 'Traffic accidents',
    unit: 'vụ',
    valueType: 'integer',
    aggregation: 'sum',
    owner: POLICE,
  }),
  commune({
    code: 'TRAFFIC_DEATHS',
    name: 'Số người chết do tai nạn giao thông',
    nameEn: 'Traffic deaths',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'sum',
    owner: POLICE,
  }),

  // Monthly commune health station report.
  commune({
    code: 'BIRTHS',
    name: 'Số trẻ sinh ra',
    nameEn: 'Live births',
    unit: 'trẻ',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'DENGUE_CASES',
    name: 'Số ca mắc sốt xuất huyết',
    nameEn: 'Dengue cases',
    unit: 'ca',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'HFMD_CASES',
    name: 'Số ca mắc tay chân miệng',
    nameEn: 'Hand, foot and mouth disease cases',
    unit: 'ca',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'INFANTS_DUE',
    name: 'Số trẻ dưới 1 tuổi cần tiêm chủng đầy đủ',
    nameEn: 'Infants due for full immunisation',
    unit: 'trẻ',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'INFANTS_VACCINATED',
    name: 'Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ',
    nameEn: 'Infants fully immunised',
    unit: 'trẻ',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'OUTPATIENT_VISITS',
    name: 'Lượt khám bệnh',
    nameEn: 'Outpatient visits',
    unit: 'lượt',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),
  commune({
    code: 'INPATIENTS',
    name: 'Lượt điều trị nội trú',
    nameEn: 'Inpatient admissions',
    unit: 'lượt',
    valueType: 'integer',
    aggregation: 'sum',
    owner: HEALTH,
  }),

  // Quarterly commune report: land, forest, schools.
  commune({
    code: 'NATURAL_AREA',
    name: 'Diện tích đất tự nhiên',
    nameEn: 'Natural land area',
    unit: 'ha',
    valueType: 'number',
    aggregation: 'last',
    frequency: 'quarter',
    owner: AGRICULTURE,
  }),
  commune({
    code: 'FOREST_AREA',
    name: 'Diện tích đất có rừng',
    nameEn: 'Forested area',
    unit: 'ha',
    valueType: 'number',
    aggregation: 'last',
    frequency: 'quarter',
    owner: AGRICULTURE,
  }),
  commune({
    code: 'PUPILS',
    name: 'Số học sinh',
    nameEn: 'Pupils enrolled',
    unit: 'học sinh',
    valueType: 'integer',
    aggregation: 'last',
    frequency: 'quarter',
    owner: EDUCATION,
    categories: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'],
  }),

  // Monthly department report, on the province.
  province({
    code: 'BUDGET_SPENDING',
    name: 'Chi ngân sách địa phương',
    nameEn: 'Local budget spending',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    owner: FINANCE,
  }),
  province({
    code: 'PUBLIC_INV_PLAN',
    name: 'Kế hoạch vốn đầu tư công được giao trong năm',
    nameEn: 'Public investment capital allocated for the year',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'last',
    owner: FINANCE,
  }),
  province({
    code: 'PUBLIC_INV_DISBURSED',
    name: 'Vốn đầu tư công đã giải ngân lũy kế từ đầu năm',
    nameEn: 'Public investment disbursed, year to date',
    unit: 'tỷ đồng',
    valueType: 'number',
    // Year to date, so the latest month is the period's figure.
    aggregation: 'last',
    owner: FINANCE,
  }),
  province({
    code: 'FDI_REGISTERED',
    name: 'Vốn FDI đăng ký cấp mới và tăng thêm',
    nameEn: 'FDI registered, new and additional',
    unit: 'triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    owner: FINANCE,
  }),
  province({
    code: 'INDUSTRIAL_VALUE',
    name: 'Giá trị sản xuất công nghiệp',
    nameEn: 'Industrial production value',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    owner: TRADE,
  }),
  province({
    code: 'IIP',
    name: 'Chỉ số sản xuất công nghiệp (cùng kỳ năm trước = 100)',
    nameEn: 'Index of industrial production (same period last year = 100)',
    unit: '%',
    valueType: 'percent',
    aggregation: 'average',
    owner: STATISTICS,
  }),
  province({
    code: 'EXPORTS',
    name: 'Kim ngạch xuất khẩu hàng hóa',
    nameEn: 'Exports of goods',
    unit: 'triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    owner: TRADE,
  }),
  province({
    code: 'IMPORTS',
    name: 'Kim ngạch nhập khẩu hàng hóa',
    nameEn: 'Imports of goods',
    unit: 'triệu USD',
    valueType: 'number',
    aggregation: 'sum',
    owner: TRADE,
  }),
  province({
    code: 'CPI_CHANGE',
    name: 'Chỉ số giá tiêu dùng tăng so với cùng kỳ năm trước',
    nameEn: 'Consumer prices, change on a year earlier',
    unit: '%',
    valueType: 'percent',
    // The yearly CPI is the mean of the monthly indices (GSO's "bình quân năm").
    aggregation: 'average',
    owner: STATISTICS,
    minValue: -20,
  }),
  // Shares rather than counts: the count of communes fell from 178 to 60 in July 2025, the share did not.
  province({
    code: 'NTM_SHARE',
    name: 'Tỷ lệ xã đạt chuẩn nông thôn mới',
    nameEn: 'Share of communes meeting the new-rural standard',
    unit: '%',
    valueType: 'percent',
    aggregation: 'last',
    owner: AGRICULTURE,
    maxValue: 100,
  }),
  province({
    code: 'NTM_ADVANCED_SHARE',
    name: 'Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao',
    nameEn: 'Share of communes meeting the advanced new-rural standard',
    unit: '%',
    valueType: 'percent',
    aggregation: 'last',
    owner: AGRICULTURE,
    maxValue: 100,
  }),
  province({
    code: 'BED_OCCUPANCY',
    name: 'Công suất sử dụng giường bệnh',
    nameEn: 'Hospital bed occupancy',
    unit: '%',
    valueType: 'percent',
    aggregation: 'average',
    owner: HEALTH,
  }),

  // Quarterly GRDP and investment, on the province.
  province({
    code: 'GRDP',
    name: 'Tổng sản phẩm trên địa bàn (GRDP)',
    nameEn: 'Gross regional domestic product (GRDP)',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    frequency: 'quarter',
    owner: STATISTICS,
    categories: ['AGRICULTURE', 'INDUSTRY_CONSTRUCTION', 'SERVICES', 'PRODUCT_TAXES'],
  }),
  province({
    code: 'GRDP_GROWTH',
    name: 'Tốc độ tăng GRDP lũy kế từ đầu năm so với cùng kỳ',
    nameEn: 'GRDP growth, year to date on a year earlier',
    unit: '%',
    valueType: 'percent',
    // Year to date: the fourth quarter's figure is the year's growth.
    aggregation: 'last',
    frequency: 'quarter',
    owner: STATISTICS,
    minValue: -50,
  }),
  province({
    code: 'SOCIAL_INVESTMENT',
    name: 'Tổng vốn đầu tư thực hiện toàn xã hội',
    nameEn: 'Total social investment',
    unit: 'tỷ đồng',
    valueType: 'number',
    aggregation: 'sum',
    frequency: 'quarter',
    owner: STATISTICS,
  }),
];

type IndicatorSpec = Omit<DemoIndicator, 'direction' | 'decimals'> &
  Partial<Pick<DemoIndicator, 'direction' | 'decimals'>>;
const ind = (i: IndicatorSpec): DemoIndicator => ({ direction: 'up', decimals: 1, ...i });
const YEARLY = 'Chỉ có nghĩa cho kỳ năm (tử số là tổng cả năm, mẫu số là dân số cuối kỳ).';

export const DEMO_INDICATORS: DemoIndicator[] = [
  // Economy.
  ind({ code: 'GRDP', name: 'GRDP', nameEn: 'GRDP', formula: '#{GRDP}', unit: 'tỷ đồng', decimals: 0 }),
  ind({
    code: 'GRDP_GROWTH',
    name: 'Tốc độ tăng trưởng GRDP',
    nameEn: 'GRDP growth',
    formula: '#{GRDP_GROWTH}',
    unit: '%',
    decimals: 2,
    description: 'Lũy kế từ đầu năm so với cùng kỳ; quý IV là tăng trưởng cả năm.',
  }),
  ind({
    code: 'GRDP_PER_CAPITA',
    name: 'GRDP bình quân đầu người',
    nameEn: 'GRDP per head',
    // tỷ đồng / người × 1e3 = triệu đồng / người.
    formula: '#{GRDP} / #{POP} * 1e3',
    unit: 'triệu đồng/người',
    description: YEARLY,
  }),
  ind({
    code: 'GRDP_PER_CAPITA_USD',
    name: 'GRDP bình quân đầu người (USD)',
    nameEn: 'GRDP per head (USD)',
    // triệu đồng × 1e6 / (đồng/USD) = USD.
    formula: 'I{GRDP_PER_CAPITA} * 1e6 / C{VND_PER_USD}',
    unit: 'USD/người',
    decimals: 0,
    description: YEARLY,
  }),
  ind({
    code: 'GRDP_AGRI_SHARE',
    name: 'Tỷ trọng nông, lâm nghiệp và thủy sản trong GRDP',
    nameEn: 'Agriculture, forestry and fisheries share of GRDP',
    formula: '#{GRDP.AGRICULTURE} / #{GRDP} * 100',
    unit: '%',
    direction: 'down',
  }),
  ind({
    code: 'GRDP_INDUSTRY_SHARE',
    name: 'Tỷ trọng công nghiệp và xây dựng trong GRDP',
    nameEn: 'Industry and construction share of GRDP',
    formula: '#{GRDP.INDUSTRY_CONSTRUCTION} / #{GRDP} * 100',
    unit: '%',
  }),
  ind({
    code: 'GRDP_SERVICES_SHARE',
    name: 'Tỷ trọng dịch vụ trong GRDP',
    nameEn: 'Services share of GRDP',
    formula: '#{GRDP.SERVICES} / #{GRDP} * 100',
    unit: '%',
  }),
  ind({
    code: 'BUDGET_REVENUE',
    name: 'Thu ngân sách nhà nước trên địa bàn',
    nameEn: 'State budget revenue',
    formula: '#{BUDGET_REV}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'BUDGET_REV_DOMESTIC',
    name: 'Thu nội địa',
    nameEn: 'Domestic revenue',
    formula: '#{BUDGET_REV.TAX_FEES} + #{BUDGET_REV.LAND_USE}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'BUDGET_REV_LAND_USE',
    name: 'Thu tiền sử dụng đất',
    nameEn: 'Land use fees',
    formula: '#{BUDGET_REV.LAND_USE}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'BUDGET_REV_IMPORT_EXPORT',
    name: 'Thu từ hoạt động xuất nhập khẩu',
    nameEn: 'Revenue from imports and exports',
    formula: '#{BUDGET_REV.IMPORT_EXPORT}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'BUDGET_REV_PER_CAPITA',
    name: 'Thu ngân sách bình quân đầu người',
    nameEn: 'Budget revenue per head',
    formula: '#{BUDGET_REV} / #{POP} * 1e3',
    unit: 'triệu đồng/người',
    decimals: 2,
    description: YEARLY,
  }),
  ind({
    code: 'BUDGET_SPENDING',
    name: 'Chi ngân sách địa phương',
    nameEn: 'Local budget spending',
    formula: '#{BUDGET_SPENDING}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'SOCIAL_INVESTMENT',
    name: 'Tổng vốn đầu tư toàn xã hội',
    nameEn: 'Total social investment',
    formula: '#{SOCIAL_INVESTMENT}',
    unit: 'tỷ đồng',
    decimals: 0,
  }),
  ind({
    code: 'SOCIAL_INVESTMENT_GRDP',
    name: 'Vốn đầu tư toàn xã hội so với GRDP',
    nameEn: 'Total social investment to GRDP',
    formula: '#{SOCIAL_INVESTMENT} / #{GRDP} * 100',
    unit: '% GRDP',
  }),
  ind({
    code: 'PUBLIC_INV_DISBURSEMENT',
    name: 'Tỷ lệ giải ngân vốn đầu tư công',
    nameEn: 'Public investment disbursement rate',
    formula: '#{PUBLIC_INV_DISBURSED} / #{PUBLIC_INV_PLAN} * 100',
    unit: '%',
    description: 'Lũy kế từ đầu năm so với kế hoạch vốn được giao.',
  }),
  ind({
    code: 'FDI_REGISTERED',
    name: 'Vốn FDI đăng ký',
    nameEn: 'FDI registered',
    formula: '#{FDI_REGISTERED}',
    unit: 'triệu USD',
  }),
  ind({
    code: 'INDUSTRIAL_VALUE',
    name: 'Giá trị sản xuất công nghiệp',
    nameEn: 'Industrial production value',
    formula: '#{INDUSTRIAL_VALUE}',
    unit: 'tỷ đồng',
    decimals: 0,
  }),
  ind({
    code: 'IIP',
    name: 'Chỉ số sản xuất công nghiệp',
    nameEn: 'Industrial production index',
    formula: '#{IIP}',
    unit: '%',
  }),
  ind({ code: 'EXPORTS', name: 'Kim ngạch xuất khẩu', nameEn: 'Exports', formula: '#{EXPORTS}', unit: 'triệu USD' }),
  ind({
    code: 'EXPORTS_VND',
    name: 'Kim ngạch xuất khẩu quy đổi',
    nameEn: 'Exports in VND',
    // triệu USD × đồng/USD / 1e3 = tỷ đồng.
    formula: '#{EXPORTS} * C{VND_PER_USD} / 1e3',
    unit: 'tỷ đồng',
    decimals: 0,
  }),
  ind({ code: 'IMPORTS', name: 'Kim ngạch nhập khẩu', nameEn: 'Imports', formula: '#{IMPORTS}', unit: 'triệu USD' }),
  ind({
    code: 'TRADE_BALANCE',
    name: 'Cán cân thương mại',
    nameEn: 'Trade balance',
    formula: '#{EXPORTS} - #{IMPORTS}',
    unit: 'triệu USD',
  }),
  ind({
    code: 'RETAIL_SALES',
    name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
    nameEn: 'Retail sales of goods and services',
    formula: '#{RETAIL_SALES}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'RETAIL_SALES_PER_CAPITA',
    name: 'Bán lẻ bình quân đầu người',
    nameEn: 'Retail sales per head',
    formula: '#{RETAIL_SALES} / #{POP} * 1e3',
    unit: 'triệu đồng/người',
    decimals: 2,
    description: YEARLY,
  }),
  ind({
    code: 'CPI_CHANGE',
    name: 'Chỉ số giá tiêu dùng tăng so với cùng kỳ',
    nameEn: 'Inflation (CPI, year on year)',
    formula: '#{CPI_CHANGE}',
    unit: '%',
    decimals: 2,
    direction: 'down',
  }),
  ind({
    code: 'TOURISTS',
    name: 'Lượt khách du lịch',
    nameEn: 'Tourist arrivals',
    formula: '#{TOURISTS}',
    unit: 'lượt',
    decimals: 0,
  }),
  ind({
    code: 'TOURISTS_OVERNIGHT',
    name: 'Lượt khách lưu trú',
    nameEn: 'Overnight tourist arrivals',
    formula: '#{TOURISTS_OVERNIGHT}',
    unit: 'lượt',
    decimals: 0,
  }),
  ind({
    code: 'TOURISTS_INTL',
    name: 'Lượt khách quốc tế',
    nameEn: 'International tourist arrivals',
    formula: '#{TOURISTS_INTL}',
    unit: 'lượt',
    decimals: 0,
  }),
  ind({
    code: 'OVERNIGHT_SHARE',
    name: 'Tỷ lệ khách lưu trú',
    nameEn: 'Share of tourists staying overnight',
    formula: '#{TOURISTS_OVERNIGHT} / #{TOURISTS} * 100',
    unit: '%',
  }),
  ind({
    code: 'ACCOM_REVENUE',
    name: 'Doanh thu dịch vụ lưu trú, ăn uống',
    nameEn: 'Accommodation and food service revenue',
    formula: '#{ACCOM_REVENUE}',
    unit: 'tỷ đồng',
  }),
  ind({
    code: 'NEW_ENTERPRISES',
    name: 'Doanh nghiệp thành lập mới',
    nameEn: 'New enterprises',
    formula: '#{NEW_ENTERPRISES}',
    unit: 'doanh nghiệp',
    decimals: 0,
  }),
  ind({
    code: 'ENTERPRISES_DISSOLVED',
    name: 'Doanh nghiệp giải thể',
    nameEn: 'Enterprises dissolved',
    formula: '#{ENTERPRISES_DISSOLVED}',
    unit: 'doanh nghiệp',
    decimals: 0,
    direction: 'down',
  }),
  ind({
    code: 'ENTERPRISES_NET',
    name: 'Số doanh nghiệp tăng thêm (thành lập trừ giải thể)',
    nameEn: 'Net new enterprises',
    formula: '#{NEW_ENTERPRISES} - #{ENTERPRISES_DISSOLVED}',
    unit: 'doanh nghiệp',
    decimals: 0,
  }),
  ind({
    code: 'ENTERPRISES_PER_1000',
    name: 'Số doanh nghiệp hoạt động trên 1.000 dân',
    nameEn: 'Enterprises operating per 1,000 people',
    formula: '#{ENTERPRISES_ACTIVE} / #{POP} * 1e3',
    unit: 'doanh nghiệp/1.000 dân',
    decimals: 2,
  }),
  ind({
    code: 'RICE_OUTPUT',
    name: 'Sản lượng lúa',
    nameEn: 'Rice output',
    formula: '#{RICE_OUTPUT}',
    unit: 'tấn',
    decimals: 0,
  }),
  ind({
    code: 'AQUA_OUTPUT',
    name: 'Sản lượng nuôi trồng thủy sản',
    nameEn: 'Aquaculture output',
    formula: '#{AQUA_OUTPUT}',
    unit: 'tấn',
    decimals: 0,
  }),
  ind({
    code: 'FOREST_COVER',
    name: 'Tỷ lệ che phủ rừng',
    nameEn: 'Forest cover',
    formula: '#{FOREST_AREA} / #{NATURAL_AREA} * 100',
    unit: '%',
    decimals: 2,
  }),
  ind({
    code: 'NTM_RATE',
    name: 'Tỷ lệ xã đạt chuẩn nông thôn mới',
    nameEn: 'Share of communes meeting the new-rural standard',
    formula: '#{NTM_SHARE}',
    unit: '%',
  }),
  ind({
    code: 'NTM_ADVANCED_RATE',
    name: 'Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao',
    nameEn: 'Share of communes meeting the advanced new-rural standard',
    formula: '#{NTM_ADVANCED_SHARE}',
    unit: '%',
  }),

  // Society.
  ind({ code: 'POPULATION', name: 'Dân số', nameEn: 'Population', formula: '#{POP}', unit: 'người', decimals: 0 }),
  ind({
    code: 'URBAN_SHARE',
    name: 'Tỷ lệ dân số thành thị',
    nameEn: 'Urban population share',
    formula: '#{POP_URBAN} / #{POP} * 100',
    unit: '%',
  }),
  ind({
    code: 'FEMALE_SHARE',
    name: 'Tỷ lệ nữ trong dân số',
    nameEn: 'Female share of the population',
    formula: '#{POP.FEMALE} / #{POP} * 100',
    unit: '%',
    decimals: 2,
  }),
  ind({
    code: 'BIRTHS',
    name: 'Số trẻ sinh ra',
    nameEn: 'Live births',
    formula: '#{BIRTHS}',
    unit: 'trẻ',
    decimals: 0,
  }),
  ind({
    code: 'BIRTH_RATE',
    name: 'Tỷ suất sinh thô',
    nameEn: 'Crude birth rate',
    // trẻ / người × 1e3 = ‰.
    formula: '#{BIRTHS} / #{POP} * 1e3',
    unit: '‰',
    decimals: 2,
    description: YEARLY,
  }),
  ind({
    code: 'POVERTY_RATE',
    name: 'Tỷ lệ hộ nghèo',
    nameEn: 'Poverty rate (households)',
    formula: '#{POOR_HH} / #{HOUSEHOLDS} * 100',
    unit: '%',
    decimals: 2,
    direction: 'down',
  }),
  ind({
    code: 'NEAR_POOR_RATE',
    name: 'Tỷ lệ hộ cận nghèo',
    nameEn: 'Near-poverty rate (households)',
    formula: '#{NEAR_POOR_HH} / #{HOUSEHOLDS} * 100',
    unit: '%',
    decimals: 2,
    direction: 'down',
  }),
  ind({
    code: 'HEALTH_INSURANCE_COVERAGE',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    nameEn: 'Health insurance coverage',
    formula: '#{HEALTH_INSURED} / #{POP} * 100',
    unit: '%',
  }),
  ind({
    code: 'DENGUE_CASES',
    name: 'Số ca mắc sốt xuất huyết',
    nameEn: 'Dengue cases',
    formula: '#{DENGUE_CASES}',
    unit: 'ca',
    decimals: 0,
    direction: 'down',
  }),
  ind({
    code: 'DENGUE_INCIDENCE',
    name: 'Tỷ lệ mắc sốt xuất huyết trên 100.000 dân',
    nameEn: 'Dengue cases per 100,000 people',
    formula: '#{DENGUE_CASES} / #{POP} * 1e5',
    unit: 'ca/100.000 dân',
    decimals: 2,
    direction: 'down',
  }),
  ind({
    code: 'HFMD_CASES',
    name: 'Số ca mắc tay chân miệng',
    nameEn: 'Hand, foot and mouth disease cases',
    formula: '#{HFMD_CASES}',
    unit: 'ca',
    decimals: 0,
    direction: 'down',
  }),
  ind({
    code: 'VACCINATION_COVERAGE',
    name: 'Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ',
    nameEn: 'Full immunisation coverage of infants',
    formula: '#{INFANTS_VACCINATED} / #{INFANTS_DUE} * 100',
    unit: '%',
  }),
  ind({
    code: 'OUTPATIENT_VISITS',
    name: 'Lượt khám bệnh',
    nameEn: 'Outpatient visits',
    formula: '#{OUTPATIENT_VISITS}',
    unit: 'lượt',
    decimals: 0,
  }),
  ind({
    code: 'INPATIENTS',
    name: 'Lượt điều trị nội trú',
    nameEn: 'Inpatient admissions',
    formula: '#{INPATIENTS}',
    unit: 'lượt',
    decimals: 0,
  }),
  ind({
    code: 'BED_OCCUPANCY',
    name: 'Công suất sử dụng giường bệnh',
    nameEn: 'Hospital bed occupancy',
    formula: '#{BED_OCCUPANCY}',
    unit: '%',
  }),
  ind({
    code: 'PUPILS',
    name: 'Số học sinh',
    nameEn: 'Pupils enrolled',
    formula: '#{PUPILS}',
    unit: 'học sinh',
    decimals: 0,
  }),
  ind({
    code: 'PRESCHOOL_PUPILS',
    name: 'Số trẻ mầm non',
    nameEn: 'Preschool children enrolled',
    formula: '#{PUPILS.PRESCHOOL}',
    unit: 'trẻ',
    decimals: 0,
  }),
  ind({
    code: 'LABOUR_TRAINED',
    name: 'Lao động được đào tạo nghề',
    nameEn: 'Workers given vocational training',
    formula: '#{LABOUR_TRAINED}',
    unit: 'người',
    decimals: 0,
  }),
  ind({
    code: 'JOBS_CREATED',
    name: 'Lao động được tạo việc làm mới',
    nameEn: 'New jobs created',
    formula: '#{JOBS_CREATED}',
    unit: 'người',
    decimals: 0,
  }),
  ind({
    code: 'WORKERS_ABROAD',
    name: 'Người đi làm việc ở nước ngoài',
    nameEn: 'Workers sent abroad',
    formula: '#{WORKERS_ABROAD}',
    unit: 'người',
    decimals: 0,
  }),
  ind({
    code: 'TRAFFIC_ACCIDENTS',
    name: 'Số vụ tai nạn giao thông',
    nameEn: 'Traffic accidents',
    formula: '#{TRAFFIC_ACCIDENTS}',
    unit: 'vụ',
    decimals: 0,
    direction: 'down',
  }),
  ind({
    code: 'TRAFFIC_DEATHS',
    name: 'Số người chết do tai nạn giao thông',
    nameEn: 'Traffic deaths',
    formula: '#{TRAFFIC_DEATHS}',
    unit: 'người',
    decimals: 0,
    direction: 'down',
  }),
];

export const DEMO_CONSTANTS: DemoConstant[] = [
  // Central-rate order of magnitude for 2025; an operator updates it.
  { code: 'VND_PER_USD', name: 'Tỷ giá quy đổi (đồng/USD)', value: 25_400 },
];

export const DEMO_DATA_SETS: DemoDataSet[] = [
  {
    code: 'COMMUNE_ECONOMY_M',
    name: 'Báo cáo kinh tế tháng cấp xã',
    nameEn: 'Monthly commune economic report',
    frequency: 'month',
    level: 'commune',
    elements: [
      'BUDGET_REV',
      'RETAIL_SALES',
      'TOURISTS',
      'TOURISTS_OVERNIGHT',
      'TOURISTS_INTL',
      'ACCOM_REVENUE',
      'NEW_ENTERPRISES',
      'ENTERPRISES_DISSOLVED',
      'ENTERPRISES_ACTIVE',
      'RICE_OUTPUT',
      'AQUA_OUTPUT',
    ],
    dueDays: 24,
    dueTime: '23:59',
    lockDays: 40,
  },
  {
    code: 'COMMUNE_SOCIAL_M',
    name: 'Báo cáo văn hóa - xã hội tháng cấp xã',
    nameEn: 'Monthly commune social report',
    frequency: 'month',
    level: 'commune',
    elements: [
      'POP',
      'POP_URBAN',
      'HOUSEHOLDS',
      'POOR_HH',
      'NEAR_POOR_HH',
      'HEALTH_INSURED',
      'LABOUR_TRAINED',
      'JOBS_CREATED',
      'WORKERS_ABROAD',
      'TRAFFIC_ACCIDENTS',
      'TRAFFIC_DEATHS',
    ],
    dueDays: 24,
    dueTime: '23:59',
    lockDays: 40,
  },
  {
    code: 'COMMUNE_HEALTH_M',
    name: 'Báo cáo tháng của trạm y tế xã',
    nameEn: 'Monthly commune health station report',
    frequency: 'month',
    level: 'commune',
    elements: [
      'BIRTHS',
      'DENGUE_CASES',
      'HFMD_CASES',
      'INFANTS_DUE',
      'INFANTS_VACCINATED',
      'OUTPATIENT_VISITS',
      'INPATIENTS',
    ],
    dueDays: 19,
    dueTime: '17:00',
    lockDays: 35,
  },
  {
    code: 'COMMUNE_LAND_SCHOOLS_Q',
    name: 'Báo cáo quý cấp xã: đất đai, rừng, trường học',
    nameEn: 'Quarterly commune report: land, forest, schools',
    frequency: 'quarter',
    level: 'commune',
    elements: ['NATURAL_AREA', 'FOREST_AREA', 'PUPILS'],
    dueDays: 105,
    dueTime: '17:00',
    lockDays: 125,
  },
  {
    code: 'DEPARTMENT_M',
    name: 'Báo cáo tháng của các sở, ngành',
    nameEn: 'Monthly department report',
    frequency: 'month',
    level: 'province',
    elements: [
      'BUDGET_SPENDING',
      'PUBLIC_INV_PLAN',
      'PUBLIC_INV_DISBURSED',
      'FDI_REGISTERED',
      'INDUSTRIAL_VALUE',
      'IIP',
      'EXPORTS',
      'IMPORTS',
      'CPI_CHANGE',
      'NTM_SHARE',
      'NTM_ADVANCED_SHARE',
      'BED_OCCUPANCY',
    ],
    dueDays: 19,
    dueTime: '17:00',
    lockDays: 35,
  },
  {
    code: 'GRDP_Q',
    name: 'Báo cáo quý GRDP và vốn đầu tư',
    nameEn: 'Quarterly GRDP and investment report',
    frequency: 'quarter',
    level: 'province',
    elements: ['GRDP', 'GRDP_GROWTH', 'SOCIAL_INVESTMENT'],
    // About 20 days after the quarter ends.
    dueDays: 110,
    dueTime: '17:00',
    lockDays: 130,
  },
];
