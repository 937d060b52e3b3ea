// The pure logic of rule texts (村规民约 / 居民公约): numbering, reference upkeep, comparison,
// penalty wording and splitting pasted text.
export * from './types';
export { articleLabel, chapterLabel, numberStructure, parseChineseNumeral } from './numbering';
export { renumberReferences } from './references';
export { compareSnapshots, similarity } from './compare';
export { defaultPenaltyTerms, findPenaltyWording, penaltyTermProblem } from './penalty';
export { splitRuleText } from './split';
