import { normalizeName } from '../agencies/agencies.ts';

const MAX_TERMS = 200;

/** The words of a text with accents and case folded ("Quyết định" → quyet, dinh), each once. */
export function wordsOf(text: string): string[] {
  return [
    ...new Set(
      normalizeName(text)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 0),
    ),
  ];
}

/**
 * What a document is found by: each word of its subject and notation, and each word of its issuing agency under
 * an `o:` prefix so that "y te" as an agency does not match subjects about health. Capped: a long subject's tail
 * adds little to search and much to the index.
 */
export function documentTerms(doc: {
  subject: string;
  codeNotation: string;
  organName: string;
  organId: string | null;
}) {
  const terms = new Set<string>();
  for (const w of wordsOf(`${doc.subject} ${doc.codeNotation}`)) terms.add(w);
  for (const w of wordsOf(doc.organName)) terms.add(`o:${w}`);
  if (doc.organId) terms.add(`o:${normalizeName(doc.organId)}`);
  return [...terms].slice(0, MAX_TERMS);
}
