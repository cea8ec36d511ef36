/**
 * Strings of pending pages added after the kit's catalogue: the floods and storms page, and what the health page
 * says of the indicators it shows meanwhile. Each set goes with its page's entry in modules.ts.
 */
export const disasterVi = {
  'nav.disaster': 'Lũ, bão',
  'pending.disaster':
    'Phòng, chống thiên tai: mực nước sông tại các trạm thủy văn (Sơn Diệm, Linh Cảm, Hòa Duyệt, Chu Lễ) so với các cấp báo động I, II, III; lượng mưa; mực nước và dung tích các hồ chứa (Kẻ Gỗ, Sông Rác…); tin cảnh báo lũ, bão và cấp độ rủi ro thiên tai theo xã, phường.',
};

export const healthPendingVi = {
  'pending.health.related':
    'Phân hệ Y tế chưa kết nối với hệ thống của ngành y tế. Trong lúc chờ, các chỉ tiêu y tế dưới đây lấy từ báo cáo của trạm y tế xã, phường và Sở Y tế trong phân hệ Chỉ tiêu KT-XH.',
};

declare module '../i18n/catalogue.ts' {
  interface SubsystemMessageKeys extends Record<keyof typeof disasterVi | keyof typeof healthPendingVi, string> {}
}
