/**
 * A catalogue of administrative procedures (TTHC) as a province's one-stop system publishes them, for the simulator.
 * Names, levels, agencies, deadlines and fees follow the national catalogue's usual entries after the July 2025
 * reorganisation (two-level local government: province and commune); codes have the national format ("1.001193") but
 * are illustrative, not looked up. `weight` is the expected number of dossiers on an ordinary working day before
 * scaling, so the relative volumes read directly (certification and civil status dominate, as they do everywhere).
 */

export type ProcedureLevel = 'province' | 'commune';
/** full: submitted and settled online end to end; partial: submitted online, some step in person; none: in person. */
export type OnlineLevel = 'full' | 'partial' | 'none';

export interface Procedure {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  level: ProcedureLevel;
  /** Provincial department (PROVINCIAL_AGENCIES code) for level 'province'; null: each commune's one-stop office. */
  agencyCode: string | null;
  onlineLevel: OnlineLevel;
  onlinePayment: boolean;
  /** Working days from reception to the appointment; fractions are hours (0.5 = half a working day). */
  deadlineDays: number;
  feeVnd: number | null;
  /** Relative daily volume. */
  weight: number;
}

interface Field {
  code: string;
  name: string;
}

const F = {
  civilStatus: { code: 'HOTICH', name: 'Hộ tịch' },
  certification: { code: 'CHUNGTHUC', name: 'Chứng thực' },
  land: { code: 'DATDAI', name: 'Đất đai' },
  construction: { code: 'XAYDUNG', name: 'Hoạt động xây dựng' },
  transport: { code: 'GTVT', name: 'Giao thông vận tải' },
  driving: { code: 'GPLX', name: 'Giấy phép lái xe' },
  fireSafety: { code: 'PCCC', name: 'Phòng cháy, chữa cháy' },
  security: { code: 'ANTT', name: 'Ngành nghề kinh doanh có điều kiện về an ninh, trật tự' },
  household: { code: 'DKKD', name: 'Đăng ký kinh doanh' },
  enterprise: { code: 'DOANHNGHIEP', name: 'Thành lập và hoạt động doanh nghiệp' },
  investment: { code: 'DAUTU', name: 'Đầu tư' },
  budget: { code: 'NGANSACH', name: 'Quản lý ngân sách nhà nước' },
  socialProtection: { code: 'BTXH', name: 'Bảo trợ xã hội' },
  merit: { code: 'NGUOICOCONG', name: 'Người có công' },
  employment: { code: 'VIECLAM', name: 'Việc làm' },
  labour: { code: 'LAODONG', name: 'Lao động, tiền lương' },
  overseasWork: { code: 'LDNN', name: 'Người lao động Việt Nam đi làm việc ở nước ngoài' },
  emulation: { code: 'TDKT', name: 'Thi đua, khen thưởng' },
  religion: { code: 'TONGIAO', name: 'Tín ngưỡng, tôn giáo' },
  education: { code: 'GIAODUC', name: 'Giáo dục và Đào tạo' },
  diplomas: { code: 'VANBANG', name: 'Văn bằng, chứng chỉ' },
  pharmacy: { code: 'DUOC', name: 'Dược phẩm' },
  healthcare: { code: 'KCB', name: 'Khám bệnh, chữa bệnh' },
  foodSafety: { code: 'ATTP', name: 'An toàn thực phẩm' },
  tourism: { code: 'DULICH', name: 'Du lịch' },
  culture: { code: 'VANHOA', name: 'Văn hóa' },
  publishing: { code: 'XUATBAN', name: 'Xuất bản, in và phát hành' },
  water: { code: 'TNNUOC', name: 'Tài nguyên nước' },
  environment: { code: 'MOITRUONG', name: 'Môi trường' },
  fuel: { code: 'XANGDAU', name: 'Kinh doanh xăng dầu, khí' },
  trade: { code: 'THUONGMAI', name: 'Lưu thông hàng hóa trong nước' },
  power: { code: 'DIENLUC', name: 'Điện lực' },
  veterinary: { code: 'THUY', name: 'Thú y' },
  fisheries: { code: 'THUYSAN', name: 'Thủy sản' },
  plantProtection: { code: 'BVTV', name: 'Bảo vệ thực vật' },
  disasters: { code: 'PCTT', name: 'Phòng, chống thiên tai' },
  science: { code: 'KHCN', name: 'Hoạt động khoa học và công nghệ' },
  radiation: { code: 'ATBX', name: 'An toàn bức xạ và hạt nhân' },
  standards: { code: 'TDC', name: 'Tiêu chuẩn, đo lường, chất lượng' },
  criminalRecord: { code: 'LLTP', name: 'Lý lịch tư pháp' },
  notary: { code: 'CONGCHUNG', name: 'Công chứng' },
} satisfies Record<string, Field>;

