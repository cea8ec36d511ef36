/**
 * Who handles a dossier at each step, as progress records name them (PhongBanXuLy, ChucDanh): the one-stop desk,
 * the specialist office of the field, the leader who signs. Since July 2025 every commune has its own public
 * administration service centre, and its specialist work sits in three offices.
 */
import type { Procedure } from './procedures.ts';

export type Role = 'desk' | 'specialist' | 'leader';

const COMMUNE_OFFICE: Record<string, string> = {
  HOTICH: 'Văn phòng HĐND và UBND',
  CHUNGTHUC: 'Văn phòng HĐND và UBND',
  BTXH: 'Phòng Văn hóa - Xã hội',
  NGUOICOCONG: 'Phòng Văn hóa - Xã hội',
  TDKT: 'Phòng Văn hóa - Xã hội',
  TONGIAO: 'Phòng Văn hóa - Xã hội',
  GIAODUC: 'Phòng Văn hóa - Xã hội',
  VANHOA: 'Phòng Văn hóa - Xã hội',
};
const COMMUNE_TITLE: Record<string, string> = {
  HOTICH: 'Công chức Tư pháp - Hộ tịch',
  CHUNGTHUC: 'Công chức Tư pháp - Hộ tịch',
  DATDAI: 'Công chức Địa chính - Xây dựng',
  XAYDUNG: 'Công chức Địa chính - Xây dựng',
  MOITRUONG: 'Công chức Địa chính - Xây dựng',
};
/** Specialist offices of the departments, by agency and field; the field alone when only one agency has it. */
const DEPARTMENT_OFFICE: Record<string, string> = {
  'SNNMT:DATDAI': 'Văn phòng Đăng ký đất đai',
  'SNNMT:MOITRUONG': 'Phòng Môi trường',
  'SNNMT:TNNUOC': 'Phòng Tài nguyên nước',
  'SNNMT:THUY': 'Chi cục Chăn nuôi và Thú y',
  'SNNMT:THUYSAN': 'Chi cục Thủy sản',
  'SNNMT:BVTV': 'Chi cục Trồng trọt và Bảo vệ thực vật',
  'SNNMT:ATTP': 'Chi cục Quản lý chất lượng nông lâm sản và thủy sản',
  'SXD:XAYDUNG': 'Phòng Quản lý hoạt động xây dựng',
  'SXD:GTVT': 'Phòng Quản lý vận tải, phương tiện và người lái',
  'CAT:GPLX': 'Phòng Cảnh sát giao thông',
  'CAT:PCCC': 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'CAT:ANTT': 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
  'STP:LLTP': 'Phòng Hành chính tư pháp',
  'STP:CONGCHUNG': 'Phòng Bổ trợ tư pháp',
  'STC:DOANHNGHIEP': 'Phòng Đăng ký kinh doanh',
  'STC:DAUTU': 'Phòng Đầu tư',
  'STC:NGANSACH': 'Phòng Quản lý ngân sách',
  'SNV:VIECLAM': 'Trung tâm Dịch vụ việc làm',
  'SYT:ATTP': 'Chi cục An toàn vệ sinh thực phẩm',
  'SCT:ATTP': 'Phòng Kỹ thuật an toàn - Môi trường',
  'SGDDT:VANBANG': 'Phòng Quản lý chất lượng',
};

/** The office acting at a step (PhongBanXuLy): the desk receives and returns, the specialist office examines. */
export function officeOf(procedure: Procedure, role: Role): string {
  const commune = procedure.level === 'commune';
  if (role === 'desk') return commune ? 'Trung tâm Phục vụ hành chính công' : 'Trung tâm Phục vụ hành chính công tỉnh';
  if (role === 'leader') {
    if (commune) return 'Lãnh đạo UBND';
    if (procedure.agencyCode === 'CAT') return 'Ban Giám đốc Công an tỉnh';
    return procedure.agencyCode === 'BQLKKT' ? 'Lãnh đạo Ban' : 'Ban Giám đốc Sở';
  }
  if (commune) return COMMUNE_OFFICE[procedure.fieldCode] ?? 'Phòng Kinh tế';
  return DEPARTMENT_OFFICE[`${procedure.agencyCode}:${procedure.fieldCode}`] ?? 'Phòng chuyên môn';
}

export function titleOf(procedure: Procedure, role: Role): string {
  const commune = procedure.level === 'commune';
  if (role === 'desk') return 'Công chức tiếp nhận và trả kết quả';
  if (role === 'leader') {
    if (commune) return 'Phó Chủ tịch UBND';
    if (procedure.agencyCode === 'CAT') return 'Phó Giám đốc Công an tỉnh';
    if (procedure.agencyCode === 'BQLKKT') return 'Phó Trưởng ban';
    return 'Phó Giám đốc Sở';
  }
  return commune ? (COMMUNE_TITLE[procedure.fieldCode] ?? 'Công chức chuyên môn') : 'Chuyên viên';
}
