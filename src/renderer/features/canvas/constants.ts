/** The drag-and-drop type a palette item carries; the canvas accepts only this. */
export const PALETTE_MIME = 'application/x-maily-node-kind';

/**
 * Past this many nodes a journey is "big": only what is in view is rendered, and the
 * view opens on (and fits after auto-layout to) its Entry steps instead of all of it.
 */
export const bigJourney = 300;

/** How the view frames a journey's start when it opens (and after auto-layout). */
export const openingFit = { padding: 0.2, maxZoom: 1 } as const;

/** How far the canvas zooms out and in. */
export const zoomRange = { min: 0.05, max: 2 } as const;
