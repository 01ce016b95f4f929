import { useEffect, useState } from 'react';
import type { MemoryHit } from '../../../shared/ai/memory';
import { useApi } from '../../app/BackendContext';
import { messageOf } from '../../../shared/errors';

const rank = (r: number | null) => (r === null ? '—' : String(r));

/** What the AI would retrieve for `query`: the fused order, with each list's rank. */
export function SearchPreview({ query }: { query: string }) {
  const api = useApi();
  const [hits, setHits] = useState<MemoryHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const trimmed = query.trim().slice(0, 2_000);
    if (!trimmed) return setHits(null);
    // Each keystroke would embed the query once; wait for a pause in typing.
    const timer = setTimeout(() => {
      api.memory.search({ query: trimmed, limit: 8 }).then(
        (result) => live && (setHits(result), setProblem(null)),
        (error: unknown) => live && setProblem(messageOf(error)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  if (problem) return <p className="form-error">{problem}</p>;
  if (!hits) return null;
  const textOnly = hits.length > 0 && hits.every((h) => h.vectorRank === null);
  return (
    <section className="memory-preview" aria-label="What the AI would use">
      <h3>What the AI would use</h3>
      {hits.length === 0 ? (
        <p className="muted">Nothing in the memory matches.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Item</th>
              <th scope="col">Words rank</th>
              <th scope="col">Meaning rank</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((hit, i) => (
              <tr key={hit.item.id}>
                <td>{i + 1}</td>
                <td>{hit.item.title}</td>
                <td>{rank(hit.textRank)}</td>
                <td>{rank(hit.vectorRank)}</td>
                <td>{hit.score.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {textOnly && <p className="muted">Matched by words only: load a model to search by meaning too.</p>}
    </section>
  );
}
