import type { PortalDossier, PortalProgress } from '@ioc/shared';
import type { Reading, Readings } from './normalise.ts';

type Supplement = NonNullable<PortalDossier['DanhSachHoSoBoSung']>[number];

/** Every field of the schema, and only those, with how it is read (`satisfies` keeps the two lists the same). */
const readingsOf = (fields: Record<string, Reading>): Readings => new Map(Object.entries(fields));

const SUPPLEMENT_FIELDS = readingsOf({
  NgayYeuCauBoSung: 'value',
  NgayBoSung: 'value',
  LyDo: 'value',
} satisfies Record<keyof Supplement, Reading>);

export const DOSSIER_FIELDS = readingsOf({
  MaHoSo: 'value',
  MaTTHC: 'value',
  TenTTHC: 'value',
  MaLinhVuc: 'value',
  TenLinhVuc: 'value',
  KenhThucHien: 'number',
  ChuHoSo: 'value',
  LoaiDoiTuong: 'number',
  TrichYeuHoSo: 'value',
  NgayNopHoSo: 'value',
  NgayTiepNhan: 'value',
  NgayHenTra: 'value',
  TrangThaiHoSo: 'number',
  NgayTra: 'value',
  NgayKetThucXuLy: 'value',
  DonViXuLy: 'value',
  HinhThuc: 'value',
  DuocThanhToanTrucTuyen: 'flag',
  HoSoCoThanhPhanSoHoa: 'flag',
  DanhSachHoSoBoSung: { list: SUPPLEMENT_FIELDS },
} satisfies Record<keyof PortalDossier, Reading>);

export const PROGRESS_FIELDS = readingsOf({
  MaHoSo: 'value',
  ThoiDiemXuLy: 'value',
  TrangThai: 'number',
  NguoiXuLy: 'value',
  ChucDanh: 'value',
  PhongBanXuLy: 'value',
  NoiDungXuLy: 'value',
  NgayBatDau: 'value',
  NgayKetThucTheoQuyDinh: 'value',
} satisfies Record<keyof PortalProgress, Reading>);
