import { useEffect, useRef, useState } from 'react';

/**
 * Marks on the page's performance timeline as an editor opens, so a trace (and the
 * canvas benchmark, which prints them) shows where the time goes. Each is made once per
 * editor; a mark costs next to nothing.
 */

/** Marks `name` when the component first renders. */
export function useFirstRenderMark(name: string): void {
  useState(() => performance.mark(name));
}

/**
 * Marks `name` once `ready`, after the effects of the component's children (React
 * Flow's, for the canvas), and `name-frame` when the next frame starts.
 */
export function useReadyMark(name: string, ready = true): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark(name);
    const frame = requestAnimationFrame(() => performance.mark(`${name}-frame`));
    return () => cancelAnimationFrame(frame);
  }, [name, ready]);
}
