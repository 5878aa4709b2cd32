export { findDocumentNames } from './find-document-names.js';
export { capitalize } from './tokens.js';
export { shouted } from './shouted.js';
export type { DocumentNames, NameReason, PlacedName } from './types.js';
export { uiLabelSpans } from './ui-labels.js';
