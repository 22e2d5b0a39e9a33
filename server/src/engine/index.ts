// The engine's public API. Front ends (CLI, language server, tests) import only from here.
export * from './types.js';
export { parsePolicy, parseSteps, drain } from './model.js';
export { AnalysisCache } from './incremental.js';
export { lint, lintSteps, fixText, applyEdits, compatibleFixes, docsUrl, DOCS_BASE, type FixOptions } from './lint.js';
export { FIX_TYPES, fixType, isSafeTextFix, type FixType } from './fix-kinds.js';
export { insertSectionFix, sectionChoiceFixes, sectionAt } from './insert.js';
export {
  templateFor,
  templateBody,
  templateValues,
  type SectionTemplate,
  type TemplateChoice,
  type TemplateValues,
} from './templates/index.js';
export { RULES, getRule } from './rules/index.js';
export { ITEMS, getItem, type ItemDef } from './items/index.js';
export { resolveConfig, parseConfigText, PROFILES, configSchema } from './config.js';
export {
  LAW_PROFILES,
  lawProfile,
  profileEntries,
  composeProfiles,
  profilesOfItem,
  splitProfiles,
  profileCounts,
  profileGroups,
  UNASKED_GROUP,
  formatProfileCounts,
  lawProfilesOn,
  provisionsOf,
  CORPUS_LABEL,
  type ProfileCount,
  addProfilesToConfig,
  type LawProfile,
} from './profiles.js';
export {
  profileSignals,
  suggestedProfiles,
  profileActive,
  SUGGESTED_PROFILES,
  type ProfileSignal,
} from './rules/suggest-profile.js';
export { LAW_ITEMS } from './laws/index.js';
export { deriveChecklist, SHIPPED_CHECKLIST } from './derive.js';
export { evaluateChecklist, evaluateItems } from './checklist.js';
export { disableCommentEdit } from './disable.js';
