/** Model files: the models on this device, importing, downloading, the default and the catalogue. */
export { ModelsButton } from './ModelsButton';
export { ModelsDialog } from './ModelsDialog';
import './models.css';
