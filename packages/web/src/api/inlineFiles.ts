import type { InlineFile } from '@ioc/shared';

/** Reads chosen files as the API's inline files (base64); the server checks their size and type. */
export async function readInlineFiles(files: FileList | readonly File[] | null): Promise<InlineFile[]> {
  const list = files ? Array.from(files) : [];
  return Promise.all(
    list.map(
      (file) =>
        new Promise<InlineFile>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => {
            const url = String(reader.result);
            resolve({
              name: file.name,
              mime: file.type || 'application/octet-stream',
              contentBase64: url.slice(url.indexOf(',') + 1),
            });
          };
          reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
          reader.readAsDataURL(file);
        }),
    ),
  );
}
