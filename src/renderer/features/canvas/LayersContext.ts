import { createContext } from 'react';
import type { LayerVisibility } from './layers';

/** Which canvas layers are on; overlay layers read it to decide whether to draw. */
export const LayersContext = createContext<LayerVisibility>({});
