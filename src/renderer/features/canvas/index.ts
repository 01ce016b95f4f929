/** The journey canvas feature: the only entry point other features and the app use. */
export { JourneyEditor, type JourneyEditorProps } from './JourneyEditor';
export { defaultLayers, type CanvasLayer } from './layers';
export { LayersContext } from './LayersContext';
