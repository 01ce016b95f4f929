import type { OnMoveStart } from '@xyflow/react';
import { createContext } from 'react';

/**
 * Told when the canvas viewport starts to move; React Flow passes the input event, or
 * null for a programmatic move. Presence uses it to stop following when the designer
 * pans or zooms themselves. Undefined (the default) costs nothing.
 */
export const MoveStartContext = createContext<OnMoveStart | undefined>(undefined);