/** code, name, online level, online payment, deadline (working days), fee (VND), weight. */
type Row = [string, string, OnlineLevel, boolean, number, number | null, number];

function group(field: Field, agencyCode: string | null, rows: Row[]): Procedure[] {
  return rows.map(([code, name, onlineLevel, onlinePayment, deadlineDays, feeVnd, weight]) => ({
    code,
    name,
    fieldCode: field.code,
    fieldName: field.name,
    level: agencyCode ? 'province' : 'commune',
    agencyCode,
    onlineLevel,
    onlinePayment,
    deadlineDays,
    feeVnd,
    weight,
  }));
}

const COMMUNE: Procedure[] = [
  ...group(F.civilStatus, null, [
    ['1.001193', 'Đăng ký khai sinh', 'full', false, 1, null, 170],
    ['1.000894', 'Đăng ký kết hôn', 'partial', false, 3, null, 35],
    ['1.000656', 'Đăng ký khai tử', 'full', false, 1, null, 45],
    ['2.000635', 'Cấp bản sao trích lục hộ tịch', 'full', true, 1, 8_000, 90],
    ['1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'full', true, 3, 15_000, 75],
    ['1.004859', 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'partial', true, 3, 15_000, 18],
    ['1.001022', 'Đăng ký nhận cha, mẹ, con', 'partial', false, 3, null, 4],
    ['1.004884', 'Đăng ký lại khai sinh', 'partial', false, 5, null, 5],
    ['1.001702', 'Đăng ký kết hôn có yếu tố nước ngoài', 'partial', true, 10, 1_000_000, 1.5],
    [
      '1.001188',
      'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
      'full',
      false,
      5,
      null,
      40,
    ],
    [
      '1.001182',
      'Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, mai táng phí',
      'full',
      false,
      5,
      null,
      15,
    ],
  ]),
  ...group(F.certification, null, [
    ['2.000908', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'partial', true, 0.5, 2_000, 850],
    ['2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'partial', true, 0.5, 10_000, 120],
    ['2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'none', false, 2, 50_000, 20],
    ['2.001044', 'Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất, nhà ở', 'none', false, 2, 50_000, 60],
    [
      '2.001016',
      'Chứng thực văn bản thỏa thuận phân chia di sản là quyền sử dụng đất, nhà ở',
      'none',
      false,
      3,
      50_000,
      10,
    ],
    ['2.001019', 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 'none', false, 2, 30_000, 5],
  ]),
  ...group(F.land, null, [
    [
      '1.012768',
      'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân',
      'partial',
      true,
      20,
      100_000,
      55,
    ],
    ['1.012773', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu', 'partial', false, 15, null, 10],
    ['1.012781', 'Chuyển mục đích sử dụng đất đối với hộ gia đình, cá nhân', 'partial', true, 15, 100_000, 15],
    ['1.012790', 'Hòa giải tranh chấp đất đai', 'none', false, 30, null, 3],
  ]),
  ...group(F.construction, null, [
    ['1.009994', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'full', true, 15, 75_000, 22],
    ['1.009995', 'Cấp điều chỉnh, gia hạn giấy phép xây dựng nhà ở riêng lẻ', 'full', true, 10, 15_000, 3],
    ['1.009997', 'Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ', 'full', true, 15, 75_000, 2],
  ]),
  ...group(F.household, null, [
    ['2.000720', 'Đăng ký thành lập hộ kinh doanh', 'full', true, 3, 100_000, 28],
    ['2.000575', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'full', true, 3, 50_000, 10],
    ['2.000644', 'Tạm ngừng hoặc tiếp tục kinh doanh của hộ kinh doanh', 'full', false, 3, null, 6],
    ['2.000629', 'Chấm dứt hoạt động hộ kinh doanh', 'full', false, 3, null, 4],
  ]),
  ...group(F.socialProtection, null, [
    ['1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng', 'partial', false, 15, null, 16],
    ['1.001758', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'partial', false, 5, null, 5],
    [
      '1.001699',
      'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
      'partial',
      false,
      25,
      null,
      6,
    ],
    ['1.000489', 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', 'partial', false, 15, null, 4],
    ['1.000468', 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình', 'partial', false, 5, null, 3],
  ]),
  ...group(F.merit, null, [
    [
      '1.010831',
      'Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần',
      'partial',
      false,
      12,
      null,
      4,
    ],
  ]),
  ...group(F.emulation, null, [
    ['1.000775', 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', 'partial', false, 10, null, 4],
  ]),
  ...group(F.religion, null, [['1.001055', 'Thông báo tổ chức lễ hội tín ngưỡng', 'full', false, 5, null, 0.5]]),
  ...group(F.education, null, [
    ['1.005097', 'Chuyển trường đối với học sinh trung học cơ sở', 'full', false, 3, null, 8],
  ]),
  ...group(F.trade, null, [
    ['2.000620', 'Cấp Giấy phép bán lẻ rượu', 'full', true, 10, 600_000, 0.8],
    ['2.000162', 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'full', true, 10, 600_000, 0.5],
  ]),
  ...group(F.culture, null, [
    ['1.001029', 'Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'full', true, 5, 2_000_000, 0.5],
  ]),
  ...group(F.environment, null, [['1.010733', 'Đăng ký môi trường', 'full', false, 15, null, 1.2]]),
  ...group(F.disasters, null, [
    ['1.010092', 'Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh', 'partial', false, 10, null, 2],
  ]),
];

const PROVINCE: Procedure[] = [
  ...group(F.land, 'SNNMT', [
    [
      '1.012801',
      'Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế',
      'partial',
      true,
      10,
      50_000,
      70,
    ],
    ['1.012805', 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'partial', true, 7, 50_000, 25],
    ['1.012809', 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', 'partial', true, 10, 50_000, 4],
    ['1.012812', 'Đính chính Giấy chứng nhận quyền sử dụng đất đã cấp', 'partial', false, 5, null, 5],
    ['1.012816', 'Tách thửa hoặc hợp thửa đất', 'partial', true, 15, 100_000, 18],
    ['1.012820', 'Giao đất, cho thuê đất đối với tổ chức', 'partial', true, 20, 500_000, 0.6],
    ['1.012831', 'Cung cấp thông tin, dữ liệu đất đai', 'full', true, 2, 30_000, 15],
    ['1.012835', 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'full', true, 1, 80_000, 30],
    ['1.012839', 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'full', true, 1, 20_000, 20],
  ]),
  ...group(F.environment, 'SNNMT', [
    ['1.010727', 'Cấp giấy phép môi trường', 'partial', true, 30, 15_000_000, 0.5],
    ['1.010725', 'Thẩm định báo cáo đánh giá tác động môi trường', 'partial', true, 30, 20_000_000, 0.3],
  ]),
  ...group(F.water, 'SNNMT', [
    ['1.004232', 'Cấp giấy phép khai thác, sử dụng nước dưới đất', 'partial', true, 30, 2_000_000, 0.3],
    ['1.004253', 'Cấp giấy phép khai thác, sử dụng nước mặt', 'partial', true, 30, 2_000_000, 0.2],
  ]),
  ...group(F.veterinary, 'SNNMT', [
    [
      '1.003810',
      'Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
      'full',
      true,
      1,
      30_000,
      15,
    ],
    ['1.003619', 'Cấp chứng chỉ hành nghề thú y', 'full', true, 5, 100_000, 0.3],
  ]),
  ...group(F.fisheries, 'SNNMT', [
    ['1.004359', 'Cấp, cấp lại giấy phép khai thác thủy sản', 'full', true, 3, 40_000, 12],
    ['1.004692', 'Đăng ký tàu cá', 'partial', true, 3, 70_000, 4],
    ['1.004470', 'Cấp Giấy xác nhận nguồn gốc thủy sản khai thác', 'full', true, 2, 100_000, 2],
  ]),
  ...group(F.plantProtection, 'SNNMT', [
    ['1.004363', 'Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'full', true, 15, 500_000, 1],
  ]),
  ...group(F.foodSafety, 'SNNMT', [
    [
      '1.003001',
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản',
      'full',
      true,
      15,
      700_000,
      1.5,
    ],
  ]),
  ...group(F.construction, 'SXD', [
    [
      '1.009972',
      'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
      'partial',
      true,
      20,
      150_000,
      3,
    ],
    ['1.009983', 'Cấp chứng chỉ hành nghề hoạt động xây dựng', 'full', true, 20, 300_000, 2.5],
    ['1.009987', 'Cấp chứng chỉ năng lực hoạt động xây dựng', 'full', true, 20, 1_000_000, 1],
    ['1.009975', 'Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở', 'partial', true, 25, 2_000_000, 1.5],
  ]),
  ...group(F.transport, 'SXD', [
    ['1.002859', 'Cấp phù hiệu xe kinh doanh vận tải', 'full', false, 2, null, 28],
    ['1.002856', 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 'full', true, 5, 200_000, 3],
    ['1.002877', 'Cấp Giấy phép liên vận Việt Nam - Lào', 'full', true, 2, 50_000, 2],
    ['1.001045', 'Chấp thuận thi công công trình trên đường bộ đang khai thác', 'full', false, 7, null, 2],
    ['1.003658', 'Đăng ký phương tiện thủy nội địa lần đầu', 'partial', true, 3, 70_000, 1.5],
  ]),
  ...group(F.driving, 'CAT', [
    ['1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'full', true, 5, 135_000, 60],
    ['1.002809', 'Cấp lại giấy phép lái xe', 'full', true, 5, 135_000, 10],
    ['1.002835', 'Cấp mới giấy phép lái xe sau sát hạch', 'partial', true, 10, 135_000, 25],
  ]),
  ...group(F.fireSafety, 'CAT', [
    ['1.004516', 'Thẩm định thiết kế về phòng cháy và chữa cháy', 'partial', true, 10, 500_000, 2],
  ]),
  ...group(F.security, 'CAT', [
    ['1.003575', 'Cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự', 'full', true, 5, 300_000, 2],
  ]),
  ...group(F.criminalRecord, 'STP', [
    [
      '2.000488',
      'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      'full',
      true,
      10,
      200_000,
      70,
    ],
    [
      '2.000505',
      'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, cơ quan tiến hành tố tụng',
      'full',
      false,
      10,
      null,
      3,
    ],
  ]),
  ...group(F.notary, 'STP', [
    ['2.000789', 'Đăng ký hoạt động Văn phòng công chứng', 'partial', true, 10, 1_000_000, 0.1],
  ]),
  ...group(F.enterprise, 'STC', [
    ['2.002045', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'full', true, 3, 50_000, 6],
    ['2.002044', 'Đăng ký thành lập công ty cổ phần', 'full', true, 3, 50_000, 3],
    ['2.002060', 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp', 'full', true, 3, 50_000, 25],
    ['2.002070', 'Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'full', false, 3, null, 12],
    ['2.002053', 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn', 'full', false, 3, null, 6],
    ['2.002041', 'Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh', 'full', true, 3, 50_000, 4],
  ]),
  ...group(F.investment, 'STC', [
    [
      '1.009645',
      'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
      'partial',
      false,
      15,
      null,
      0.5,
    ],
  ]),
  ...group(F.budget, 'STC', [['1.005440', 'Đăng ký mã số đơn vị có quan hệ với ngân sách', 'full', false, 2, null, 3]]),
  ...group(F.investment, 'BQLKKT', [
    ['1.009732', 'Cấp Giấy chứng nhận đăng ký đầu tư trong khu kinh tế', 'partial', false, 15, null, 0.4],
  ]),
  ...group(F.labour, 'BQLKKT', [
    [
      '1.000105',
      'Cấp giấy phép lao động cho người lao động nước ngoài làm việc trong khu kinh tế',
      'full',
      true,
      5,
      600_000,
      3,
    ],
  ]),
  ...group(F.construction, 'BQLKKT', [
    ['1.009760', 'Cấp giấy phép xây dựng công trình trong khu kinh tế', 'partial', true, 20, 150_000, 0.4],
  ]),
  ...group(F.employment, 'SNV', [['1.001978', 'Giải quyết hưởng trợ cấp thất nghiệp', 'full', false, 20, null, 40]]),
  ...group(F.labour, 'SNV', [
    ['1.000114', 'Cấp giấy phép lao động cho người lao động nước ngoài', 'full', true, 5, 600_000, 2],
    ['2.001955', 'Đăng ký nội quy lao động của doanh nghiệp', 'full', false, 7, null, 1],
  ]),
  ...group(F.overseasWork, 'SNV', [
    ['1.001823', 'Đăng ký hợp đồng cá nhân của người lao động đi làm việc ở nước ngoài', 'full', false, 5, null, 2],
  ]),
  ...group(F.merit, 'SNV', [
    [
      '1.010801',
      'Giải quyết chế độ trợ cấp ưu đãi đối với thân nhân người có công với cách mạng',
      'partial',
      false,
      12,
      null,
      3,
    ],
  ]),
  ...group(F.emulation, 'SNV', [
    ['1.000748', 'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'partial', false, 20, null, 6],
  ]),
  ...group(F.pharmacy, 'SYT', [
    ['1.002952', 'Cấp Chứng chỉ hành nghề dược', 'full', true, 20, 500_000, 3],
    ['1.004616', 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', 'partial', true, 20, 1_000_000, 2],
  ]),
  ...group(F.healthcare, 'SYT', [
    ['1.012262', 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', 'full', true, 30, 360_000, 3],
    ['1.012275', 'Cấp giấy phép hoạt động cơ sở khám bệnh, chữa bệnh', 'partial', true, 30, 4_300_000, 0.8],
  ]),
  ...group(F.foodSafety, 'SYT', [
    [
      '1.001592',
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (ngành y tế)',
      'full',
      true,
      15,
      1_000_000,
      1.5,
    ],
  ]),
  ...group(F.diplomas, 'SGDDT', [
    ['1.005092', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'full', false, 1, null, 8],
    ['1.005088', 'Chỉnh sửa nội dung văn bằng, chứng chỉ', 'partial', false, 5, null, 1],
  ]),
  ...group(F.education, 'SGDDT', [
    ['1.004831', 'Chuyển trường đối với học sinh trung học phổ thông', 'full', false, 3, null, 6],
    ['1.005065', 'Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', 'partial', true, 20, 500_000, 0.3],
  ]),
  ...group(F.tourism, 'SVHTTDL', [
    ['1.001432', 'Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa', 'full', true, 10, 3_000_000, 0.3],
    ['1.001440', 'Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao', 'partial', true, 30, 1_500_000, 0.3],
    ['1.001455', 'Cấp thẻ hướng dẫn viên du lịch nội địa', 'full', true, 10, 650_000, 0.4],
  ]),
  ...group(F.culture, 'SVHTTDL', [['1.009397', 'Thông báo tổ chức biểu diễn nghệ thuật', 'full', false, 5, null, 1]]),
  ...group(F.publishing, 'SVHTTDL', [['1.003845', 'Cấp giấy phép hoạt động in', 'partial', false, 7, null, 0.2]]),
  ...group(F.radiation, 'SKHCN', [
    [
      '1.000507',
      'Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế',
      'full',
      true,
      15,
      1_500_000,
      0.5,
    ],
  ]),
  ...group(F.standards, 'SKHCN', [['1.000346', 'Tiếp nhận hồ sơ công bố hợp quy', 'full', false, 3, null, 1.5]]),
  ...group(F.science, 'SKHCN', [
    ['1.002384', 'Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 'partial', true, 15, 1_000_000, 0.1],
  ]),
  ...group(F.foodSafety, 'SCT', [
    [
      '2.000591',
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (ngành công thương)',
      'full',
      true,
      20,
      700_000,
      0.8,
    ],
  ]),
  ...group(F.fuel, 'SCT', [
    ['2.000647', 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'partial', true, 15, 1_200_000, 0.5],
    ['2.000152', 'Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai', 'partial', true, 15, 1_200_000, 0.3],
  ]),
  ...group(F.trade, 'SCT', [['2.000003', 'Đăng ký thực hiện khuyến mại', 'full', false, 5, null, 6]]),
  ...group(F.power, 'SCT', [['2.000081', 'Cấp giấy phép hoạt động điện lực', 'partial', true, 15, 800_000, 0.2]]),
];

/** The default catalogue: commune-level procedures first, then those of the provincial departments. */
export const PROCEDURES: readonly Procedure[] = [...COMMUNE, ...PROVINCE];

/** Fields whose applicants are businesses (LoaiDoiTuong 2): registering, licensing and trading. */
export const ENTERPRISE_FIELDS: ReadonlySet<string> = new Set([
  F.enterprise.code,
  F.investment.code,
  F.fuel.code,
  F.power.code,
  F.tourism.code,
  F.publishing.code,
]);
/** Fields where applicants are as often businesses as people (licences, food safety, construction). */
export const MIXED_FIELDS: ReadonlySet<string> = new Set([
  F.construction.code,
  F.transport.code,
  F.trade.code,
  F.foodSafety.code,
  F.pharmacy.code,
  F.labour.code,
  F.security.code,
  F.fireSafety.code,
  F.standards.code,
  F.radiation.code,
  F.budget.code,
]);
