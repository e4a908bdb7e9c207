import { SentenceSentiment, type MikroORM } from '@pluma/db';
import type { SentenceScore, SentenceScorer } from './score-sentence.ts';

/** Hashes looked up per query, to keep the IN list bounded on long pages. */
const LOOKUP_CHUNK = 1000;

/**
 * Scores of the given sentences (hash -> text), scoring only those never seen before. New scores
 * are inserted with INSERT IGNORE semantics: a worker racing on the same sentence computes the
 * same score, so whichever row lands first is right. Answers hash -> score, and how many were new.
 */
export async function storeSentenceScores(
  em: MikroORM['em'],
  sentences: ReadonlyMap<string, string>,
  scorer: SentenceScorer,
): Promise<{ scores: Map<string, SentenceScore>; scored: number }> {
  const scores = new Map<string, SentenceScore>();
  const hashes = [...sentences.keys()];
  for (let i = 0; i < hashes.length; i += LOOKUP_CHUNK) {
    const known = await em.find(
      SentenceSentiment,
      { sentenceHash: { $in: hashes.slice(i, i + LOOKUP_CHUNK) } },
      { fields: ['sentenceHash', 'score', 'label'], disableIdentityMap: true },
    );
    for (const row of known) scores.set(row.sentenceHash, { score: row.score, label: row.label });
  }
  const scoredAt = new Date();
  const fresh = [];
  for (const [hash, text] of sentences) {
    if (scores.has(hash)) continue;
    const score = scorer(text);
    scores.set(hash, score);
    fresh.push({ sentenceHash: hash, score: score.score, label: score.label, scoredAt });
  }
  for (let i = 0; i < fresh.length; i += LOOKUP_CHUNK) {
    await em.upsertMany(SentenceSentiment, fresh.slice(i, i + LOOKUP_CHUNK), {
      onConflictFields: ['sentenceHash'],
      onConflictAction: 'ignore',
    });
  }
  return { scores, scored: fresh.length };
}
