import ExcelJS from 'exceljs';
import { CODE_ROW, FIRST_DATA_ROW, FIRST_VALUE_COLUMN, HEADER_ROW, META_ROW, SHEET_NAME } from './layout.ts';

export interface TemplateColumn {
  /** ELEMENT, or ELEMENT.OPTION for one category option. */
  code: string;
  header: string;
  valueType: string;
}

export interface TemplateInput {
  dataSet: { code: string; name: string };
  period: string;
  periodLabel: string;
  columns: TemplateColumn[];
  units: { id: string; name: string }[];
  /** Stored values by `unit|CODE`, pre-filled so a unit can correct rather than retype. */
  values: Map<string, number>;
}

/** A template a commune officer fills in Excel or LibreOffice; the code row tells the reader what each column is. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IOC Hà Tĩnh';
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: CODE_ROW }],
  });
  sheet.getCell(1, 1).value = `${input.dataSet.name} — ${input.periodLabel}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(META_ROW).values = ['Bộ số liệu / Data set', input.dataSet.code, 'Kỳ / Period', input.period];
  sheet.getCell(3, 1).value =
    'Điền số vào các ô trống, không sửa dòng mã (dòng 5). Fill in the blank cells; do not edit the code row (row 5).';
  sheet.getCell(3, 1).font = { italic: true, color: { argb: 'FF666666' } };

  const header = sheet.getRow(HEADER_ROW);
  const codes = sheet.getRow(CODE_ROW);
  header.values = ['Mã đơn vị / Unit code', 'Tên đơn vị / Unit', ...input.columns.map((c) => c.header)];
  codes.values = ['UNIT', 'NAME', ...input.columns.map((c) => c.code)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 48;
  codes.font = { color: { argb: 'FF888888' }, size: 9 };
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 30;

  input.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(FIRST_VALUE_COLUMN + index);
    sheetColumn.width = 18;
    sheetColumn.numFmt = column.valueType === 'integer' ? '#,##0' : '#,##0.###';
  });
  input.units.forEach((unit, rowIndex) => {
    const row = sheet.getRow(FIRST_DATA_ROW + rowIndex);
    row.getCell(1).value = unit.id;
    row.getCell(2).value = unit.name;
    input.columns.forEach((column, index) => {
      const value = input.values.get(`${unit.id}|${column.code}`);
      if (value !== undefined) row.getCell(FIRST_VALUE_COLUMN + index).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
