import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../lib/api-client.ts';
import { asProblem, type ApiProblem } from '../lib/problem.ts';
import type { ScoredSentence } from './sentiment-ranges.ts';

interface SentimentMessage {
  type: 'sentiment';
  pageId: number;
  updatedAt: string;
  sentences: ScoredSentence[];
}

function parseSentimentMessage(payload: string, pageId: number): SentimentMessage | null {
  try {
    const message = JSON.parse(payload) as Partial<SentimentMessage>;
    if (message.type !== 'sentiment' || message.pageId !== pageId) return null;
    if (!Array.isArray(message.sentences)) return null;
    return message as SentimentMessage;
  } catch {
    return null;
  }
}

export interface PageSentiment {
  /** The sentences to mark now (null while off). */
  sentences: ScoredSentence[] | null;
  /** When the shown result was scored. */
  updatedAt: string | null;
  problem: ApiProblem | undefined;
}

/**
 * The page's sentence sentiment while `enabled`: the latest stored result from the API when
 * switched on, then each fresh result the collab server relays (a stateless message) as the
 * worker scores the page after people stop typing.
 */
export function usePageSentiment(
  api: ApiClient,
  provider: HocuspocusProvider | undefined,
  pageId: number,
  enabled: boolean,
): PageSentiment {
  const latest = useRef<SentimentMessage | null>(null);
  const [shown, setShown] = useState<{ sentences: ScoredSentence[]; updatedAt: string } | null>(
    null,
  );
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  // Results are kept even while off, so switching on shows the newest at once.
  useEffect(() => {
    if (!provider) return;
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseSentimentMessage(payload, pageId);
      if (!message) return;
      latest.current = message;
      setShown({ sentences: message.sentences, updatedAt: message.updatedAt });
    };
    provider.on('stateless', onStateless);
    return () => {
      provider.off('stateless', onStateless);
    };
  }, [provider, pageId]);

  useEffect(() => {
    if (!enabled || latest.current) return;
    const controller = new AbortController();
    api
      .get<{ updatedAt: string | null; sentences: ScoredSentence[] }>(
        `/pages/${pageId}/sentiment`,
        { signal: controller.signal },
      )
      .then((result) => {
        // A relayed result that arrived meanwhile is newer than the stored one.
        if (latest.current || !result.updatedAt) return;
        setShown({ sentences: result.sentences, updatedAt: result.updatedAt });
        setProblem(undefined);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProblem(asProblem(error));
      });
    return () => controller.abort();
  }, [api, enabled, pageId]);

  return {
    sentences: enabled && shown ? shown.sentences : null,
    updatedAt: enabled && shown ? shown.updatedAt : null,
    problem: enabled ? problem : undefined,
  };
}
