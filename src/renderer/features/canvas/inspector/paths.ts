/**
 * Editing the paths of a split (A/B variants, random cohorts). The limits mirror the
 * schemas in `shared/journey/kinds.ts` (a unit test keeps them in step).
 */

export interface SplitPath {
  id: string;
  name: string;
  percent: number;
}

export type SplitKind = 'abSplit' | 'randomCohort';

export const pathRules: Record<SplitKind, { field: 'variants' | 'cohorts'; noun: string; min: number; max: number }> = {
  abSplit: { field: 'variants', noun: 'Variant', min: 2, max: 5 },
  randomCohort: { field: 'cohorts', noun: 'Cohort', min: 2, max: 10 },
};

/** The paths in possibly damaged data, each with a usable id, name and percent. */
export function readPaths(value: unknown): SplitPath[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: unknown, i) => {
    const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    return {
      id: typeof p.id === 'string' ? p.id : `p${i + 1}`,
      name: typeof p.name === 'string' ? p.name : '',
      percent: typeof p.percent === 'number' && Number.isFinite(p.percent) ? p.percent : 0,
    };
  });
}

/** A new path: a fresh id (never "control"), a default name, and what is left of 100%. */
export function newPath(kind: SplitKind, paths: readonly SplitPath[], extraPercent = 0): SplitPath {
  const used = new Set(paths.map((p) => p.id.toLowerCase()));
  const total = pathTotal(paths, extraPercent);
  const percent = Math.max(0, Math.round((100 - total) * 100) / 100);
  if (kind === 'abSplit') {
    const letter = 'abcdefghijklmnopqrstuvwxyz'.split('').find((l) => !used.has(l)) ?? `v${paths.length + 1}`;
    return { id: letter, name: `Variant ${letter.toUpperCase()}`, percent };
  }
  let n = paths.length + 1;
  while (used.has(`c${n}`)) n++;
  return { id: `c${n}`, name: `Cohort ${n}`, percent };
}

/** The sum of the paths' percentages plus `extraPercent` (the A/B control group). */
export function pathTotal(paths: readonly SplitPath[], extraPercent = 0): number {
  const total = paths.reduce((sum, p) => sum + p.percent, extraPercent);
  return Math.round(total * 1e6) / 1e6;
}
