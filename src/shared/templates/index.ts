export { buildTemplate, templateIds, templateInfo, type TemplateId } from './templates';
