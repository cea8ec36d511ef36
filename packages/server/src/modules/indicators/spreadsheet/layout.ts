/**
 * The layout of a data set's spreadsheet, shared by the template writer and the reader: a title, the data set and
 * period in row 2 (B2, D2), human headers in row 4, machine codes in row 5 (UNIT, NAME, ELEMENT or ELEMENT.OPTION),
 * one row per unit from row 6.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = 'SoLieu';
export const META_ROW = 2;
export const HEADER_ROW = 4;
export const CODE_ROW = 5;
export const FIRST_DATA_ROW = 6;
export const UNIT_COLUMN = 1;
export const NAME_COLUMN = 2;
export const FIRST_VALUE_COLUMN = 3;

/** `A`, `B`, … `Z`, `AA`: the column letters Excel shows, for problems users can find. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
