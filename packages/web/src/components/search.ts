/** Lower case without Vietnamese diacritics, so "thanh sen" finds "Thành Sen". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

export function matchesSearch(text: string, query: string): boolean {
  const needle = foldText(query);
  return needle === '' || foldText(text).includes(needle);
}
