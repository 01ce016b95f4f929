/** The email editor feature: the only entry point the app and other features use. */
export { EmailEditor, type EmailEditorProps } from './EmailEditor';
export type { EmailAiSlots } from './ai/aiSlots';
